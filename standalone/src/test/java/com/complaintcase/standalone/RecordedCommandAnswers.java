package com.complaintcase.standalone;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.complaintcase.standalone.CommandBodies.acceptedReview;
import static com.complaintcase.standalone.CommandBodies.assignmentTo;
import static com.complaintcase.standalone.CommandBodies.closing;
import static com.complaintcase.standalone.CommandBodies.compensationDecision;
import static com.complaintcase.standalone.CommandBodies.compensationPayment;
import static com.complaintcase.standalone.CommandBodies.contactByPhone;
import static com.complaintcase.standalone.CommandBodies.customerResponse;
import static com.complaintcase.standalone.CommandBodies.deadlineExtension;
import static com.complaintcase.standalone.CommandBodies.escalation;
import static com.complaintcase.standalone.CommandBodies.evidence;
import static com.complaintcase.standalone.CommandBodies.feedback;
import static com.complaintcase.standalone.CommandBodies.findings;
import static com.complaintcase.standalone.CommandBodies.reopening;
import static com.complaintcase.standalone.CommandBodies.resolutionWithCompensation;
import static com.complaintcase.standalone.CommandBodies.transferTo;
import static com.complaintcase.standalone.CommandBodies.withdrawal;
import static com.complaintcase.standalone.Registration.aRegistration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP contract of the command endpoints, byte for byte: every command endpoint, accepted and refused (role,
 * validation, malformed body, unknown case, stale version, state, rule), answers exactly as recorded in
 * {@code src/test/resources/recorded-answers/command-answers.txt}: status, the headers a client reads, and the
 * body, with ids and instants replaced by placeholders. A deliberate change of the contract is approved by
 * recording the answers again: {@code -Drecord-answers=true} rewrites the file (review its diff before committing).
 * Run by {@link ApiDocumentationTest} on its application; {@code -Dapi-docs-out=<file>} also writes the served API
 * description there, to compare one before and after a change.
 */
final class RecordedCommandAnswers {

    private static final Path RECORDED = Path.of("src/test/resources/recorded-answers/command-answers.txt");
    /** Headers that differ from one request to the next without meaning anything to the contract. */
    private static final Set<String> UNRECORDED_HEADERS = Set.of("date", "content-length", "keep-alive");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z");

    private RecordedCommandAnswers() {
    }

