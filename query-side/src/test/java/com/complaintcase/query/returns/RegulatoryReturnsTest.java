package com.complaintcase.query.returns;

import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.returns.ReturnFiled;
import com.complaintcase.integrity.CanonicalJson;
import com.complaintcase.platform.returns.ReturnMappings;
import com.complaintcase.query.scenario.Actors;
import com.complaintcase.query.scenario.ComplaintStory;
import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import com.complaintcase.values.Validity;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.complaintcase.query.scenario.ComplaintStory.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The returns of a fixed scenario of twelve cases, computed from the events in an event store and checked cell by cell
 * against figures worked out by hand (the comments), then filed and checked after later events.
 */
class RegulatoryReturnsTest {

    private static final LocalDate H1_FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate H1_TO = LocalDate.parse("2026-06-30");
    private static final String BANKING = "BANKING_AND_CREDIT_CARDS";
    private static final String TERMS = "TERMS_AND_DISPUTED_SUMS_CHARGES";
    private static final String ADMIN = "GENERAL_ADMIN_CUSTOMER_SERVICE";

    private final Serializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()).build();
    private final EventStore eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final ReturnSettings settings = new ReturnSettings(ZoneId.of("UTC"), 400, 1970, 9999,
            new ReturnSettings.Fca("UK", 3, LocalTime.of(17, 0), Duration.ofDays(56), 500, List.of("FRN-123456"), Map.of(BANKING, 8000L)),
            new ReturnSettings.Cfpb("Complaint Case Bank", Duration.ofDays(15)));
    private final RegulatoryReturns returns = new RegulatoryReturns(new ReturnSource(eventStore, serializer),
            ReturnMappings.defaults(), settings);
    private final ReturnFilings filings = new ReturnFilings(returns, eventStore, NoTransactionManager.INSTANCE,
            Clock.fixed(Instant.parse("2026-07-05T12:00:00Z"), ZoneOffset.UTC));
    private final Map<String, ComplaintStory> cases = new HashMap<>();

    @BeforeEach
    void theScenario() {
        // C1 credit card, fee: closed the next day (within 3 business days), upheld, 50.00 GBP paid
        story("C1", aCase().ofProduct("CREDIT_CARD").fromCustomer("C-01").receivedAt(at("2026-01-05T09:00")).registered()
                .at(at("2026-01-05T11:00")).contacted()
                .at(at("2026-01-06T09:00")).findingsRecorded(Validity.VALID, Responsibility.LIABLE)
                .at(at("2026-01-06T09:30")).compensationPaid(Money.of("50.00", "GBP"))
                .at(at("2026-01-06T10:00")).closed());
        // C2 credit card, fee: upheld in part, 30.00 EUR paid, closed after 4 weeks
        story("C2", aCase().ofProduct("CREDIT_CARD").fromCustomer("C-02").receivedAt(at("2026-02-02T09:00")).registered()
                .at(at("2026-02-10T09:00")).findingsRecorded(Validity.VALID, Responsibility.SHARED)
                .at(at("2026-02-20T09:00")).compensationPaid(Money.of("30.00", "EUR"))
                .at(at("2026-03-02T10:00")).closed());
        // C3 mortgage, staff attitude (general admin), at a Beijing branch: not upheld, closed after 81 days
        story("C3", aCase().ofProduct("MORTGAGE").fromCustomer("C-03").inBranch("BR-0002").about(Subcategory.POOR_ATTITUDE)
                .withRootIssue(RootIssue.SERVICE_ATTITUDE).receivedAt(at("2026-01-10T09:00")).registered()
                .at(at("2026-02-01T09:00")).findingsRecorded(Validity.VALID, Responsibility.NOT_LIABLE)
                .at(at("2026-04-01T10:00")).closed());
        // C4 registered without a product: the unknown-product row; still open
        story("C4", aCase().fromCustomer("C-04").receivedAt(at("2026-03-01T09:00")).registered());
        // C5 forwarded in full to another firm: not in the FCA return
        story("C5", aCase().ofProduct("CREDIT_CARD").fromCustomer("C-05").receivedAt(at("2026-03-10T09:00")).registered()
                .at(at("2026-03-10T12:00")).transferredTo("EXT-ACME")
                .at(at("2026-03-11T10:00")).closed());
        // C6 received before the period, closed in it after 26 days: outstanding at the start
        story("C6", aCase().ofProduct("SAVINGS").fromCustomer("C-06").receivedAt(at("2025-12-20T09:00")).registered()
                .at(at("2026-01-15T10:00")).closed());
        // C7 received and closed before the period: not in it
        story("C7", aCase().ofProduct("SAVINGS").fromCustomer("C-07").receivedAt(at("2025-11-01T09:00")).registered()
                .at(at("2025-11-20T10:00")).closed());
        // C8 closed, reopened, closed again after 28 days: closed once, within 8 weeks
        story("C8", aCase().ofProduct("CREDIT_CARD").fromCustomer("C-08").receivedAt(at("2026-04-06T09:00")).registered()
                .at(at("2026-04-07T10:00")).closed()
                .at(at("2026-04-20T09:00")).reopened()
                .at(at("2026-05-04T10:00")).closed());
        // C9 personal loan received at the period's end, closed after it
        story("C9", aCase().ofProduct("PERSONAL_LOAN").fromCustomer("C-09").receivedAt(at("2026-06-25T09:00")).registered()
                .at(at("2026-07-02T10:00")).closed());
        // C10 not a complaint: left out everywhere
        story("C10", aCase().ofProduct("CREDIT_CARD").fromCustomer("C-10").receivedAt(at("2026-02-15T09:00")).registered()
                .at(at("2026-02-16T09:00")).foundNotAComplaint());
        // C11 investment mis-selling, withdrawn the next day: closed within 3 business days, not upheld
        story("C11", aCase().ofProduct("INVESTMENT").fromCustomer("C-11").about(Subcategory.THIRD_PARTY_MIS_SELLING)
                .receivedAt(at("2026-05-11T09:00")).registered()
                .at(at("2026-05-12T10:00")).withdrawn());
        // C12 the customer of C1 again about the same subcategory (a duplicate for PBoC): upheld, 100.00 GBP paid
        story("C12", aCase().ofProduct("CREDIT_CARD").fromCustomer("C-01").receivedAt(at("2026-06-01T09:00")).registered()
                .at(at("2026-06-02T09:00")).findingsRecorded(Validity.VALID, Responsibility.LIABLE)
                .at(at("2026-06-02T10:00")).compensationPaid(Money.of("100.00", "GBP"))
                .at(at("2026-06-02T12:00")).closed());
        List<DomainEventMessage<ComplaintEvent>> all = new ArrayList<>();
        cases.values().forEach(story -> all.addAll(story.messages()));
        all.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
        eventStore.publish(all);
    }

    @AfterEach
    void stop() {
        ((EmbeddedEventStore) eventStore).shutDown();
    }

    @Test
    void the_fca_return_of_the_scenario_has_the_hand_computed_figures_in_every_cell() {
        FcaDisp1.Figures figures = fca(H1_FROM, H1_TO);

        // opened C1 C2 C3 C4 C8 C9 C11 C12; outstanding C6; closed C1 C2 C3 C6 C8 C11 C12; upheld C1 C2 C12
        assertThat(figures.header()).isEqualTo(new FcaDisp1.Header(List.of("FRN-123456"), false, 1, 8, 7, 3, false));
        Map<String, FcaDisp1.Row> expected = Map.of(
                BANKING + "." + TERMS, new FcaDisp1.Row(BANKING, TERMS, 4, 2, 3, 0, 3,
                        Map.of("EUR", new BigDecimal("30.00"), "GBP", new BigDecimal("150.00"))),
                "HOME_FINANCE." + ADMIN, new FcaDisp1.Row("HOME_FINANCE", ADMIN, 1, 0, 0, 1, 0, Map.of()),
                "UNKNOWN_PRODUCT." + TERMS, new FcaDisp1.Row("UNKNOWN_PRODUCT", TERMS, 1, 0, 0, 0, 0, Map.of()),
                "CREDIT_RELATED." + TERMS, new FcaDisp1.Row("CREDIT_RELATED", TERMS, 1, 0, 0, 0, 0, Map.of()),
                "INVESTMENTS.ADVISING_SELLING_AND_ARRANGING",
                new FcaDisp1.Row("INVESTMENTS", "ADVISING_SELLING_AND_ARRANGING", 1, 1, 0, 0, 0, Map.of()));
        assertThat(figures.rows()).hasSize(7 * 5);
        for (FcaDisp1.Row row : figures.rows()) {
            FcaDisp1.Row want = expected.getOrDefault(row.grouping() + "." + row.cause(),
                    new FcaDisp1.Row(row.grouping(), row.cause(), 0, 0, 0, 0, 0, Map.of()));
            assertThat(row).as(row.grouping() + " x " + row.cause()).isEqualTo(want);
        }
        FcaDisp1.Publication banking = figures.publication().stream()
                .filter(publication -> publication.grouping().equals(BANKING)).findFirst().orElseThrow();
        // opened 4 of 8,000 accounts; closed C1 C12 (3 days) C2 C6 C8 (8 weeks); upheld C1 C2 C12
        assertThat(banking).isEqualTo(new FcaDisp1.Publication(BANKING, 8000L, new BigDecimal("0.50"), 4, 5,
                new BigDecimal("40.0"), new BigDecimal("60.0"), new BigDecimal("60.0"), TERMS));
    }

    @Test
    void every_fca_figure_drills_down_to_its_case_ids() {
        RegulatoryReturns.Computed computed = returns.compute(FcaDisp1.REGIME, returns.period(H1_FROM, H1_TO), returns.head());

        assertThat(computed.drill().get(BANKING + "." + TERMS + ".opened")).containsExactlyInAnyOrder(ids("C1", "C2", "C8", "C12"));
        assertThat(computed.drill().get(BANKING + "." + TERMS + ".redressPaid")).containsExactlyInAnyOrder(ids("C1", "C2", "C12"));
        assertThat(computed.drill().get("header.outstandingAtStart")).containsExactly(ids("C6"));
        assertThat(computed.drill().get("UNKNOWN_PRODUCT." + TERMS + ".opened")).containsExactly(ids("C4"));
    }

    @Test
    void the_cfpb_columns_have_one_row_per_case_received_with_its_response_and_timely_flag() {
        Cfpb.Figures figures = (Cfpb.Figures) returns.compute(Cfpb.REGIME, returns.period(H1_FROM, H1_TO), returns.head())
                .document().figures();

        // timely: contacted (C1) or closed (C5 C8 C9 C12) within 15 days; C2 C3 closed later; C4 open; C11 withdrawn
        assertThat(figures.rows()).extracting(Cfpb.Row::complaintId, Cfpb.Row::product, Cfpb.Row::issue,
                        Cfpb.Row::companyResponseToConsumer, Cfpb.Row::timelyResponse)
                .containsExactly(
                        tuple(id("C1"), "Credit card", "Fees or interest", "Closed with monetary relief", "Yes"),
                        tuple(id("C3"), "Mortgage", "Managing an account", "Closed with explanation", "No"),
                        tuple(id("C2"), "Credit card", "Fees or interest", "Closed with monetary relief", "No"),
                        tuple(id("C4"), "Unknown product", "Fees or interest", "In progress", "No"),
                        tuple(id("C5"), "Credit card", "Fees or interest", "Redirected to a related company", "Yes"),
                        tuple(id("C8"), "Credit card", "Fees or interest", "Closed with explanation", "Yes"),
                        tuple(id("C11"), "Other financial service", "Opening an account", "Closed with explanation", "No"),
                        tuple(id("C12"), "Credit card", "Fees or interest", "Closed with monetary relief", "Yes"),
                        tuple(id("C9"), "Payday loan, title loan, personal loan, or advance loan", "Fees or interest",
                                "Closed with explanation", "Yes"));
        assertThat(figures.rows()).allSatisfy(row -> assertThat(row.consumerComplaintNarrative()).isNull());
    }

    @Test
    void the_pboc_counts_merge_the_same_customers_complaint_about_the_same_matter_and_break_down_by_region() {
        CnPboc.Figures figures = (CnPboc.Figures) returns.compute(CnPboc.REGIME, returns.period(H1_FROM, H1_TO), returns.head())
                .document().figures();

        assertThat(figures.rows()).containsExactly(
                new CnPboc.Row("Beijing", "A01", "B02", "C01", 1, 0),
                new CnPboc.Row("Shanghai", "A04", "B09", "C04", 1, 0),
                new CnPboc.Row("Shanghai", "A05", "B02", "C11", 1, 0),
                new CnPboc.Row("Shanghai", "A05", "B03", "C11", 4, 1),
                new CnPboc.Row("Shanghai", "A05", "B99", "C11", 1, 0));
        assertThat(figures.regions()).containsExactly(new CnPboc.RegionTotal("Beijing", 1, 0),
                new CnPboc.RegionTotal("Shanghai", 7, 1));
        assertThat(figures.complaints()).isEqualTo(8);
    }

    @Test
    void a_filed_return_is_restated_with_exactly_the_figures_a_late_reclassification_changed() {
        ReturnFiled filed = filings.file(FcaDisp1.REGIME, H1_FROM, H1_TO, "H1 2026", Actors.COMPLIANCE);
        assertThat(CanonicalJson.sha256(filed.result().getBytes(StandardCharsets.UTF_8))).isEqualTo(filed.resultSha256());

        cases.get("C3").at(at("2026-07-10T09:00")).findingsRecorded(Validity.VALID, Responsibility.LIABLE);
        eventStore.publish(cases.get("C3").lastMessage());
        eventStore.publish(aCase().ofProduct("SAVINGS").receivedAt(at("2026-07-11T09:00")).registered().messages());

        ReturnFilings.Check check = filings.check(filed.filingId());
        assertThat(check.status()).isEqualTo(ReturnFilings.RESTATED);
        assertThat(check.reproducible()).isTrue();
        assertThat(check.recomputedSha256()).isEqualTo(filed.resultSha256());
        assertThat(check.differences()).extracting(ReturnFilings.Difference::figure,
                        difference -> difference.filed().asText(), difference -> difference.now().asText())
                .containsExactly(
                        tuple("figures.header.upheld", "3", "4"),
                        tuple("figures.publication[HOME_FINANCE].percentUpheld", "0.0", "100.0"),
                        tuple("figures.rows[HOME_FINANCE/" + ADMIN + "].upheld", "0", "1"));
        assertThat(filings.find(filed.filingId()).result()).isEqualTo(filed.result());
    }

    @Test
    void a_product_named_at_review_corrects_the_registrations_grouping() {
        ComplaintStory corrected = aCase().fromCustomer("C-20").receivedAt(at("2026-03-02T09:00")).registered()
                .at(at("2026-03-02T11:00")).reviewedAsProduct("MORTGAGE");
        eventStore.publish(corrected.messages());

        RegulatoryReturns.Computed computed = returns.compute(FcaDisp1.REGIME, returns.period(H1_FROM, H1_TO), returns.head());

        assertThat(computed.drill().get("HOME_FINANCE." + TERMS + ".opened")).containsExactly(corrected.complaintId().value());
        assertThat(computed.drill().get("UNKNOWN_PRODUCT." + TERMS + ".opened")).containsExactly(ids("C4"));
    }

    @Test
    void a_filed_return_no_later_event_changed_is_reproduced_byte_for_byte() {
        LocalDate from = LocalDate.parse("2025-11-01");
        LocalDate to = LocalDate.parse("2025-11-30");
        ReturnFiled filed = filings.file(FcaDisp1.REGIME, from, to, null, Actors.COMPLIANCE);
        cases.get("C3").at(at("2026-07-10T09:00")).findingsRecorded(Validity.VALID, Responsibility.LIABLE);
        eventStore.publish(cases.get("C3").lastMessage());

        ReturnFilings.Check check = filings.check(filed.filingId());

        assertThat(check.status()).isEqualTo(ReturnFilings.REPRODUCED);
        assertThat(check.differences()).isEmpty();
        assertThat(check.recomputedSha256()).isEqualTo(filed.resultSha256());
        assertThat(fca(from, to).header()).isEqualTo(new FcaDisp1.Header(List.of("FRN-123456"), false, 0, 1, 1, 0, false));
    }

    @Test
    void the_same_position_gives_the_same_bytes_whatever_was_recorded_since() {
        long position = returns.head();
        byte[] before = returns.compute(FcaDisp1.REGIME, returns.period(H1_FROM, H1_TO), position).canonical();
        cases.get("C3").at(at("2026-07-10T09:00")).findingsRecorded(Validity.VALID, Responsibility.LIABLE);
        eventStore.publish(cases.get("C3").lastMessage());

        byte[] after = returns.compute(FcaDisp1.REGIME, returns.period(H1_FROM, H1_TO), position).canonical();

        assertThat(after).isEqualTo(before);
        assertThat(new String(after, StandardCharsets.UTF_8)).contains("\"asOfPosition\":" + position)
                .contains("\"mappings\":\"" + ReturnMappings.defaults().version() + "\"")
                .doesNotContain(ComplaintStory.CUSTOMER_NAME, ComplaintStory.DESCRIPTION);
    }

    private FcaDisp1.Figures fca(LocalDate from, LocalDate to) {
        return (FcaDisp1.Figures) returns.compute(FcaDisp1.REGIME, returns.period(from, to), returns.head()).document().figures();
    }

    private void story(String name, ComplaintStory story) {
        cases.put(name, story);
    }

    private String id(String name) {
        return cases.get(name).complaintId().value();
    }

    private String[] ids(String... names) {
        return java.util.Arrays.stream(names).map(this::id).toArray(String[]::new);
    }

    private static Instant at(String localUtc) {
        return Instant.parse(localUtc + ":00Z");
    }
}
