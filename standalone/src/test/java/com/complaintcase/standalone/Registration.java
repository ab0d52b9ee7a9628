package com.complaintcase.standalone;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Test data builder for {@code POST /api/complaints}. By default a valid complaint about a wrong fee,
 * received by phone two hours ago (well inside the 24-hour entry limit), with a server-chosen id.
 */
final class Registration {

    private String complaintId;
    private Instant receivedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
    private String channel = "PHONE";
    private String branchCode = "BR-0101";
    private String customerId = "C-1001";
    private String customerName = "Li Wei";
    private String customerPhone = "+86 138 0000 0000";
    private String customerEmail = "li.wei@example.com";
    private String category = "BUSINESS_ERROR";
    private String subcategory = "WRONG_FEE";
    private String rootIssue = "FEES";
    private String description = "The annual card fee was deducted twice this month.";
    private String remedyType = "REFUND";
    private String remedyAmount = "120.00";
    private boolean mediaThreat;
    private String lateEntryReason;

    private Registration() {
    }

    static Registration aRegistration() {
        return new Registration();
    }

    /** A client-chosen id, which makes the registration idempotent. */
    Registration withId(String id) {
        this.complaintId = id;
        return this;
    }

    Registration withNewId() {
        return withId(UUID.randomUUID().toString());
    }

    String id() {
        return complaintId;
    }

    Registration receivedHoursAgo(long hours) {
        this.receivedAt = Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS);
        return this;
    }

    /** Received at a given instant, e.g. of the test's clock. */
    Registration receivedAt(Instant at) {
        this.receivedAt = at;
        return this;
    }

    Registration forCustomer(String customerId, String name, String phone, String email) {
        this.customerId = customerId;
        this.customerName = name;
        this.customerPhone = phone;
        this.customerEmail = email;
        return this;
    }

    Registration through(String channel) {
        this.channel = channel;
        return this;
    }

    Registration atBranch(String branchCode) {
        this.branchCode = branchCode;
        return this;
    }

    Registration classifiedAs(String category, String subcategory, String rootIssue) {
        this.category = category;
        this.subcategory = subcategory;
        this.rootIssue = rootIssue;
        return this;
    }

    Registration describedAs(String description) {
        this.description = description;
        return this;
    }

    Registration askingFor(String remedyType, String amount) {
        this.remedyType = remedyType;
        this.remedyAmount = amount;
        return this;
    }

    Registration withMediaThreat() {
        this.mediaThreat = true;
        return this;
    }

    Registration enteredLateBecause(String reason) {
        this.lateEntryReason = reason;
        return this;
    }

    JsonBody body() {
        JsonBody body = JsonBody.object()
                .with("receivedAt", receivedAt.toString())
                .with("channel", channel)
                .with("branchCode", branchCode)
                .with("customer", JsonBody.object()
                        .with("customerId", customerId)
                        .with("name", customerName)
                        .with("phone", customerPhone)
                        .with("email", customerEmail))
                .with("category", category)
                .with("subcategory", subcategory)
                .with("rootIssue", rootIssue)
                .with("description", description)
                .with("requestedRemedy", remedy())
                .with("flags", JsonBody.object()
                        .with("mediaThreat", mediaThreat)
                        .with("vulnerableCustomer", false)
                        .with("skippedLevel", false)
                        .with("incidentCode", null));
        if (complaintId != null) {
            body = body.with("complaintId", complaintId);
        }
        if (lateEntryReason != null) {
            body = body.with("lateEntryReason", lateEntryReason);
        }
        return body;
    }

    private JsonBody remedy() {
        JsonBody remedy = JsonBody.object().with("type", remedyType);
        return remedyAmount == null ? remedy : remedy.with("amount", CommandBodies.money(remedyAmount, "CNY"));
    }
}
