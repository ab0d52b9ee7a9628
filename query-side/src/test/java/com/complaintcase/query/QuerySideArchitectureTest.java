package com.complaintcase.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class QuerySideArchitectureTest {

    private final JavaClasses querySide = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.complaintcase.query");

    @Test
    void query_slices_are_independent_of_one_another() {
        slices().matching("com.complaintcase.query.(*)..")
                .should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("com.complaintcase.query.."), resideInAPackage("com.complaintcase.query.web.."))
                // the counting rules are plain Java over the events, bound for the case model: the case view uses them
                .ignoreDependency(resideInAPackage("com.complaintcase.query.."),
                        resideInAPackage("com.complaintcase.query.statistics.counting.."))
                .check(querySide);
    }

    @Test
    void the_query_side_never_reaches_into_the_command_side() {
        noClasses().should().dependOnClassesThat().resideInAPackage("com.complaintcase.command..")
                .check(querySide);
    }

    @Test
    void code_is_packaged_by_capability_not_by_layer() {
        noClasses().should().resideInAnyPackage("..service..", "..impl..", "..util..", "..utils..")
                .check(querySide);
    }
}
