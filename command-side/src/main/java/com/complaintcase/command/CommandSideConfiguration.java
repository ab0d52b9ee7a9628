package com.complaintcase.command;

import com.complaintcase.command.complaint.Complaint;
import com.complaintcase.command.complaint.ComplaintCommandHandler;
import com.complaintcase.command.complaint.ComplaintPolicy;
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

/** Wires the complaint case's command handling: its policy, its clock and its snapshots. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PolicyProperties.class, SnapshotProperties.class})
public class CommandSideConfiguration {

    @Bean
    ComplaintPolicy complaintPolicy(PolicyProperties properties) {
        return properties.toPolicy();
    }

    @Bean
    ComplaintCommandHandler complaintCommandHandler(@Qualifier("complaintRepository") Repository<Complaint> repository,
                                                    EventStore eventStore, ComplaintPolicy policy, Clock clock) {
        return new ComplaintCommandHandler(repository, eventStore, policy, clock);
    }

    @Bean
    SnapshotTriggerDefinition complaintSnapshotTrigger(Snapshotter snapshotter, SnapshotProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.getThreshold());
    }
}
