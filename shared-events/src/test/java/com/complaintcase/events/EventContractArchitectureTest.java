package com.complaintcase.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.complaintcase.events.complaint.ComplaintEvent;
import com.complaintcase.events.integrity.IntegrityEvent;
import com.complaintcase.events.privacy.CustomerPrivacyEvent;
import com.complaintcase.events.returns.ReturnFilingEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class EventContractArchitectureTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.complaintcase");

    /** Axon's {@code @Revision} excepted: every event states the revision of its shape (see ApprovedEventShapesTest). */
    @Test
    void the_event_contract_depends_on_no_framework() {
        noClasses().should().dependOnClassesThat(resideInAnyPackage("org.springframework..", "org.axonframework..",
                        "jakarta..", "org.hibernate..").and(not(equivalentTo(Revision.class))))
                .check(contract);
    }

    @Test
    void every_event_states_the_revision_of_its_shape() {
        classes().that().implement(ComplaintEvent.class).or().implement(IntegrityEvent.class)
                .or().implement(CustomerPrivacyEvent.class).or().implement(ReturnFilingEvent.class)
                .should().beAnnotatedWith(Revision.class)
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