    /** Sends every request of the recording to the running application {@code api} and compares the answers. */
    static void check(Api api) throws IOException {
        Recording recording = new Recording();

        // a case through its whole life, with a refusal of each kind on the way
        Registration first = aRegistration().withNewId().forCustomer("C-REC-1", "Li Wei", "+86 138 0000 0000", "li.wei@example.com");
        String a = first.id();
        recording.record("register", api.as("intake1").register(first.body()));
        recording.record("register the same again", api.as("intake1").register(first.body()));
        recording.record("register other content under the same id", api.as("intake1").register(first.body().with("description", "another matter")));
        recording.record("register without a description", api.as("intake1").register(aRegistration().withNewId().body().without("description")));
        recording.record("register with an unknown field", api.as("intake1").register(aRegistration().withNewId().body().with("colour", "red")));
        recording.record("register a malformed body", api.as("intake1").register("{\"receivedAt\": "));
        recording.record("register as analyst", api.as("analyst1").register(aRegistration().withNewId().body()));
        recording.record("register anonymously", api.anonymous().register(aRegistration().withNewId().body()));
        recording.record("review as handler", api.as("handler1").command(a, "review", acceptedReview("BRANCH")));
        recording.record("review accepted without a level", api.as("supervisor1").command(a, "review", acceptedReview("BRANCH").without("handlingLevel")));
        recording.record("review at regulator level", api.as("supervisor1").command(a, "review", acceptedReview("REGULATOR_REPORTED")));
        recording.record("review with a weak If-Match", api.as("supervisor1").ifMatchHeader("W/\"0\"").command(a, "review", acceptedReview("BRANCH")));
        recording.record("review", api.as("supervisor1").ifMatch(0).command(a, "review", acceptedReview("BRANCH")));
        recording.record("review again", api.as("supervisor1").command(a, "review", acceptedReview("BRANCH")));
        recording.record("assign an unknown handler", api.as("supervisor1").command(a, "assign", assignmentTo("nobody")));
        recording.record("assign a supervisor", api.as("supervisor1").command(a, "assign", assignmentTo("supervisor2")));
        recording.record("assign", api.as("supervisor1").command(a, "assign", assignmentTo("handler1")));
        recording.record("contact", api.as("handler1").command(a, "contacts", contactByPhone()));
        recording.record("contact without a summary", api.as("handler1").command(a, "contacts", contactByPhone().without("summary")));
        recording.record("evidence", api.as("handler1").command(a, "evidence", evidence()));
        recording.record("evidence with a two-line reference", api.as("handler1").command(a, "evidence", evidence().with("reference", "a\nb")));
        recording.record("findings on a stale version", api.as("handler1").ifMatch(1).command(a, "findings", findings()));
        recording.record("findings", api.as("handler1").command(a, "findings", findings()));
        recording.record("close before resolution", api.as("handler1").command(a, "close", closing()));
        recording.record("resolution with a malformed amount", api.as("handler1").command(a, "resolution", resolutionWithCompensation("fifty", "CNY")));
        recording.record("resolution", api.as("handler1").command(a, "resolution", resolutionWithCompensation("50.00", "CNY")));
        recording.record("compensation approval by a handler", api.as("handler1").command(a, "compensation-approval", compensationDecision(true)));
        recording.record("compensation approval", api.as("supervisor2").command(a, "compensation-approval", compensationDecision(true)));
        recording.record("customer response", api.as("handler1").command(a, "customer-response", customerResponse(true)));
        recording.record("compensation payment in another currency", api.as("handler1").command(a, "compensation-payment", compensationPayment("50.00", "XYZ")));
        recording.record("compensation payment", api.as("handler1").command(a, "compensation-payment", compensationPayment("50.00", "CNY")));
        recording.record("feedback out of range", api.as("handler1").command(a, "feedback", feedback(9)));
        recording.record("feedback as a string", api.as("handler1").command(a, "feedback", feedback(5).with("score", "5")));
        recording.record("feedback", api.as("handler1").command(a, "feedback", feedback(5)));
        recording.record("close", api.as("handler1").command(a, "close", closing()));
        recording.record("close again", api.as("handler1").command(a, "close", closing()));
        recording.record("escalate a closed case", api.as("handler1").command(a, "escalate", escalation("CUSTOMER_REQUEST")));
        recording.record("reopen without a reason", api.as("intake1").command(a, "reopen", reopening().without("reason")));
        recording.record("reopen", api.as("intake1").command(a, "reopen", reopening()));
        recording.record("withdraw", api.as("intake1").command(a, "withdraw", withdrawal()));
        recording.record("withdraw again", api.as("intake1").command(a, "withdraw", withdrawal()));

        // a second case: transfer, escalation, deadline extension
        Registration second = aRegistration().withNewId().forCustomer("C-REC-2", "Wang Fang", "+86 139 0000 0000", "wang.fang@example.com");
        String b = second.id();
        recording.record("register another", api.as("handler1").register(second.body()));
        recording.record("transfer before review", api.as("handler1").command(b, "transfer", transferTo("CARD-CENTRE")));
        recording.record("review another", api.as("supervisor1").command(b, "review", acceptedReview("BRANCH")));
        recording.record("assign another", api.as("supervisor1").command(b, "assign", assignmentTo("handler2")));
        recording.record("transfer to a malformed unit", api.as("handler2").command(b, "transfer", transferTo("a b\nc")));
        recording.record("transfer", api.as("handler2").command(b, "transfer", transferTo("CARD-CENTRE")));
        recording.record("escalate with an unknown reason", api.as("handler1").command(b, "escalate", escalation("BORED")));
        recording.record("escalate", api.as("supervisor1").command(b, "escalate", escalation("CUSTOMER_REQUEST")));
        recording.record("extend by 400 days", api.as("supervisor1").command(b, "deadline-extension", deadlineExtension(400)));
        recording.record("extend by 20 days", api.as("supervisor1").command(b, "deadline-extension", deadlineExtension(20)));
        recording.record("extend by 5 days", api.as("supervisor1").command(b, "deadline-extension", deadlineExtension(5)));
        recording.record("extend as handler", api.as("handler1").command(b, "deadline-extension", deadlineExtension(5)));

        // a case nobody registered, a malformed id
        String unknown = UUID.randomUUID().toString();
        recording.record("review an unknown case", api.as("supervisor1").command(unknown, "review", acceptedReview("BRANCH")));
        recording.record("close an unknown case", api.as("handler1").command(unknown, "close", closing()));
        recording.record("close a malformed id", api.as("handler1").command("not%20an%20id", "close", closing()));

        // a customer's personal data
        JsonBody reason = JsonBody.object().with("reason", "request REF-7");
        recording.record("erase while a case is open", api.as("compliance1").post("/api/customers/C-REC-2/erasure", reason));
        recording.record("erase a customer without cases", api.as("compliance1").post("/api/customers/C-NONE/erasure", reason));
        recording.record("erase as handler", api.as("handler1").post("/api/customers/C-REC-1/erasure", reason));
        recording.record("erase without a reason", api.as("compliance1").post("/api/customers/C-REC-1/erasure", JsonBody.object()));
        recording.record("place a legal hold", api.as("compliance1").post("/api/customers/C-REC-1/legal-hold", reason));
        recording.record("place it again", api.as("compliance1").post("/api/customers/C-REC-1/legal-hold", reason));
        recording.record("erase under a legal hold", api.as("compliance1").post("/api/customers/C-REC-1/erasure", reason));
        recording.record("release the legal hold", api.as("compliance1").post("/api/customers/C-REC-1/legal-hold/release", reason));
        recording.record("release it again", api.as("compliance1").post("/api/customers/C-REC-1/legal-hold/release", reason));
        recording.record("erase within the retention period", api.as("compliance1").post("/api/customers/C-REC-1/erasure", reason));

        String descriptionOut = System.getProperty("api-docs-out");
        if (descriptionOut != null) {
            Files.writeString(Path.of(descriptionOut), api.anonymous().get("/v3/api-docs").body(), StandardCharsets.UTF_8);
        }
        String answers = recording.text();
        if (Boolean.getBoolean("record-answers") || !Files.exists(RECORDED)) {
            Files.createDirectories(RECORDED.getParent());
            Files.writeString(RECORDED, answers, StandardCharsets.UTF_8);
        }
        assertThat(answers).as("the answers recorded in %s (approve a deliberate change with -Drecord-answers=true)",
                RECORDED.toAbsolutePath()).isEqualTo(Files.readString(RECORDED, StandardCharsets.UTF_8));
    }

