package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.Given.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in a real headless Chromium against the running standalone application: each role signs in with the
 * console's form and sees what the API gives it, no more. Screenshots of each page are saved under docs/console/.
 */
class ConsoleBrowserTest {

    private static final List<String> ROLES_USERS = List.of("intake1", "handler1", "supervisor1", "compliance1",
            "regulator1", "analyst1");
    private static final String NAME = "Li Wei";
    private static final String PHONE = "+86 138 0000 0000";
    private static final String EMAIL = "li.wei@example.com";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path exports;

    private static RunningApplication app;
    private static Api api;
    private static Browser browser;
    private static String handledCase;
    private static String tamperedCase;

    @BeforeAll
    static void start() {
        if (!Browser.installed()) {
            System.err.println(Browser.MISSING);
            return;
        }
        app = RunningApplication.start(dataDir);
        api = app.api();
        Given given = new Given(api);
        given.aRegisteredCase();
        given.aClosedCase();
        ok201(api.as("intake1").register(Registration.aRegistration().receivedHoursAgo(20 * 24)
                .enteredLateBecause("Letter found in the branch's post after a fortnight").body()));
        handledCase = given.aCaseReadyForResolution();
        tamperedCase = given.aCaseHandledBy("handler2");
        ok(api.as("handler2").command(tamperedCase, "evidence", evidence()));
        IntegrityProbe probe = new IntegrityProbe(app, exports);
        String altered = new String(probe.storedPayload(tamperedCase, 2), StandardCharsets.UTF_8)
                .replaceFirst("\"complaintId\"", "\"complaintId\" ");
        probe.tamper("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = 2",
                altered.getBytes(StandardCharsets.UTF_8), tamperedCase);
        browser = Browser.open(api.base());
    }

    /** Each test reported skipped, with the reason, when there is no browser. */
    @BeforeEach
    void browserInstalled() {
        Browser.assumeInstalled();
    }

