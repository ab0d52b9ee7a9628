package com.complaintcase.command.complaint;

import com.complaintcase.command.complaint.registration.RegisterComplaint;
import com.complaintcase.values.Actor;
import com.complaintcase.values.BranchCode;
import com.complaintcase.values.Category;
import com.complaintcase.values.Channel;
import com.complaintcase.values.ComplaintFlags;
import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.Customer;
import com.complaintcase.values.CustomerId;
import com.complaintcase.values.Money;
import com.complaintcase.values.RemedyType;
import com.complaintcase.values.RequestedRemedy;
import com.complaintcase.values.RootIssue;
import com.complaintcase.values.Subcategory;

import java.time.Duration;
import java.time.Instant;

/**
 * Builds {@link RegisterComplaint} commands: by default a customer's phone complaint about a wrong card
 * fee, received an hour ago at branch BR-0101 and registered by intake1.
 */
final class RegisterComplaintBuilder {

    static final ComplaintId CASE_ID = ComplaintId.of("3f2b8c1e-6d4a-4b7e-9c1a-2e5f8d9b0a11");
    static final BranchCode HOME_BRANCH = BranchCode.of("BR-0101");
    static final Customer CUSTOMER = new Customer(CustomerId.of("C-1001"), "Li Wei", "+86 10 5555 0101", "li.wei@example.com");
    static final String DESCRIPTION = "An annual fee was deducted from a card sold as fee-free for life.";
    static final RequestedRemedy REFUND_OF_THE_FEE = new RequestedRemedy(RemedyType.REFUND, Money.of("200.00", "CNY"));

    private ComplaintId complaintId = CASE_ID;
    private Instant receivedAt = Moments.hoursAgo(1);
    private Channel channel = Channel.PHONE;
    private BranchCode branchCode = HOME_BRANCH;
    private Customer customer = CUSTOMER;
    private Category category = Category.BUSINESS_ERROR;
    private Subcategory subcategory = Subcategory.WRONG_FEE;
    private RootIssue rootIssue = RootIssue.FEES;
    private String description = DESCRIPTION;
    private RequestedRemedy requestedRemedy = REFUND_OF_THE_FEE;
    private ComplaintFlags flags = ComplaintFlags.NONE;
    private String lateEntryReason;
    private Actor actor = Actors.INTAKE1;

    private RegisterComplaintBuilder() {
    }

    static RegisterComplaintBuilder aComplaint() {
        return new RegisterComplaintBuilder();
    }

    RegisterComplaintBuilder withId(ComplaintId id) {
        this.complaintId = id;
        return this;
    }

    RegisterComplaintBuilder receivedAt(Instant moment) {
        this.receivedAt = moment;
        return this;
    }

    RegisterComplaintBuilder receivedHoursAgo(long hours) {
        return receivedAt(Moments.hoursAgo(hours));
    }

    RegisterComplaintBuilder receivedAgo(Duration sinceReceipt) {
        return receivedAt(Moments.NOW.minus(sinceReceipt));
    }

    RegisterComplaintBuilder through(Channel channel) {
        this.channel = channel;
        return this;
    }

    RegisterComplaintBuilder atBranch(BranchCode branch) {
        this.branchCode = branch;
        return this;
    }

    RegisterComplaintBuilder about(Category category, Subcategory subcategory, RootIssue rootIssue) {
        this.category = category;
        this.subcategory = subcategory;
        this.rootIssue = rootIssue;
        return this;
    }

    RegisterComplaintBuilder describedAs(String description) {
        this.description = description;
        return this;
    }

    RegisterComplaintBuilder asking(RequestedRemedy remedy) {
        this.requestedRemedy = remedy;
        return this;
    }

    RegisterComplaintBuilder flagged(ComplaintFlags flags) {
        this.flags = flags;
        return this;
    }

    RegisterComplaintBuilder withLateEntryReason(String reason) {
        this.lateEntryReason = reason;
        return this;
    }

    RegisterComplaintBuilder registeredBy(Actor actor) {
        this.actor = actor;
        return this;
    }

    RegisterComplaint build() {
        return new RegisterComplaint(complaintId, receivedAt, channel, branchCode, customer, category, subcategory,
                rootIssue, description, requestedRemedy, flags, lateEntryReason, actor);
    }
}
