package com.complaintcase.standalone;

import com.complaintcase.platform.privacy.DataKey;
import com.complaintcase.platform.privacy.JdbcDataKeys;
import com.complaintcase.platform.privacy.MasterKey;
import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.contactByPhoneAt;
import static com.complaintcase.standalone.CommandBodies.customerResponse;
import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.CommandBodies.feedback;
import static com.complaintcase.standalone.CommandBodies.findings;
import static com.complaintcase.standalone.CommandBodies.reopening;
import static com.complaintcase.standalone.CommandBodies.resolutionWithoutCompensation;
import static com.complaintcase.standalone.CommandBodies.withdrawal;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data at rest (ADR 0008): every table of both sides, read from the database's catalog as a backup would
 * hold it, after a customer's case went through its whole life (contacts, evidence, findings, a rejected and an
 * accepted resolution, feedback, closure, reopening, withdrawal) with snapshots taken every few events. None of the
 * customer's personal data is there in plaintext, before or after the erasure; after it, no stored value decrypts
 * to it any more.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataAtRestEndToEndTest {

    private static final String CUSTOMER = "C-AT-REST-1";
    private static final String NAME = "Philippa Quennell";
    private static final String PHONE = "+44 7700 900417";
    private static final String EMAIL = "philippa.quennell@example.org";
    private static final String DESCRIPTION = "Quennell roofing standing order bounced although funds were there";
    private static final String CONTACT_NOTE = "Philippa says the roofer now charges her a late fee";
    private static final String EVIDENCE_NOTE = "Statement page Philippa photographed shows the balance";
    private static final String FINDINGS_NOTE = "Philippa's order failed in the nightly batch";
    private static final String FIRST_RESOLUTION = "Offer Philippa an apology letter";
    private static final String REJECTION = "Philippa wants the roofer's late fee covered";
    private static final String SECOND_RESOLUTION = "Refund Philippa the roofer's late fee";
    private static final String ACCEPTANCE = "Philippa accepts the refund of the late fee";
    private static final String FEEDBACK = "Philippa found the callback kind";
    private static final String REOPENING = "Philippa reports the refund never arrived";
    private static final String WITHDRAWAL = "Philippa found the refund after all";
    private static final List<String> PERSONAL_DATA = List.of(NAME, PHONE, EMAIL, DESCRIPTION, CONTACT_NOTE,
            EVIDENCE_NOTE, FINDINGS_NOTE, FIRST_RESOLUTION, REJECTION, SECOND_RESOLUTION, ACCEPTANCE, FEEDBACK,
            REOPENING, WITHDRAWAL);
    private static final String ERASED = "[erased]";
    private static final Pattern SEALED = Pattern.compile("pd1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+");
    private static final String SNAPSHOT_EVERY_FEW_EVENTS = "--complaints.snapshots.threshold=3";

    @TempDir
    static Path dataDir;

    private static final MutableClock clock = new MutableClock();
    private static RunningApplication app;
    private static Api api;
    private static CaseSteps steps;
    private static JdbcTemplate jdbc;
    private static String complaintId;

    @BeforeAll
    static void aCaseThroughItsWholeLifeWithSnapshots() {
        app = RunningApplication.start(dataDir, clock, SNAPSHOT_EVERY_FEW_EVENTS);
        api = app.api();
        steps = new CaseSteps(api, clock);
        jdbc = new JdbcTemplate(app.bean(DataSource.class));
        complaintId = steps.register("intake1", aRegistration().withNewId()
                .receivedAt(clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS))
                .forCustomer(CUSTOMER, NAME, PHONE, EMAIL)
                .describedAs(DESCRIPTION));
        steps.acceptAndAssign(complaintId, "BRANCH", "handler1");
        steps.step("handler1", complaintId, "contacts", contactByPhoneAt(clock.instant()).with("summary", CONTACT_NOTE));
        steps.step("handler1", complaintId, "evidence", evidence().with("description", EVIDENCE_NOTE));
        steps.step("handler1", complaintId, "findings", findings().with("summary", FINDINGS_NOTE));
        steps.step("handler1", complaintId, "resolution", resolutionWithoutCompensation().with("summary", FIRST_RESOLUTION));
        steps.step("handler1", complaintId, "customer-response", customerResponse(false).with("comment", REJECTION));
        steps.step("handler1", complaintId, "resolution", resolutionWithoutCompensation().with("summary", SECOND_RESOLUTION));
        steps.step("handler1", complaintId, "customer-response", customerResponse(true).with("comment", ACCEPTANCE));
        steps.step("handler1", complaintId, "feedback", feedback(4).with("comment", FEEDBACK));
        steps.step("handler1", complaintId, "close", closing());
        steps.step("intake1", complaintId, "reopen", reopening().with("reason", REOPENING));
        steps.step("handler1", complaintId, "withdraw", withdrawal().with("reason", WITHDRAWAL));
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
    void no_table_of_either_side_holds_the_customers_personal_data_in_plaintext() {
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Long.class, complaintId)).as("snapshots of the case").isPositive();
        List<StoredValue> stored = everyStoredValue();

        assertThat(plaintextIn(stored)).isEmpty();
        assertThat(decryptedSealedValuesIn(stored)).as("what the stored ciphertext decrypts to")
                .containsAll(PERSONAL_DATA);
        JsonNode view = steps.awaitCase("supervisor1", complaintId);
        assertThat(view.path("customer").path("name").asText()).isEqualTo(NAME);
        assertThat(view.path("customer").path("phone").asText()).isEqualTo(PHONE);
        assertThat(view.path("customer").path("email").asText()).isEqualTo(EMAIL);
        assertThat(view.path("description").asText()).isEqualTo(DESCRIPTION);
    }

    @Test
    @Order(2)
    void after_erasure_no_table_holds_a_value_that_yields_the_customers_personal_data() {
        clock.advance(Duration.ofDays(6 * 366));
        ApiReply erased = api.as("compliance1").post("/api/customers/" + CUSTOMER + "/erasure",
                JsonBody.object().with("reason", "erasure request ER-AT-REST"));
        assertThat(erased.status()).as("%s", erased).isEqualTo(200);
        JsonNode view = Eventually.await("the case view reads the personal data as erased",
                () -> api.as("supervisor1").get("/api/cases/" + complaintId),
                reply -> reply.status() == 200 && reply.json().path("customer").path("name").asText().equals(ERASED))
                .json();
        assertThat(view.path("description").asText()).isEqualTo(ERASED);
        steps.awaitProjectionsCaughtUp();

        List<StoredValue> stored = everyStoredValue();

        assertThat(plaintextIn(stored)).isEmpty();
        assertThat(decryptedSealedValuesIn(stored)).as("what the stored ciphertext decrypts to").containsOnly(ERASED);
    }

    /** A value of one column of one row, as text: bytes as UTF-8, anything else in PostgreSQL's text form. */
    private record StoredValue(String table, String column, String text) {
    }

    /** Every value of every table of the application's database, as listed by its catalog. */
    private static List<StoredValue> everyStoredValue() {
        List<String> tables = jdbc.queryForList("select table_schema || '.' || table_name from information_schema.tables"
                + " where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')"
                + " order by 1", String.class);
        assertThat(tables).as("the tables of both sides").contains("public.domain_event_entry",
                "public.snapshot_event_entry", "public.token_entry", "public.complaint_lookup", "public.scheduled_tasks",
                "public.case_summary", "public.case_escalation", "public.metrics_case", "public.dead_letter_entry",
                "public.customer_data_keys");
        assertThat(jdbc.queryForList("select table_name || '.' || column_name from information_schema.columns"
                        + " where data_type = 'oid' and table_schema not in ('pg_catalog', 'information_schema')",
                String.class)).as("columns whose values lie in large objects, out of this scan's reach").isEmpty();
        List<StoredValue> values = new ArrayList<>();
        for (String table : tables) {
            jdbc.query("select * from " + table, (ResultSet row) -> {
                ResultSetMetaData columns = row.getMetaData();
                for (int column = 1; column <= columns.getColumnCount(); column++) {
                    String text = textOf(row, column);
                    if (text != null) {
                        values.add(new StoredValue(table, columns.getColumnName(column), text));
                    }
                }
            });
        }
        return values;
    }

    private static String textOf(ResultSet row, int column) throws SQLException {
        Object value = row.getObject(column);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return row.getString(column);
    }

    @Test
    @Order(3)
    void transactions_needing_the_same_new_key_at_once_get_the_one_key_the_first_committed() throws Exception {
        String subject = "customer:C-KEY-RACE-" + System.nanoTime();
        KeyRace race = new KeyRace(subject);

        DataKey first = race.firstMakesItAndHoldsItsTransaction();
        race.awaitSecondWaitingForTheFirst();
        race.endFirst(true);

        assertThat(race.second().id()).isEqualTo(first.id());
        assertThat(keyIdsOf(subject)).containsExactly(first.id());
    }

    @Test
    @Order(4)
    void a_key_made_by_a_transaction_that_rolls_back_is_gone_with_it_and_the_waiting_one_makes_its_own() throws Exception {
        String subject = "customer:C-KEY-ROLLBACK-" + System.nanoTime();
        KeyRace race = new KeyRace(subject);

        DataKey first = race.firstMakesItAndHoldsItsTransaction();
        race.awaitSecondWaitingForTheFirst();
        race.endFirst(false);

        DataKey second = race.second();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(keyIdsOf(subject)).containsExactly(second.id());
    }

    private static List<String> keyIdsOf(String subject) {
        return jdbc.queryForList("select key_id from customer_data_keys where subject = ?", String.class, subject);
    }

    /**
     * Two key stores of their own (nothing in memory) on the application's database, each needing {@code subject}'s
     * key in a transaction: the first makes it and keeps its transaction open until told; the second starts then.
     */
    private static final class KeyRace {

        private final String subject;
        private final JdbcDataKeys firstStore = keyStore();
        private final JdbcDataKeys secondStore = keyStore();
        private final TransactionTemplate transactions = new TransactionTemplate(
                app.bean(org.springframework.transaction.PlatformTransactionManager.class));
        private final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final CountDownLatch made = new CountDownLatch(1);
        private final CountDownLatch end = new CountDownLatch(1);
        private volatile boolean commit;
        private volatile DataKey firstKey;
        private Future<DataKey> first;
        private Future<DataKey> second;

        KeyRace(String subject) {
            this.subject = subject;
        }

        private static JdbcDataKeys keyStore() {
            SecureRandom random = new SecureRandom();
            return new JdbcDataKeys(app.bean(DataSource.class),
                    MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]), random), random, clock);
        }

        DataKey firstMakesItAndHoldsItsTransaction() throws Exception {
            first = threads.submit(() -> transactions.execute(status -> {
                DataKey key = firstStore.keyFor(subject);
                firstKey = key;
                made.countDown();
                awaitQuietly(end);
                if (!commit) {
                    status.setRollbackOnly();
                }
                return key;
            }));
            assertThat(made.await(30, TimeUnit.SECONDS)).as("the first transaction made the key").isTrue();
            second = threads.submit(() -> transactions.execute(status -> secondStore.keyFor(subject)));
            return firstKey;
        }

        /** The second's insert waits on the first's uncommitted row (PostgreSQL shows it waiting for a lock). */
        void awaitSecondWaitingForTheFirst() {
            Eventually.await("the second transaction's insert waiting for the first's", Duration.ofSeconds(30),
                    () -> jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                            + " and query like 'insert into customer_data_keys%'", Long.class), waiting -> waiting == 1);
            assertThat(second).isNotDone();
        }

        void endFirst(boolean commit) throws Exception {
            this.commit = commit;
            end.countDown();
            first.get(30, TimeUnit.SECONDS);
        }

        DataKey second() throws Exception {
            try {
                return second.get(30, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Where a value holds one of the customer's personal data in plaintext: table, column and the text found. */
    private static List<String> plaintextIn(List<StoredValue> values) {
        List<String> found = new ArrayList<>();
        for (StoredValue value : values) {
            PERSONAL_DATA.stream().filter(value.text()::contains)
                    .forEach(plaintext -> found.add(value.table() + "." + value.column() + ": " + plaintext));
        }
        return found;
    }

    /** What each encrypted value found anywhere decrypts to with the application's own cipher and keys. */
    private static Set<String> decryptedSealedValuesIn(List<StoredValue> values) {
        PersonalDataCipher cipher = app.bean(PersonalDataCipher.class);
        Set<String> decrypted = new TreeSet<>();
        for (StoredValue value : values) {
            Matcher sealed = SEALED.matcher(value.text());
            while (sealed.find()) {
                decrypted.add(cipher.decrypt(sealed.group()));
            }
        }
        return decrypted;
    }
}
