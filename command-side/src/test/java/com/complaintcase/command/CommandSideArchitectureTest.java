package com.complaintcase.command;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class CommandSideArchitectureTest {

    /** The packages of the capabilities, named as the domain brief names them; each holds its endpoint. */
    private static final String[] CAPABILITIES = {
            "com.complaintcase.command.complaint.registration", "com.complaintcase.command.complaint.review",
            "com.complaintcase.command.complaint.handling", "com.complaintcase.command.complaint.resolution",
            "com.complaintcase.command.complaint.escalation", "com.complaintcase.command.complaint.closure",
            "com.complaintcase.command.privacy"};

    /** A capability's endpoint (its HTTP face) and the request bodies declared in it. */
    private static final DescribedPredicate<JavaClass> ENDPOINTS = DescribedPredicate.describe(
            "endpoints and their request bodies", type -> isEndpoint(type)
                    || type.getEnclosingClass().map(CommandSideArchitectureTest::isEndpoint).orElse(false));

    private final JavaClasses commandSide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.complaintcase.command");

    private static boolean isEndpoint(JavaClass type) {
        return !type.isAnnotation()
                && (type.isAnnotatedWith(RestController.class) || type.isMetaAnnotatedWith(RestController.class));
    }

    @Test
    void the_complaint_domain_is_free_of_spring_and_the_web() {
        noClasses().that().resideInAPackage("com.complaintcase.command.complaint..").and(not(ENDPOINTS))
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "jakarta.persistence..",
                        "com.complaintcase.command.api..", "com.complaintcase.platform..")
                .check(commandSide);
    }

    @Test
    void the_privacy_domain_is_free_of_spring_the_web_and_the_key_store() {
        noClasses().that().resideInAPackage("com.complaintcase.command.privacy..").and(not(ENDPOINTS))
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "jakarta.servlet..", "jakarta.persistence..",
                        "com.complaintcase.command.api..", "com.complaintcase.platform..")
                .check(commandSide);
    }

    @Test
    void endpoints_live_in_the_capability_packages_and_nothing_else_calls_them() {
        classes().that(DescribedPredicate.describe("are endpoints", CommandSideArchitectureTest::isEndpoint))
                .should().resideInAnyPackage(CAPABILITIES)
                .check(commandSide);
        noClasses().that(not(ENDPOINTS)).should().dependOnClassesThat(ENDPOINTS).check(commandSide);
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
