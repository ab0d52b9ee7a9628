package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.closure.CloseComplaint;
import com.complaintcase.command.complaint.closure.ReopenComplaint;
import com.complaintcase.command.complaint.closure.WithdrawComplaint;
import com.complaintcase.command.complaint.escalation.EscalateComplaint;
import com.complaintcase.command.complaint.escalation.ExtendDeadline;
import com.complaintcase.command.complaint.handling.AssignHandler;
import com.complaintcase.command.complaint.handling.AttachEvidence;
import com.complaintcase.command.complaint.handling.RecordContact;
import com.complaintcase.command.complaint.handling.RecordFindings;
import com.complaintcase.command.complaint.handling.TransferComplaint;
import com.complaintcase.command.complaint.resolution.DecideCompensation;
import com.complaintcase.command.complaint.resolution.ProposeResolution;
import com.complaintcase.command.complaint.resolution.RecordCompensationPayment;
import com.complaintcase.command.complaint.resolution.RecordCustomerResponse;
import com.complaintcase.command.complaint.resolution.RecordFeedback;
import com.complaintcase.command.complaint.review.ReviewComplaint;
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.ContactMethod;
import com.complaintcase.values.EscalationReason;
import com.complaintcase.values.EvidenceKind;
import com.complaintcase.values.HandlingLevel;
import com.complaintcase.values.Money;
import com.complaintcase.values.Responsibility;
import com.complaintcase.values.ReviewOutcome;
import com.complaintcase.values.SatisfactionScore;
import com.complaintcase.values.Validity;

import java.time.Instant;

import static com.complaintcase.command.complaint.RegisterComplaintBuilder.CASE_ID;

/**
 * Lifecycle commands for the test case ({@link RegisterComplaintBuilder#CASE_ID}), without an expected
 * version, with plausible content. The wording constants are shared with {@link CaseHistory}, so an
 * expected event can be written out in full.
 */
final class ComplaintCommands {

    static final String BUSINESS_LINE = "card services";
    static final String REVIEW_NOTE = "fee dispute on a credit card";
    static final BranchCode CARD_CENTRE = BranchCode.of("BR-0200");
    static final String TRANSFER_REASON = "card fee disputes are handled by the card centre";
    static final ContactMethod CONTACT_METHOD = ContactMethod.PHONE;
    static final String CONTACT_SUMMARY = "told the customer who handles the case and what happens next";
    static final EvidenceKind EVIDENCE_KIND = EvidenceKind.SYSTEM_LOG;
    static final String EVIDENCE_REFERENCE = "FEE-LEDGER-2026-11-19";
    static final String EVIDENCE_DESCRIPTION = "card fee ledger of the customer's account";
    static final Validity VALIDITY = Validity.VALID;
    static final Responsibility RESPONSIBILITY = Responsibility.LIABLE;
    static final String ROOT_CAUSE = "fee waiver lost in a card system migration";
    static final String FINDINGS_SUMMARY = "the annual fee was charged in error";
    static final String RESOLUTION_SUMMARY = "refund the fee, restore the waiver and apologise";
    static final Money COMPENSATION = Money.of("500.00", "CNY");
    static final String DECISION_NOTE = "within the branch's compensation authority";
    static final String CUSTOMER_COMMENT = "the customer agrees with the proposal";
    static final String PAYMENT_REFERENCE = "PAY-2026-0001";
    static final SatisfactionScore SATISFIED = SatisfactionScore.of(5);
    static final String FEEDBACK_COMMENT = "handled quickly and politely";
    static final String CLOSING_NOTE = "resolution carried out and confirmed with the customer";
    static final String REOPEN_REASON = "the customer was charged the same fee again";
    static final String WITHDRAWAL_REASON = "the customer found the fee waiver letter was for another card";
    static final String ESCALATION_NOTE = "the customer threatens to go to the media";
    static final String EXTENSION_REASON = "the card centre needs the migration logs; the customer was told";

    private ComplaintCommands() {
    }

    static ReviewComplaint reviewAsComplaint(Actor by) {
        return reviewAsComplaint(by, HandlingLevel.BRANCH);
    }

