package com.complaintcase.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class CommandSideArchitectureTest {

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.complaintcase.command");

    @Test
    void the_complaint_domain_is_free_of_spring_and_the_web() {
        noClasses().that().resideInAPackage("com.complaintcase.command.complaint..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "jakarta.persistence..",
                        "com.complaintcase.command.api..", "com.complaintcase.platform..")
                .check(commandSide);
    }

    @Test
    void the_privacy_domain_is_free_of_spring_the_web_and_the_key_store() {
        noClasses().that().resideInAPackage("com.complaintcase.command.privacy..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "jakarta.persistence..",
                        "com.complaintcase.command.api..", "com.complaintcase.platform..")
                .check(commandSide);
    }

    @Test
    void the_domain_reads_time_from_an_injected_clock_only() {
        noClasses().that().resideInAnyPackage("com.complaintcase.command.complaint..", "com.complaintcase.command.privacy..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.lang.System.class, "currentTimeMillis")
                .check(commandSide);
    }

    @Test
    void code_is_packaged_by_capability_not_by_layer() {
        noClasses().should().resideInAnyPackage("..service..", "..impl..", "..util..", "..utils..")
                .check(commandSide);
    }
}
