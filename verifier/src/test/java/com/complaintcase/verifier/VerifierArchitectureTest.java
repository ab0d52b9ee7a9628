package com.complaintcase.verifier;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class VerifierArchitectureTest {

    private final JavaClasses verifier = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.complaintcase.integrity", "com.complaintcase.verifier");

    @Test
    void the_verifier_runs_without_the_platform() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta..", "org.hibernate..",
                        "com.complaintcase.command..", "com.complaintcase.query..", "com.complaintcase.platform..")
                .check(verifier);
    }

    @Test
    void the_shared_integrity_rules_do_not_depend_on_the_command_line() {
        noClasses().that().resideInAPackage("com.complaintcase.integrity..")
                .should().dependOnClassesThat().resideInAPackage("com.complaintcase.verifier..")
                .check(verifier);
    }
}