    static ReviewComplaint reviewAsComplaint(Actor by, HandlingLevel level) {
        return new ReviewComplaint(CASE_ID, null, by, ReviewOutcome.ACCEPTED, BUSINESS_LINE, level, REVIEW_NOTE);
    }

    static ReviewComplaint reviewAsNotAComplaint(Actor by) {
        return new ReviewComplaint(CASE_ID, null, by, ReviewOutcome.NOT_A_COMPLAINT, BUSINESS_LINE, null, REVIEW_NOTE);
    }

    static AssignHandler assign(Actor by, Actor handler) {
        return new AssignHandler(CASE_ID, null, by, handler.userId());
    }

    static TransferComplaint transfer(Actor by, BranchCode toUnit) {
        return new TransferComplaint(CASE_ID, null, by, toUnit, TRANSFER_REASON);
    }

    static RecordContact recordContact(Actor by) {
        return recordContact(by, Moments.NOW);
    }

    static RecordContact recordContact(Actor by, Instant contactedAt) {
        return new RecordContact(CASE_ID, null, by, contactedAt, CONTACT_METHOD, CONTACT_SUMMARY);
    }

    static AttachEvidence attachEvidence(Actor by) {
        return new AttachEvidence(CASE_ID, null, by, EVIDENCE_KIND, EVIDENCE_REFERENCE, EVIDENCE_DESCRIPTION);
    }

    static RecordFindings recordFindings(Actor by) {
        return new RecordFindings(CASE_ID, null, by, VALIDITY, RESPONSIBILITY, ROOT_CAUSE, FINDINGS_SUMMARY);
    }

    static ProposeResolution proposeResolution(Actor by) {
        return new ProposeResolution(CASE_ID, null, by, RESOLUTION_SUMMARY, null);
    }

    static ProposeResolution proposeResolutionWithCompensation(Actor by, Money compensation) {
        return new ProposeResolution(CASE_ID, null, by, RESOLUTION_SUMMARY, compensation);
    }

    static DecideCompensation approveCompensation(Actor by) {
        return new DecideCompensation(CASE_ID, null, by, true, DECISION_NOTE);
    }

    static DecideCompensation rejectCompensation(Actor by) {
        return new DecideCompensation(CASE_ID, null, by, false, DECISION_NOTE);
    }

    static RecordCustomerResponse customerAccepts(Actor recordedBy) {
        return new RecordCustomerResponse(CASE_ID, null, recordedBy, true, CUSTOMER_COMMENT);
    }

    static RecordCustomerResponse customerRejects(Actor recordedBy) {
        return new RecordCustomerResponse(CASE_ID, null, recordedBy, false, CUSTOMER_COMMENT);
    }

    static RecordCompensationPayment recordPayment(Actor by, Money amount, Instant paidAt) {
        return new RecordCompensationPayment(CASE_ID, null, by, amount, paidAt, PAYMENT_REFERENCE);
    }

    static RecordCompensationPayment recordPaymentInFull(Actor by) {
        return recordPayment(by, COMPENSATION, Moments.NOW);
    }

    static RecordFeedback recordFeedback(Actor by) {
        return recordFeedback(by, SATISFIED);
    }

    static RecordFeedback recordFeedback(Actor by, SatisfactionScore score) {
        return new RecordFeedback(CASE_ID, null, by, score, FEEDBACK_COMMENT);
    }

    static CloseComplaint close(Actor by) {
        return new CloseComplaint(CASE_ID, null, by, CLOSING_NOTE);
    }

    static ReopenComplaint reopen(Actor by) {
        return new ReopenComplaint(CASE_ID, null, by, REOPEN_REASON);
    }

    static WithdrawComplaint withdraw(Actor by) {
        return new WithdrawComplaint(CASE_ID, null, by, WITHDRAWAL_REASON);
    }

    static EscalateComplaint escalate(Actor by) {
        return escalate(by, EscalationReason.MEDIA_THREAT);
    }

    static EscalateComplaint escalate(Actor by, EscalationReason reason) {
        return new EscalateComplaint(CASE_ID, null, by, reason, ESCALATION_NOTE);
    }

    static ExtendDeadline extendDeadline(Actor by, int days) {
        return new ExtendDeadline(CASE_ID, null, by, days, EXTENSION_REASON);
    }
}
