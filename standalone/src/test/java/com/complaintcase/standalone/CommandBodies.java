package com.complaintcase.standalone;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Valid bodies for the lifecycle commands of the contract, one factory per action. */
final class CommandBodies {

    private CommandBodies() {
    }

    static JsonBody money(String amount, String currency) {
        return JsonBody.object().with("amount", amount).with("currency", currency);
    }

    static JsonBody acceptedReview(String handlingLevel) {
        return JsonBody.object()
                .with("outcome", "ACCEPTED")
                .with("businessLine", "Retail cards")
                .with("handlingLevel", handlingLevel)
                .with("note", "a complaint about our fees");
    }

    static JsonBody notAComplaintReview() {
        return JsonBody.object()
                .with("outcome", "NOT_A_COMPLAINT")
                .with("note", "an inquiry about opening hours, not a complaint");
    }

    static JsonBody assignmentTo(String handlerId) {
        return JsonBody.object().with("handlerId", handlerId);
    }

    static JsonBody transferTo(String unit) {
        return JsonBody.object().with("toUnit", unit).with("reason", "the card centre owns fee disputes");
    }

    static JsonBody contactByPhone() {
        return JsonBody.object()
                .with("contactedAt", minutesAgo(1))
                .with("method", "PHONE")
                .with("summary", "told the customer who handles the case and what happens next");
    }

    /** A phone contact at a given instant, e.g. of the test's clock. */
    static JsonBody contactByPhoneAt(Instant contactedAt) {
        return contactByPhone().with("contactedAt", contactedAt.toString());
    }

    static JsonBody evidence() {
        return JsonBody.object()
                .with("kind", "SYSTEM_LOG")
                .with("reference", "core-banking fee log 2026-11")
                .with("description", "shows the fee posted twice");
    }

    static JsonBody findings() {
        return JsonBody.object()
                .with("validity", "VALID")
                .with("responsibility", "LIABLE")
                .with("rootCause", "a batch job ran twice")
                .with("summary", "the fee was charged twice by our error");
    }

    static JsonBody resolutionWithCompensation(String amount, String currency) {
        return JsonBody.object()
                .with("summary", "refund the duplicate fee and compensate the inconvenience")
                .with("compensation", money(amount, currency));
    }

    static JsonBody resolutionWithoutCompensation() {
        return JsonBody.object()
                .with("summary", "explain the corrected statement")
                .with("compensation", null);
    }

    static JsonBody compensationDecision(boolean approved) {
        return JsonBody.object().with("approved", approved).with("note", "within the branch's authority");
    }

    static JsonBody customerResponse(boolean accepted) {
        return JsonBody.object().with("accepted", accepted).with("comment", "the customer agreed on the phone");
    }

    static JsonBody compensationPayment(String amount, String currency) {
        return JsonBody.object()
                .with("amount", money(amount, currency))
                .with("paidAt", minutesAgo(1))
                .with("paymentReference", "PAY-2026-0001");
    }

    static JsonBody feedback(int score) {
        return JsonBody.object().with("score", score).with("comment", "handled quickly");
    }

    static JsonBody closing() {
        return JsonBody.object().with("note", "resolved to the customer's satisfaction");
    }

    static JsonBody reopening() {
        return JsonBody.object().with("reason", "the customer called again: the fee was charged a third time");
    }

    static JsonBody withdrawal() {
        return JsonBody.object().with("reason", "the customer no longer wishes to pursue it");
    }

    static JsonBody escalation(String reason) {
        return JsonBody.object().with("reason", reason).with("note", "escalated one level up");
    }

    static JsonBody deadlineExtension(int days) {
        return JsonBody.object().with("reason", "waiting for the card scheme's records").with("days", days);
    }

    private static String minutesAgo(long minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
