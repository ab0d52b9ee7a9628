package com.complaintcase.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class EventContractArchitectureTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.complaintcase");

    @Test
    void the_event_contract_depends_on_no_framework() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta..", "org.hibernate..")
                .check(contract);
    }

    @Test
    void events_are_records() {
        classes().that().resideInAPackage("com.complaintcase.events.complaint")
                .and().implement(com.complaintcase.events.complaint.ComplaintEvent.class)
                .should().beRecords()
                .check(contract);
    }

    @Test
    void events_are_named_as_facts_without_an_event_suffix() {
        noClasses().that().implement(com.complaintcase.events.complaint.ComplaintEvent.class)
                .should().haveSimpleNameEndingWith("Event")
                .check(contract);
    }
}
