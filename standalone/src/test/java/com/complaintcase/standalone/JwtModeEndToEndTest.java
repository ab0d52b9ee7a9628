package com.complaintcase.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production identities: {@code complaints.security.mode=jwt}, tokens verified with the identity provider's public
 * key, the role read from a nested claim ({@code realm_access.roles}, as Keycloak issues it) and the user from
 * {@code sub}. The acting user of every event is the token's subject; a token that fails verification is 401, one
 * without exactly one role of this service 403, both as problem details.
 */
class JwtModeEndToEndTest {

    @TempDir
    static Path dataDir;

    @TempDir
    static Path keyDir;

    private static final IdentityProvider idp = IdentityProvider.withNewKeys();
    private static final String CONSOLE_USER_PASSWORD = "idp-secret";
    private static OpenIdProvider openIdProvider;
    private static RunningApplication app;
    private static Api api;

    @BeforeAll
    static void startTheApplicationInJwtMode() {
        Path publicKey = idp.publishPublicKey(keyDir);
        openIdProvider = OpenIdProvider.start(Map.of("compliance1", "COMPLIANCE"), CONSOLE_USER_PASSWORD, idp.keyPair());
        app = RunningApplication.start(dataDir,
                "--complaints.security.mode=jwt",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + publicKey.toUri(),
                "--complaints.security.jwt.roles-claim=realm_access.roles",
                "--complaints.console.oidc.issuer=" + openIdProvider.issuer());
        api = app.api();
        openIdProvider.registerConsole(api.base().toString());
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
        if (openIdProvider != null) {
            openIdProvider.close();
        }
    }

    @Test
    void the_console_signs_in_with_the_authorization_code_flow_and_pkce_at_a_real_openid_provider() {
        Browser.assumeInstalled();
        try (Browser browser = Browser.open(api.base())) {
            browser.driver().get(api.base().resolve("/console/").toString());
            browser.waitFor(By.id("sign-in-oidc")).click();
            browser.waitFor(By.id("username")).sendKeys("compliance1");
            browser.driver().findElement(By.id("password")).sendKeys(CONSOLE_USER_PASSWORD);
            browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
            browser.waitForPage("overview");
            assertThat(browser.text(By.id("session-user"))).isEqualTo("compliance1");
            String token = idp.token("compliance1", roles("COMPLIANCE"));
            long open = api.bearer(token).get("/api/cases/open?size=1").json().path("totalElements").asLong();
            browser.waitForText(By.id("open-count"), String.valueOf(open));
            assertThat(browser.driver().findElement(By.cssSelector("a[data-page='projections']")).isDisplayed())
                    .as("a compliance officer's console offers the projections").isTrue();
        }
    }

    private static Map<String, Object> roles(String... roles) {
        return Map.of("realm_access", Map.of("roles", List.of(roles)));
    }

    @Test
    void a_valid_token_acts_in_its_role_and_every_event_records_the_token_subject_as_the_user() {
        String subject = "f3a1c2d4-intake-7781";
        String token = idp.token(subject, roles("offline_access", "intake", "uma_authorization"));

        ApiReply registered = api.bearer(token).register(aRegistration().withNewId().body());

        assertThat(registered.status()).as("%s", registered).isEqualTo(201);
        List<DomainEventMessage<?>> events = app.events(registered.complaintId());
        assertThat(events).isNotEmpty().allSatisfy(event -> {
            assertThat(event.getMetaData().get("userId")).as("userId of %s", event.getPayloadType()).isEqualTo(subject);
            assertThat(event.getMetaData().get("role")).as("role of %s", event.getPayloadType()).isEqualTo("INTAKE");
        });
        JsonNode history = api.bearer(token).get("/api/cases/" + registered.complaintId() + "/history").json();
        assertThat(history.get(0).path("actor").path("userId").asText()).isEqualTo(subject);
    }

    @Test
    void the_role_of_the_token_decides_what_it_may_do_at_the_edge_and_in_the_query_handlers() {
        String id = api.bearer(idp.token("intake-7", roles("INTAKE"))).register(aRegistration().withNewId().body())
                .complaintId();

        assertProblem(api.bearer(idp.token("regulator-7", roles("REGULATOR"))).command(id, "withdraw", "{}"),
                403, "ROLE_NOT_ALLOWED").withDetailContaining("REGULATOR");
        ApiReply analystsView = api.bearer(idp.token("analyst-7", roles("ANALYST"))).get("/api/cases/" + id);
        assertThat(analystsView.status()).as("%s", analystsView).isEqualTo(200);
        assertThat(analystsView.json().path("personalDataRedacted").asBoolean()).as("%s", analystsView).isTrue();
        assertProblem(api.bearer(idp.token("analyst-7", roles("ANALYST"))).get("/api/cases/" + id + "/history"),
                403, "ROLE_NOT_ALLOWED");
    }

    @Test
    void an_expired_token_is_401_invalid_token_with_a_bearer_challenge() {
        ApiReply reply = api.bearer(idp.expiredToken("intake-8", roles("INTAKE"), Duration.ofMinutes(5)))
                .get("/api/cases/open");

        assertProblem(reply, 401, "INVALID_TOKEN").withDetailContaining("expired");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void a_token_signed_by_another_key_is_401_invalid_token_and_registers_nothing() {
        Registration registration = aRegistration().withNewId();

        ApiReply reply = api.bearer(IdentityProvider.forgedToken("intake-9", roles("INTAKE"))).register(registration.body());

        assertProblem(reply, 401, "INVALID_TOKEN");
        assertThat(app.eventStore().lastSequenceNumberFor(registration.id())).isEmpty();
    }

    @Test
    void a_token_without_the_roles_claim_or_with_none_of_this_services_roles_is_403_no_acting_role() {
        assertProblem(api.bearer(idp.token("nobody-1", Map.of())).get("/api/cases/open"), 403, "NO_ACTING_ROLE");
        assertProblem(api.bearer(idp.token("nobody-2", roles("offline_access", "SYSTEM"))).get("/api/cases/open"),
                403, "NO_ACTING_ROLE");
    }

    @Test
    void a_token_with_several_of_this_services_roles_is_403_no_acting_role_naming_them() {
        ApiReply reply = api.bearer(idp.token("both-1", roles("HANDLER", "SUPERVISOR"))).get("/api/cases/open");

        assertProblem(reply, 403, "NO_ACTING_ROLE").withDetailContaining("HANDLER").withDetailContaining("SUPERVISOR");
    }

    @Test
    void without_a_token_a_request_is_401_and_http_basic_credentials_are_not_accepted() {
        ApiReply anonymous = api.anonymous().get("/api/cases/open");
        assertProblem(anonymous, 401, "UNAUTHENTICATED");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");

        assertProblem(api.as("supervisor1").get("/api/cases/open"), 401, "UNAUTHENTICATED");
    }

    @Test
    void health_and_the_api_description_stay_open_and_the_description_names_bearer_authentication() {
        assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
        JsonNode scheme = api.anonymous().get("/v3/api-docs").json().path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("bearerFormat").asText()).isEqualTo("JWT");
    }
}
