package com.complaintcase.casemodel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class CaseModelArchitectureTest {

    private final JavaClasses caseModel = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.complaintcase.casemodel");

    @Test
    void the_case_model_is_free_of_frameworks() {
        noClasses().that().resideInAPackage("com.complaintcase.casemodel..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "jakarta.persistence..",
                        "jakarta.servlet..", "org.hibernate..")
                .check(caseModel);
    }

    @Test
    void the_case_model_knows_neither_side() {
        noClasses().that().resideInAPackage("com.complaintcase.casemodel..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("com.complaintcase.command..", "com.complaintcase.query..",
                        "com.complaintcase.platform..")
                .check(caseModel);
    }
}