    /** The answers in order, ids numbered by first appearance and instants blanked, so that two runs compare. */
    private static final class Recording {
        private final StringBuilder text = new StringBuilder();
        private final Map<String, String> ids = new LinkedHashMap<>();

        void record(String step, ApiReply reply) {
            text.append("### ").append(step).append('\n');
            text.append(normalised(reply.request().replace('\n', ' '))).append('\n');
            text.append(reply.status()).append('\n');
            List<String> headers = new ArrayList<>();
            reply.headers().map().forEach((name, values) -> {
                if (!UNRECORDED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.add(name.toLowerCase(Locale.ROOT) + ": " + normalised(String.join(", ", values)));
                }
            });
            headers.sort(String::compareTo);
            headers.forEach(header -> text.append(header).append('\n'));
            text.append(normalised(reply.body())).append("\n\n");
        }

        private String normalised(String value) {
            Matcher uuids = UUID_TEXT.matcher(value);
            StringBuilder out = new StringBuilder();
            while (uuids.find()) {
                String id = ids.computeIfAbsent(uuids.group(), key -> "<id-" + (ids.size() + 1) + ">");
                uuids.appendReplacement(out, Matcher.quoteReplacement(id));
            }
            uuids.appendTail(out);
            return INSTANT.matcher(out).replaceAll("<instant>");
        }

        String text() {
            return text.toString();
        }
    }
}
