package com.workerrolewizard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.workerrolewizard.ui.offender.FaceOffender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the house is built, as rules that fail when broken: the faces (command line, wizard) call the application
 * layer and the core only; the application layer calls the gateways (AWS, journal, sign-in, sandbox, files); the
 * gateways call the core; nothing calls up; no two packages depend on each other in a circle. The composition root
 * (the top package) may wire everything. Each rule is also shown to catch a violation.
 */
class LayersTest {
    private static final String ROOT = "com.workerrolewizard";
    private static JavaClasses production;

    static final ArchRule LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Composition root")
            .definedBy(ROOT)
            .layer("Faces")
            .definedBy(ROOT + ".cli..", ROOT + ".ui..")
            .layer("Application")
            .definedBy(ROOT + ".app..")
            .layer("Gateways")
            .definedBy(ROOT + ".aws..", ROOT + ".journal..", ROOT + ".signin..", ROOT + ".sandbox..", ROOT + ".files..")
            .layer("Core")
            .definedBy(ROOT + ".core..")
            .whereLayer("Composition root")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Faces")
            .mayOnlyBeAccessedByLayers("Composition root")
            .whereLayer("Application")
            .mayOnlyBeAccessedByLayers("Faces", "Composition root")
            .whereLayer("Gateways")
            .mayOnlyBeAccessedByLayers("Application", "Composition root")
            .whereLayer("Core")
            .mayOnlyBeAccessedByLayers("Gateways", "Application", "Faces", "Composition root")
            .because(
                    "a face calls the application layer, which alone reaches AWS, the journal, sign-in and the sandbox");

    static final ArchRule FACES_USE_NO_GATEWAY = noClasses()
            .that()
            .resideInAnyPackage(ROOT + ".cli..", ROOT + ".ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    ROOT + ".aws..",
                    ROOT + ".journal..",
                    ROOT + ".signin..",
                    ROOT + ".sandbox..",
                    ROOT + ".files..",
                    "software.amazon..")
            .because("the command line and the wizard go through the application layer, so they cannot drift apart");

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void eachLayerCallsOnlyTheLayersBelowIt() {
        LAYERS.check(production);
    }

    @Test
    void theFacesUseNothingOfTheGateways() {
        FACES_USE_NO_GATEWAY.check(production);
    }

    @Test
    void theFacesDoNotReachIntoEachOther() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".ui..", "javafx..")
                .check(production);
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".cli..", "picocli..")
                .check(production);
    }

    @Test
    void noPackagesDependOnEachOtherInACircle() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(production);
    }

    @Test
    void theRulesCatchAFaceThatReachesTheGateway() {
        JavaClasses offender = new ClassFileImporter().importClasses(FaceOffender.class);
        EvaluationResult result = FACES_USE_NO_GATEWAY.evaluate(offender);
        assertThat(result.hasViolation())
                .as("a wizard class that opens a journal itself must be reported")
                .isTrue();
    }
}