    private static void ok201(ApiReply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    void every_role_signs_in_and_the_overview_shows_the_counts_the_api_gives() {
        for (String user : ROLES_USERS) {
            browser.signIn(user, Api.DEMO_PASSWORD);
            long open = api.as(user).get("/api/cases/open?size=1").json().path("totalElements").asLong();
            long overdue = api.as(user).get("/api/cases/overdue?size=1").json().path("totalElements").asLong();
            browser.waitForText(By.id("open-count"), String.valueOf(open));
            browser.waitForText(By.id("overdue-count"), String.valueOf(overdue));
            browser.waitForText(By.id("live-state"), "live");
            assertThat(browser.text(By.id("session-user"))).isEqualTo(user);
            boolean administers = user.startsWith("supervisor") || user.startsWith("compliance");
            assertThat(browser.driver().findElements(By.cssSelector("a[data-page='projections']")).get(0).isDisplayed())
                    .as("projections offered to %s", user).isEqualTo(administers);
        }
        browser.signIn("compliance1", Api.DEMO_PASSWORD);
        browser.waitFor(By.id("satisfaction-overall"));
        browser.screenshot("overview");
        Browser.Render render = browser.overviewRender();
        System.out.printf("console overview: first render %.0f ms, every chart drawn %.0f ms after navigation start%n",
                render.firstMillis(), render.completeMillis());
        assertThat(render.firstMillis()).as("the overview's first render, ms").isLessThan(1000);
    }

    @Test
    void the_overview_shows_todays_counting_classes_as_the_statistics_api_gives_them() {
        awaitStatisticsAtHead();
        JsonNode totals = api.as("supervisor1").get("/api/statistics/daily").json().path("totals");
        assertThat(totals.path("complaint").asLong() + totals.path("inquiry").asLong() + totals.path("notCounted").asLong())
                .as("cases registered today").isPositive();
        browser.signIn("supervisor1", Api.DEMO_PASSWORD);
        browser.waitFor(By.cssSelector("#statistics[data-ready='true']"));
        for (String figure : List.of("complaint", "inquiry", "notCounted")) {
            assertThat(browser.text(By.id("daily-total-" + figure))).as(figure).isEqualTo(totals.path(figure).asText());
        }
        for (String responsibility : List.of("LIABLE", "NOT_LIABLE", "SHARED", "UNDETERMINED")) {
            assertThat(browser.text(By.id("daily-total-" + responsibility))).as(responsibility)
                    .isEqualTo(totals.path("byResponsibility").path(responsibility).asText());
        }
        assertThat(browser.text(By.id("overdue-age-total")))
                .isEqualTo(api.as("supervisor1").get("/api/metrics/overdue-age").json().path("overdue").asText());
        browser.driver().executeScript("document.getElementById('statistics').scrollIntoView()");
        browser.screenshot("overview-statistics");
    }

    private static void awaitStatisticsAtHead() {
        Eventually.await("the statistics projection at the head of the store",
                () -> api.as("supervisor1").get("/api/admin/projections").json(), projections -> {
                    for (JsonNode projection : projections) {
                        if ("statistics".equals(projection.path("projection").asText())) {
                            return projection.path("processed").asLong() >= projection.path("total").asLong();
                        }
                    }
                    return false;
                });
    }

    @Test
    void compliance_sees_the_fca_return_the_api_computes_files_it_and_sees_its_check_reproduced() {
        browser.signIn("compliance1", Api.DEMO_PASSWORD);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        browser.show("returns/fca-disp1/" + today.minusDays(40) + "/" + today);
        browser.waitFor(By.id("fca-opened"));
        String from = browser.driver().findElement(By.id("return-from")).getDomProperty("value");
        String to = browser.driver().findElement(By.id("return-to")).getDomProperty("value");
        long opened = api.as("compliance1").get("/api/returns/fca-disp1?from=" + from + "&to=" + to).json()
                .path("figures").path("header").path("opened").asLong();
        assertThat(opened).as("complaints opened from %s to %s", from, to).isPositive();
        assertThat(browser.text(By.id("fca-opened"))).isEqualTo(String.valueOf(opened));
        browser.screenshot("returns");

        browser.driver().findElement(By.id("filing-note")).sendKeys("Console test return");
        browser.driver().findElement(By.id("file-return")).click();
        browser.waitForText(By.id("check-status"), "REPRODUCED");
        String filingId = browser.text(By.id("filed-id"));
        JsonNode check = api.as("regulator1").get("/api/returns/filings/" + filingId + "/check").json();
        assertThat(check.path("status").asText()).isEqualTo("REPRODUCED");
        assertThat(check.path("regime").asText()).isEqualTo("fca-disp1");
        browser.driver().executeScript("document.getElementById('filing-result').scrollIntoView()");
        browser.screenshot("returns-check");
        browser.waitUntilNoneLoading();
        assertThat(browser.accessibilityViolations()).as("axe-core on the returns page").isEmpty();
    }

    @Test
    void a_wrong_password_is_refused_with_the_problem_title_and_code() {
        browser.driver().get(api.base().resolve("/console/").toString());
        browser.driver().executeScript("sessionStorage.clear()");
        browser.driver().navigate().refresh();
        browser.waitFor(By.id("user")).sendKeys("handler1");
        browser.driver().findElement(By.id("password")).sendKeys("not-the-password");
        browser.driver().findElement(By.id("sign-in")).click();
        assertThat(browser.waitFor(By.cssSelector(".problem")).getText()).contains("(UNAUTHENTICATED)");
    }

    @Test
    void the_timeline_lists_the_events_of_a_case_in_order_and_the_slider_shows_an_earlier_status() {
        browser.signIn("compliance1", Api.DEMO_PASSWORD);
        browser.show("case/" + handledCase);
        JsonNode history = api.as("compliance1").get("/api/cases/" + handledCase + "/history").json();
        List<WebElement> items = browser.driver().findElements(By.cssSelector("#timeline li[data-sequence]"));
        assertThat(items).hasSize(history.size());
        for (int i = 0; i < items.size(); i++) {
            assertThat(items.get(i).getAttribute("data-sequence")).isEqualTo(history.get(i).path("sequence").asText());
            assertThat(items.get(i).getText()).contains(history.get(i).path("type").asText())
                    .contains(history.get(i).path("actor").path("userId").asText());
        }
        assertThat(browser.text(By.id("case-status"))).isEqualTo("IN_PROGRESS");
        browser.waitForText(By.id("integrity-status"), "VALID");
        browser.screenshot("case");

        browser.driver().findElement(By.id("as-of")).sendKeys(Keys.HOME);
        browser.waitForText(By.id("case-status"), "REGISTERED");
        browser.driver().findElement(By.id("next-event")).click();
        browser.waitForText(By.id("case-status"), "ACCEPTED");
        browser.screenshot("case-as-of");
    }

    @Test
    void a_tampered_case_shows_broken_at_the_altered_sequence() {
        browser.signIn("compliance1", Api.DEMO_PASSWORD);
        browser.show("case/" + tamperedCase);
        browser.waitForText(By.id("integrity-status"), "BROKEN");
        assertThat(browser.text(By.id("integrity-sequence"))).isEqualTo("2");
        assertThat(browser.text(By.id("integrity-kind"))).isEqualTo("payload altered");
        browser.screenshot("case-broken");
    }

    @Test
    void the_analyst_never_sees_a_name_phone_or_email_and_is_refused_the_history() {
        browser.signIn("analyst1", Api.DEMO_PASSWORD);
        Map<String, String> pages = Map.of("overview", "overview", "queues/open", "queues", "queues/overdue", "queues",
                "case/" + handledCase, "case", "projections", "overview", "returns/cfpb", "returns");
        pages.forEach((route, page) -> {
            browser.driver().get(api.base().resolve("/console/#/" + route).toString());
            browser.waitForPage(page);
            browser.waitUntilNoneLoading();
            assertThat(browser.pageText()).as("page %s", route).doesNotContain(NAME, PHONE, EMAIL, "li.wei");
        });
        browser.show("returns");
        assertThat(browser.driver().findElements(By.id("fca-opened"))).as("the return shown to the analyst").hasSize(1);
        assertThat(browser.driver().findElements(By.id("file-return"))).as("filing offered to the analyst").isEmpty();
        browser.show("case/" + handledCase);
        browser.waitUntilNoneLoading();
        assertThat(browser.text(By.id("timeline"))).contains("ROLE_NOT_ALLOWED");
        assertThat(browser.driver().findElements(By.id("export-bundle"))).as("export offered to the analyst").isEmpty();
        assertThat(browser.driver().findElements(By.id("integrity-title"))).as("integrity check offered to the analyst").isEmpty();
        browser.screenshot("case-analyst");
        // the same page shows the customer to a role that may see personal data
        browser.signIn("regulator1", Api.DEMO_PASSWORD);
        browser.show("case/" + handledCase);
        browser.waitUntilNoneLoading();
        assertThat(browser.pageText()).contains(NAME, EMAIL);
        assertThat(browser.driver().findElements(By.id("export-bundle"))).as("export offered to the regulator").hasSize(1);
        browser.waitForText(By.id("integrity-status"), "VALID");
    }

    @Test
    void the_work_queues_list_what_the_api_lists() {
        browser.signIn("supervisor1", Api.DEMO_PASSWORD);
        browser.show("queues/open");
        long open = api.as("supervisor1").get("/api/cases/open?size=1").json().path("totalElements").asLong();
        assertThat(browser.text(By.id("queue-total"))).startsWith(open + " open cases");
        assertThat(browser.driver().findElements(By.cssSelector("#queue-results tbody tr"))).hasSize((int) Math.min(open, 20));
        browser.screenshot("queues");
        browser.show("queues/overdue");
        long overdue = api.as("supervisor1").get("/api/cases/overdue?size=1").json().path("totalElements").asLong();
        assertThat(overdue).as("the overdue case given").isPositive();
        assertThat(browser.text(By.id("queue-total"))).startsWith(overdue + " overdue cases, most overdue first");
        browser.screenshot("queues-overdue");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            browser.show("overview");
            browser.waitUntilNoneLoading();
            browser.screenshot("overview-narrow");
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
        }
    }

