package com.workerrolewizard.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.workerrolewizard.core.offender.CoreOffender;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules: the core (requirements, policy documents, evaluation) imports neither JavaFX nor the
 * AWS SDK nor a face; the faces do not depend on each other. ArchUnit fails a rule that matches no class,
 * and {@link #theRuleCatchesAViolation()} proves the rule bites, so it cannot pass silently.
 */
class ArchitectureTest {
    private static final String ROOT = "com.workerrolewizard";
    private static JavaClasses production;

    static final ArchRule CORE_IS_INDEPENDENT = noClasses()
            .that()
            .resideInAPackage(ROOT + ".core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "javafx..",
                    "software.amazon..",
                    "picocli..",
                    "org.controlsfx..",
                    ROOT + ".cli..",
                    ROOT + ".ui..",
                    ROOT + ".aws..")
            .because("the core must run without a GUI, without the AWS SDK and without a command line");

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    @Test
    void coreImportsNoGuiNoSdkNoFace() {
        assertThat(production.that(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "core", c -> c.getPackageName().startsWith(ROOT + ".core"))))
                .hasSizeGreaterThan(20);
        CORE_IS_INDEPENDENT.check(production);
    }

    @Test
    void theCommandLineDoesNotReachIntoTheWizard() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".ui..", "javafx..")
                .check(production);
    }

    @Test
    void theWizardDoesNotReachIntoTheCommandLine() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".ui..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".cli..", "picocli..")
                .check(production);
    }

    @Test
    void theCoreDoesNotPrint() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".core..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .check(production);
    }

    @Test
    void theRuleCatchesAViolation() {
        JavaClasses offender = new ClassFileImporter().importClasses(CoreOffender.class);
        EvaluationResult result = CORE_IS_INDEPENDENT.evaluate(offender);
        assertThat(result.hasViolation())
                .as("a class that uses JavaFX must be reported")
                .isTrue();
    }
}
