package com.complaintcase.benchpeer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The one aggregate: registration is its creation, one event. */
@Aggregate
public class Complaint {

    @AggregateIdentifier
    private String complaintId;

    protected Complaint() {
    }

    @CommandHandler
    public Complaint(RegisterComplaint command) {
        apply(new ComplaintRegistered(command.complaintId(), command.complaint()));
    }

    @EventSourcingHandler
    void on(ComplaintRegistered event) {
        this.complaintId = event.complaintId();
    }
}
