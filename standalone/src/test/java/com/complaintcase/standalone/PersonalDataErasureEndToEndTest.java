package com.complaintcase.standalone;

import com.complaintcase.verifier.Verifier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.complaintcase.standalone.CommandBodies.contactByPhoneAt;
import static com.complaintcase.standalone.CommandBodies.findings;
import static com.complaintcase.standalone.CommandBodies.withdrawal;
import static com.complaintcase.standalone.ProblemAssertions.assertProblem;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's right to erasure (domain brief, section 9; ADR 0008), over HTTP against the running application
 * on its embedded store: one customer with two finished cases, another customer's case beside them. Personal data
 * is never stored in plaintext; a legal hold and the retention period hold erasure back; once erased, the keys
 * are gone, the case view and the history read the fields as erased, the stored events are byte for byte what they
 * were, and no analytic changes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataErasureEndToEndTest {

    private static final String CUSTOMER = "C-ERASE-1";
    private static final String NAME = "Zhang Minghua";
    private static final String PHONE = "+86 139 1234 5678";
    private static final String EMAIL = "zhang.minghua@example.cn";
    private static final String DESCRIPTION = "My pension deposit of 8000 yuan vanished at the Xujiahui ATM";
    private static final String CONTACT_NOTE = "Called Mrs Zhang: her ATM receipt is at her daughter's flat";
    private static final List<String> PLAINTEXT = List.of(NAME, PHONE, EMAIL, DESCRIPTION, CONTACT_NOTE);
    private static final String OTHER_NAME = "Chen Jing";
    private static final String ERASED = "[erased]";

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;
    private static CaseSteps steps;
    private static JdbcTemplate jdbc;
    private static final List<String> erasedCases = new ArrayList<>();
    private static String otherCase;
    private static Map<String, byte[]> storedBeforeErasure;
    private static Map<String, JsonNode> analyticsBeforeErasure;

    @BeforeAll
    static void twoFinishedCasesOfOneCustomerAndOneOfAnother() {
        app = RunningApplication.start(dataDir, clock);
        api = app.api();
        steps = new CaseSteps(api, clock);
        jdbc = new JdbcTemplate(app.bean(DataSource.class));
        Registration registration = aRegistration().withNewId()
                .receivedAt(clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS))
                .forCustomer(CUSTOMER, NAME, PHONE, EMAIL)
                .classifiedAs("HARDWARE_AND_CHANNELS", "ATM_OR_SELF_SERVICE", "TECHNICAL")
                .describedAs(DESCRIPTION);
        String investigated = steps.register("intake1", registration);
        steps.acceptAndAssign(investigated, "BRANCH", "handler1");
        steps.step("handler1", investigated, "contacts",
                contactByPhoneAt(clock.instant()).with("summary", CONTACT_NOTE));
        steps.step("handler1", investigated, "findings", findings());
        steps.step("handler1", investigated, "withdraw", withdrawal());
        String withdrawn = steps.register("intake1", aRegistration().withNewId()
                .receivedAt(clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS))
                .forCustomer(CUSTOMER, NAME, PHONE, EMAIL)
                .describedAs(DESCRIPTION + ", and the fee for the replacement card was charged twice"));
        steps.step("intake1", withdrawn, "withdraw", withdrawal());
        erasedCases.addAll(List.of(investigated, withdrawn));
        otherCase = steps.register("intake1", aRegistration().withNewId()
                .receivedAt(clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS))
                .forCustomer("C-KEEP-1", OTHER_NAME, "+86 137 0000 1111", "chen.jing@example.cn"));
        steps.step("intake1", otherCase, "withdraw", withdrawal());
        steps.awaitProjectionsCaughtUp();
    }

    @AfterAll
    static void stopTheApplication() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void personal_data_is_stored_only_encrypted_yet_shown_to_those_who_may_see_it() {
        Map<String, byte[]> stored = storedPayloads();
        assertThat(stored).hasSizeGreaterThan(6);
        stored.forEach((event, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(event)
                .doesNotContain(PLAINTEXT));
        assertThat(keySubjects()).containsExactlyInAnyOrder("customer:" + CUSTOMER, "customer:C-KEEP-1",
                "case:" + erasedCases.get(0), "case:" + erasedCases.get(1), "case:" + otherCase);

        JsonNode view = steps.awaitCase("supervisor1", erasedCases.get(0));
        assertThat(view.path("customer").path("name").asText()).isEqualTo(NAME);
        assertThat(view.path("description").asText()).isEqualTo(DESCRIPTION);
        assertThat(history(erasedCases.get(0))).contains(NAME, PHONE, EMAIL, DESCRIPTION, CONTACT_NOTE);
    }

    @Test
    @Order(2)
    void a_regulators_export_shows_the_personal_data_decrypted_and_still_verifies_offline() throws Exception {
        IntegrityProbe probe = new IntegrityProbe(app, Files.createTempDirectory(dataDir, "exports-before"));
        Path bundle = probe.exportOf(erasedCases.get(0));

        assertThat(Files.readString(bundle)).contains(NAME, PHONE, EMAIL, DESCRIPTION, CONTACT_NOTE);
        IntegrityProbe.Offline offline = IntegrityProbe.runVerifier(bundle);
        assertThat(offline.exitCode()).as(offline.output()).isEqualTo(Verifier.VALID);
    }

    @Test
    @Order(2)
    void only_compliance_erases_personal_data_or_places_legal_holds() {
        for (String user : List.of("supervisor1", "handler1", "intake1", "analyst1", "regulator1")) {
            assertThat(api.as(user).post(erasure(), reason("request ER-1")).status()).as(user).isEqualTo(403);
            assertThat(api.as(user).post(legalHold(), reason("litigation")).status()).as(user).isEqualTo(403);
        }
    }

    @Test
    @Order(3)
    void erasure_is_refused_while_the_retention_period_runs() {
        assertProblem(api.as("compliance1").post(erasure(), reason("request ER-1")), 422, "RETENTION_PERIOD_RUNNING");
        assertThat(keySubjects()).contains("customer:" + CUSTOMER);
    }

    @Test
    @Order(4)
    void erasure_is_refused_under_legal_hold() {
        clock.advance(Duration.ofDays(6 * 366));
        assertThat(api.as("compliance1").post(legalHold(), reason("litigation L-7")).status()).isEqualTo(200);
        assertProblem(api.as("compliance1").post(legalHold(), reason("again")), 409, "LEGAL_HOLD_ALREADY_PLACED");

        assertProblem(api.as("compliance1").post(erasure(), reason("request ER-1")), 409, "LEGAL_HOLD");
        assertThat(keySubjects()).contains("customer:" + CUSTOMER, "case:" + erasedCases.get(0));
    }

    @Test
    @Order(5)
    void once_the_hold_is_released_compliance_erases_the_customers_personal_data() {
        assertThat(api.as("compliance1").post(legalHold() + "/release", reason("litigation settled")).status())
                .isEqualTo(200);
        storedBeforeErasure = storedPayloads();
        analyticsBeforeErasure = analytics();

        ApiReply erased = api.as("compliance1").post(erasure(), reason("erasure request ER-2032-0042"));

        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        assertThat(erased.json().path("customerId").asText()).isEqualTo(CUSTOMER);
        List<String> affected = new ArrayList<>();
        erased.json().path("affectedCases").forEach(id -> affected.add(id.asText()));
        assertThat(affected).containsExactlyInAnyOrderElementsOf(erasedCases);
        assertProblem(api.as("compliance1").post(erasure(), reason("again")), 409, "ALREADY_ERASED");
    }

    @Test
    @Order(6)
    void after_erasure_the_keys_are_gone_and_the_case_view_and_history_read_the_fields_as_erased() {
        assertThat(keySubjects()).containsExactlyInAnyOrder("customer:C-KEEP-1", "case:" + otherCase);

        for (String id : erasedCases) {
            JsonNode view = Eventually.await("case " + id + " shows erased personal data",
                    () -> api.as("supervisor1").get("/api/cases/" + id),
                    reply -> reply.status() == 200 && reply.json().path("customer").path("name").asText().equals(ERASED))
                    .json();
            assertThat(view.path("customer").path("customerId").asText()).isEqualTo(CUSTOMER);
            assertThat(view.path("customer").path("phone").asText()).isEqualTo(ERASED);
            assertThat(view.path("customer").path("email").asText()).isEqualTo(ERASED);
            assertThat(view.path("description").asText()).isEqualTo(ERASED);
            assertThat(view.path("status").asText()).isEqualTo("WITHDRAWN");
            String history = history(id);
            assertThat(history).doesNotContain(PLAINTEXT).contains(ERASED, "\"customerId\":\"" + CUSTOMER + "\"");
        }
        assertThat(history(erasedCases.get(0))).contains("a batch job ran twice", "\"validity\":\"VALID\"");
        assertThat(steps.awaitCase("supervisor1", otherCase).path("customer").path("name").asText())
                .isEqualTo(OTHER_NAME);
    }

    @Test
    @Order(7)
    void erasure_rewrites_no_stored_event_and_changes_no_analytic() {
        Map<String, byte[]> stored = storedPayloads();
        assertThat(stored.keySet()).containsAll(storedBeforeErasure.keySet());
        storedBeforeErasure.forEach((event, bytes) -> assertThat(stored.get(event)).as(event).isEqualTo(bytes));
        stored.forEach((event, bytes) -> assertThat(new String(bytes, StandardCharsets.UTF_8)).as(event)
                .doesNotContain(PLAINTEXT));
        steps.awaitProjectionsCaughtUp();
        assertThat(analytics()).isEqualTo(analyticsBeforeErasure);
    }

    @Test
    @Order(9)
    void after_erasure_each_case_history_still_verifies_online_and_offline_and_its_export_reads_erased() throws Exception {
        IntegrityProbe probe = new IntegrityProbe(app, Files.createTempDirectory(dataDir, "exports"));
        for (String id : erasedCases) {
            assertThat(probe.verification(id).path("status").asText()).isEqualTo("VALID");
            Path bundle = probe.exportOf(id);
            assertThat(Files.readString(bundle)).doesNotContain(PLAINTEXT).contains(ERASED);
            IntegrityProbe.Offline offline = IntegrityProbe.runVerifier(bundle);
            assertThat(offline.exitCode()).as(offline.output()).isEqualTo(Verifier.VALID);
        }
    }

    @Test
    @Order(8)
    void a_replayed_case_projection_still_reads_the_fields_as_erased() {
        assertThat(api.as("compliance1").post("/api/admin/projections/cases/replay", null).status()).isEqualTo(202);
        Eventually.await("the cases projection replayed", Duration.ofSeconds(20),
                () -> api.as("compliance1").get("/api/admin/projections/cases"),
                reply -> reply.status() == 200
                        && reply.json().path("processed").asLong() == reply.json().path("total").asLong());

        JsonNode view = Eventually.await("case view after the replay",
                () -> api.as("supervisor1").get("/api/cases/" + erasedCases.get(0)), reply -> reply.status() == 200)
                .json();
        assertThat(view.path("customer").path("name").asText()).isEqualTo(ERASED);
        assertThat(view.path("description").asText()).isEqualTo(ERASED);
    }

    private static String erasure() {
        return "/api/customers/" + CUSTOMER + "/erasure";
    }

    private static String legalHold() {
        return "/api/customers/" + CUSTOMER + "/legal-hold";
    }

    private static JsonBody reason(String reason) {
        return JsonBody.object().with("reason", reason);
    }

    private static String history(String complaintId) {
        ApiReply reply = api.as("compliance1").get("/api/cases/" + complaintId + "/history");
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.body();
    }

    /** The payloads of every event in the store as they are stored, by event id. */
    private static Map<String, byte[]> storedPayloads() {
        Map<String, byte[]> payloads = new LinkedHashMap<>();
        jdbc.query("select event_identifier, payload from domain_event_entry order by global_index",
                row -> {
                    payloads.put(row.getString(1), row.getBytes(2));
                });
        return payloads;
    }

    private static List<String> keySubjects() {
        return jdbc.queryForList("select subject from customer_data_keys", String.class);
    }

    private static Map<String, JsonNode> analytics() {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : List.of("/api/metrics/volume", "/api/metrics/satisfaction", "/api/metrics/handling-time",
                "/api/cases/open", "/api/cases/overdue")) {
            ApiReply reply = api.as("analyst1").get(path);
            assertThat(reply.status()).as("%s", reply).isEqualTo(200);
            JsonNode answer = reply.json();
            if (answer instanceof ObjectNode page) {
                // when a list's total was counted is no analytic
                answer = page.deepCopy().remove(List.of("totalCountedAt"));
            }
            answers.put(path, answer);
        }
        return answers;
    }
}
