package com.complaintcase.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The event processors of both sides, as the standalone application runs them together. */
class EventProcessorsArchitectureTest {

    private final JavaClasses bothSides = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.complaintcase.command", "com.complaintcase.query");

    /** AuditCorrelationDataProvider gives a handled event's messages no audit data: no processor sends any. */
    @Test
    void event_processors_send_no_commands_events_or_deadlines() {
        noClasses().that().areAnnotatedWith("org.axonframework.config.ProcessingGroup")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.commandhandling.gateway.CommandGateway")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.commandhandling.CommandBus")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.eventhandling.EventBus")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.eventhandling.gateway.EventGateway")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.axonframework.deadline.DeadlineManager")
                .check(bothSides);
    }
}
