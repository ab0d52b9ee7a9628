package com.complaintcase.query.cases;

import com.complaintcase.platform.privacy.PersonalDataCipher;
import com.complaintcase.query.statistics.counting.CountingClass;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintStatus;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;
import com.complaintcase.values.Validity;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/cases/{id}}: the case now, or as it stood at {@code asOf}. Deadline states are
 * read at that instant: a running clock whose time has passed shows as breached.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(
        String complaintId,
        ComplaintStatus status,
        HandlingLevel level,
        Category category,
        Subcategory subcategory,
        RootIssue rootIssue,
        Channel channel,
        String branchCode,
        String registeredBranchCode,
        String handlerId,
        String firstResponderId,
        Instant receivedAt,
        Instant registeredAt,
        Instant lastChangedAt,
        Instant resolvedAt,
        Instant closedAt,
        CaseFlags flags,
        Customer customer,
        String description,
        RequestedRemedy requestedRemedy,
        String businessLine,
        Findings findings,
        Compensation compensation,
        Integer satisfactionScore,
        int reopenCount,
        Policy policy,
        List<Deadline> deadlines,
        List<Escalation> escalations,
        long version,
        Instant asOf,
        Boolean personalDataRedacted,
        CountingClass countingClass) {

    public record Customer(String customerId, String name, String phone, String email) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestedRemedy(RemedyType type, Money amount) {
    }

    public record Findings(Validity validity, Responsibility responsibility) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Compensation(Money proposed, Money approved, Money paid) {
    }

    public record Policy(String name, Integer version) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Deadline(String name, Instant dueAt, DeadlineState state, Instant metAt, Instant breachedAt) {
    }

    public record Escalation(HandlingLevel fromLevel, HandlingLevel toLevel, EscalationReason reason, String note,
                             Instant escalatedAt, String escalatedBy) {
    }

    /**
     * The view of {@code c} with deadline states read at {@code at}; {@code asOf} is set for a past view. The
     * customer's personal data is as the row holds it: encrypted, or "[erased]".
     */
    static CaseView of(CaseSummary c, Instant at, Instant asOf) {
        return new CaseView(
                c.complaintId(), c.status(), c.level(), c.category(), c.subcategory(), c.rootIssue(), c.channel(),
                c.branchCode(), c.registeredBranchCode(), c.handlerId(), c.firstResponderId(),
                c.receivedAt(), c.registeredAt(), c.lastChangedAt(), c.resolvedAt(), c.closedAt(),
                CaseFlags.of(c),
                new Customer(c.customerId(), c.customerName(), c.customerPhone(), c.customerEmail()),
                c.description(),
                c.requestedRemedy() == null ? null
                        : new RequestedRemedy(c.requestedRemedy(), money(c.requestedAmount(), c.requestedCurrency())),
                c.businessLine(),
                c.validity() == null ? null : new Findings(c.validity(), c.responsibility()),
                compensation(c),
                c.satisfactionScore(),
                c.reopenCount(),
                new Policy(c.policyName(), c.policyVersion()),
                c.deadlines().stream().map(deadline -> deadline(deadline, at)).toList(),
                c.escalations().stream().map(e -> new Escalation(e.fromLevel(), e.toLevel(), e.reason(), e.note(),
                        e.escalatedAt(), e.escalatedBy())).toList(),
                c.version(),
                asOf,
                null,
                null);
    }

    /** The same view with the customer's personal data readable: decrypted, or "[erased]" once its keys are gone. */
    public CaseView withPersonalDataDecrypted(PersonalDataCipher cipher) {
        return new CaseView(complaintId, status, level, category, subcategory, rootIssue, channel, branchCode,
                registeredBranchCode, handlerId, firstResponderId, receivedAt, registeredAt, lastChangedAt, resolvedAt,
                closedAt, flags, customer == null ? null : new Customer(customer.customerId(),
                cipher.decrypt(customer.name()), cipher.decrypt(customer.phone()), cipher.decrypt(customer.email())),
                cipher.decrypt(description), requestedRemedy, businessLine, findings, compensation, satisfactionScore,
                reopenCount, policy, deadlines, escalations, version, asOf, personalDataRedacted, countingClass);
    }

    /** The same view with the case's counting class in the statistics (as of the view's instant). */
    public CaseView withCountingClass(CountingClass counted) {
        return new CaseView(complaintId, status, level, category, subcategory, rootIssue, channel, branchCode,
                registeredBranchCode, handlerId, firstResponderId, receivedAt, registeredAt, lastChangedAt, resolvedAt,
                closedAt, flags, customer, description, requestedRemedy, businessLine, findings, compensation,
                satisfactionScore, reopenCount, policy, deadlines, escalations, version, asOf, personalDataRedacted, counted);
    }

    /** The same view without the customer's personal data (name, phone, email, description). */
    public CaseView withoutPersonalData() {
        return new CaseView(complaintId, status, level, category, subcategory, rootIssue, channel, branchCode,
                registeredBranchCode, handlerId, firstResponderId, receivedAt, registeredAt, lastChangedAt, resolvedAt,
                closedAt, flags, customer == null ? null : new Customer(customer.customerId(), null, null, null), null,
                requestedRemedy, businessLine, findings, compensation, satisfactionScore, reopenCount, policy, deadlines,
                escalations, version, asOf, Boolean.TRUE, countingClass);
    }

    private static Deadline deadline(DeadlineEntry entry, Instant at) {
        if (entry.state() == DeadlineState.RUNNING && entry.isOverdueAt(at)) {
            return new Deadline(entry.clock().name(), entry.dueAt(), DeadlineState.BREACHED, null, entry.dueAt());
        }
        return new Deadline(entry.clock().name(), entry.dueAt(), entry.state(), entry.metAt(), entry.breachedAt());
    }

    private static Compensation compensation(CaseSummary c) {
        if (c.compensationProposed() == null && c.compensationApproved() == null && c.compensationPaid() == null) {
            return null;
        }
        return new Compensation(money(c.compensationProposed(), c.compensationCurrency()),
                money(c.compensationApproved(), c.compensationCurrency()),
                money(c.compensationPaid(), c.compensationPaidCurrency()));
    }

    private static Money money(BigDecimal amount, String currency) {
        return amount == null || currency == null ? null : new Money(amount, currency);
    }
}