    @Test
    void a_rebuild_started_in_the_console_shows_its_progress_up_to_100_percent() {
        browser.signIn("supervisor1", Api.DEMO_PASSWORD);
        browser.show("projections");
        browser.driver().findElement(By.cssSelector("button[data-rebuild='cases']")).click();
        browser.driver().findElement(By.cssSelector("button[data-confirm-rebuild='cases']")).click();
        browser.waitForText(By.id("rebuild-percent"), "100%");
        assertThat(browser.driver().findElement(By.id("rebuild-progress")).getAttribute("value")).isEqualTo("100");
        browser.waitUntilNoneLoading();
        browser.screenshot("projections");
    }

    @Test
    void the_console_is_served_with_a_strict_content_security_policy_and_loads_nothing_from_another_origin() {
        ApiReply page = api.anonymous().get("/console/", "text/html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self';",
                "style-src 'self';", "connect-src 'self';", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
        browser.signIn("handler1", Api.DEMO_PASSWORD);
        Object origins = browser.driver().executeScript(
                "return [...new Set(performance.getEntriesByType('resource').map(entry => new URL(entry.name).origin))]");
        assertThat(((List<?>) origins).stream().map(String::valueOf).toList()).as("origins the overview loaded from").containsOnly(
                api.base().getScheme() + "://" + api.base().getAuthority());
    }

    @Test
    void no_page_has_a_serious_or_critical_accessibility_violation() {
        browser.signIn("compliance1", Api.DEMO_PASSWORD);
        for (String route : List.of("overview", "queues/overdue", "case/" + handledCase, "projections")) {
            browser.show(route);
            browser.waitUntilNoneLoading();
            assertThat(browser.accessibilityViolations()).as("axe-core on %s", route).isEmpty();
        }
        browser.driver().get(api.base().resolve("/console/").toString());
        browser.driver().executeScript("sessionStorage.clear()");
        browser.driver().navigate().refresh();
        browser.waitFor(By.id("user"));
        assertThat(browser.accessibilityViolations()).as("axe-core on the sign-in page").isEmpty();
        browser.screenshot("sign-in");
    }
}
