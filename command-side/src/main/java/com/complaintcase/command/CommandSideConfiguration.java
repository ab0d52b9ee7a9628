package com.complaintcase.command;

import com.complaintcase.command.complaint.Complaint;
import com.complaintcase.command.complaint.ComplaintCommandHandler;
import com.complaintcase.command.complaint.ComplaintPolicy;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.command.complaint.RelatedComplaints;
import com.complaintcase.command.integrity.CaseHistoryGuard;
import com.complaintcase.command.integrity.HistoryCheckedOnLoad;
import com.complaintcase.command.lookup.ComplaintLookupProjection;
import com.complaintcase.command.privacy.CustomerCases;
import com.complaintcase.command.privacy.CustomerPrivacy;
import com.complaintcase.command.privacy.CustomerPrivacyCommandHandler;
import com.complaintcase.command.privacy.PersonalDataKeys;
import com.complaintcase.platform.privacy.DataSubjects;
import com.complaintcase.platform.privacy.JdbcDataKeys;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Wires the complaint case's command handling: its policy, its clock, its snapshots and the lookup of related
 * complaints ({@link com.complaintcase.command.lookup.JpaRelatedComplaints}); and the customers' privacy records
 * (legal holds, erasure).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PolicyProperties.class, SnapshotProperties.class, PrivacyRetentionProperties.class})
public class CommandSideConfiguration {

    @Bean
    ComplaintPolicy complaintPolicy(PolicyProperties properties) {
        return properties.toPolicy();
    }

    @Bean
    PolicyPacks policyPacks(PolicyProperties properties) {
        return properties.toPacks();
    }

    @Bean
    ComplaintCommandHandler complaintCommandHandler(@Qualifier("complaintRepository") Repository<Complaint> repository,
                                                    EventStore eventStore, ComplaintPolicy policy, PolicyPacks packs,
                                                    Clock clock, RelatedComplaints relatedComplaints) {
        return new ComplaintCommandHandler(repository, eventStore, policy, packs, clock, relatedComplaints);
    }

    /**
     * The lookup of related complaints is part of the command's transaction: its processor is subscribing, so that
     * the lookup changes with the events of the command that changes it (a correctness requirement, not a tuning
     * knob: a registration must find the cases registered before it), and a failure there fails the command (and
     * rolls its events back) rather than being logged and leaving the lookup behind the event store.
     */
    @Bean
    ConfigurerModule complaintLookupInTheCommandTransaction() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ComplaintLookupProjection.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(ComplaintLookupProjection.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance());
    }

    /** Erasure destroys the keys of the customer and of each of their cases (see ADR 0008). */
    @Bean
    CustomerPrivacyCommandHandler customerPrivacyCommandHandler(
            @Qualifier("customerPrivacyRepository") Repository<CustomerPrivacy> repository, CustomerCases customerCases,
            PrivacyRetentionProperties retention, JdbcDataKeys dataKeys, Clock clock) {
        PersonalDataKeys keys = (customer, cases) -> dataKeys.destroy(DataSubjects.ofCustomer(customer, cases));
        return new CustomerPrivacyCommandHandler(repository, customerCases, retention.toPolicy(), keys, clock);
    }

    /** Every load of a case for a command or a deadline also checks its history (docs/adr/0010). */
    @Bean
    SnapshotTriggerDefinition complaintSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties,
                                                       CaseHistoryGuard historyGuard,
                                                       @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new HistoryCheckedOnLoad(new EventCountSnapshotTriggerDefinition(snapshotter, properties.getThreshold()),
                historyGuard, eventSerializer);
    }
}
