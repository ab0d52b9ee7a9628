package com.complaintcase.command.privacy;

import com.complaintcase.values.ComplaintId;
import com.complaintcase.values.CustomerId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads (or starts) the customer's privacy record, lets it decide, and, for an erasure, destroys the customer's keys
 * in the same transaction as the erasure event: both happen, or neither.
 */
public class CustomerPrivacyCommandHandler {

    private final Repository<CustomerPrivacy> repository;
    private final CustomerCases customerCases;
    private final RetentionPolicy retention;
    private final PersonalDataKeys keys;
    private final Clock clock;

    public CustomerPrivacyCommandHandler(Repository<CustomerPrivacy> repository, CustomerCases customerCases,
                                         RetentionPolicy retention, PersonalDataKeys keys, Clock clock) {
        this.repository = repository;
        this.customerCases = customerCases;
        this.retention = retention;
        this.keys = keys;
        this.clock = clock;
    }

    @CommandHandler
    public PrivacyResult handle(EraseCustomerData command) throws Exception {
        List<CaseRetention> cases = customerCases.of(command.customerId());
        Aggregate<CustomerPrivacy> privacy = loadOrStart(command.customerId());
        privacy.execute(record -> record.erase(command, cases, retention, now()));
        List<ComplaintId> affected = cases.stream().map(CaseRetention::complaintId).toList();
        keys.destroy(command.customerId(), affected);
        return new PrivacyResult(command.customerId(), affected, privacy.version());
    }

    @CommandHandler
    public PrivacyResult handle(PlaceLegalHold command) throws Exception {
        return execute(command.customerId(), record -> record.placeLegalHold(command, now()));
    }

    @CommandHandler
    public PrivacyResult handle(ReleaseLegalHold command) throws Exception {
        return execute(command.customerId(), record -> record.releaseLegalHold(command, now()));
    }

    private PrivacyResult execute(CustomerId customerId, Consumer<CustomerPrivacy> decision) throws Exception {
        Aggregate<CustomerPrivacy> privacy = loadOrStart(customerId);
        privacy.execute(decision);
        return new PrivacyResult(customerId, List.of(), privacy.version());
    }

    private Aggregate<CustomerPrivacy> loadOrStart(CustomerId customerId) throws Exception {
        return repository.loadOrCreate(customerId.value(), () -> new CustomerPrivacy(customerId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
