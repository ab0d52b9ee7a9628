package com.complaintcase.command;

import com.complaintcase.command.complaint.Complaint;
import com.complaintcase.command.complaint.ComplaintCommandHandler;
import com.complaintcase.command.complaint.ComplaintPolicy;
import com.complaintcase.command.complaint.sla.PolicyPacks;
import com.complaintcase.command.complaint.RelatedComplaints;
import com.complaintcase.command.lookup.ComplaintLookupProjection;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Wires the complaint case's command handling: its policy, its clock, its snapshots and the lookup of related
 * complaints ({@link com.complaintcase.command.lookup.JpaRelatedComplaints}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PolicyProperties.class, SnapshotProperties.class})
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
     * The lookup of related complaints is part of the command's transaction: a failure there fails the command
     * (and rolls its events back) rather than being logged and leaving the lookup behind the event store.
     */
    @Bean
    ConfigurerModule complaintLookupErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                ComplaintLookupProjection.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }

    @Bean
    SnapshotTriggerDefinition complaintSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.getThreshold());
    }
}
