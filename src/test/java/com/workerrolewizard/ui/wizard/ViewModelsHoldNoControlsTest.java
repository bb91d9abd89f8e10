package com.workerrolewizard.ui.wizard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/**
 * The wizard's view models hold state and validation only: none of them holds, builds or returns a control (nothing of
 * {@code javafx.scene}, ControlsFX or Ikonli), so each is tested without a window; each step's view owns its controls.
 */
class ViewModelsHoldNoControlsTest {
    private static final DescribedPredicate<JavaClass> VIEW_MODELS = DescribedPredicate.describe(
            "view models (named *ViewModel, or a step's model)",
            c -> c.getSimpleName().endsWith("ViewModel") || c.isAssignableTo(StepModel.class) && !c.isInterface());

    static final ArchRule NO_CONTROLS = noClasses()
            .that(VIEW_MODELS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("javafx.scene..", "org.controlsfx..", "org.kordamp.ikonli..")
            .because("a view model is state and validation; its view builds the controls");

    /** A view model that builds its own control: what the rule is there to refuse. */
    static final class OffendingViewModel implements StepModel {
        private final Node node = new Label();

        @Override
        public ObservableBooleanValue valid() {
            return node.visibleProperty();
        }
    }

    @Test
    void noViewModelDependsOnAControl() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.workerrolewizard.ui");
        assertThat(production.that(VIEW_MODELS))
                .extracting(JavaClass::getSimpleName)
                .contains(
                        "WizardViewModel",
                        "SignInViewModel",
                        "ApplianceViewModel",
                        "RoleStepViewModel",
                        "RoleListViewModel",
                        "NewRoleFormViewModel",
                        "ChecklistViewModel",
                        "ExportViewModel",
                        "HandOverViewModel");
        NO_CONTROLS.check(production);
    }

    @Test
    void theRuleCatchesAViewModelHoldingAControl() {
        JavaClasses offender = new ClassFileImporter().importClasses(OffendingViewModel.class);
        assertThat(NO_CONTROLS.evaluate(offender).hasViolation()).isTrue();
    }
}
