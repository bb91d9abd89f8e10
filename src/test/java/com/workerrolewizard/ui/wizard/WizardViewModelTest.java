package com.workerrolewizard.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Navigation without a window: Back and Next along the full path and the generate-only one, each step's validity. */
class WizardViewModelTest {
    private static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();

    /** A step's view model that is valid when the test says so, and notes when it is shown and left. */
    private final class Step implements StepModel {
        final WizardStep step;
        final BooleanProperty valid = new SimpleBooleanProperty();

        Step(WizardStep step) {
            this.step = step;
        }

        @Override
        public ObservableBooleanValue valid() {
            return valid;
        }

        @Override
        public void shown() {
            events.add("shown " + step);
        }

        @Override
        public void hidden() {
            events.add("hidden " + step);
        }
    }

    private final List<String> events = new ArrayList<>();
    private final Map<WizardStep, Step> steps = new EnumMap<>(WizardStep.class);
    private WizardState state;
    private WizardViewModel wizard;

    @BeforeEach
    void build() {
        for (WizardStep step : WizardStep.values()) {
            steps.put(step, new Step(step));
        }
        state = new WizardState(REFERENCES);
        wizard = new WizardViewModel(state, steps);
    }

    /** The steps shown from the current one on, moving while the wizard allows it. */
    private List<WizardStep> walk(ObservableBooleanValue allowed, Runnable move) {
        List<WizardStep> shown = new ArrayList<>(List.of(wizard.current().get()));
        while (allowed.get()) {
            move.run();
            shown.add(wizard.current().get());
        }
        return shown;
    }

    private void validAll() {
        steps.values().forEach(s -> s.valid.set(true));
    }

    @Test
    void nothingIsShownBeforeTheStartAndTheStartShowsSignIn() {
        validAll();
        assertThat(wizard.current().get()).isNull();
        assertThat(wizard.canGoNext().get()).isFalse();
        assertThat(wizard.canGoBack().get()).isFalse();
        wizard.next();
        assertThat(events).as("Next before the start does nothing").isEmpty();

        wizard.start();
        wizard.start();

        assertThat(wizard.current().get()).isEqualTo(WizardStep.SIGN_IN);
        assertThat(events).as("started once").containsExactly("shown SIGN_IN");
        assertThat(wizard.canGoBack().get()).isFalse();
    }

    @Test
    void nextWaitsForTheCurrentStepToBeValid() {
        wizard.start();
        assertThat(wizard.canGoNext().get()).isFalse();
        wizard.next();
        assertThat(wizard.current().get()).isEqualTo(WizardStep.SIGN_IN);

        steps.get(WizardStep.APPLIANCE).valid.set(true);
        assertThat(wizard.canGoNext().get())
                .as("another step's validity does not count")
                .isFalse();
        steps.get(WizardStep.SIGN_IN).valid.set(true);
        assertThat(wizard.canGoNext().get()).isTrue();
        steps.get(WizardStep.SIGN_IN).valid.set(false);
        assertThat(wizard.canGoNext().get()).isFalse();
        steps.get(WizardStep.SIGN_IN).valid.set(true);
        wizard.next();

        assertThat(wizard.current().get()).isEqualTo(WizardStep.APPLIANCE);
        steps.get(WizardStep.APPLIANCE).valid.set(false);
        assertThat(wizard.canGoNext().get()).isFalse();
        assertThat(wizard.canGoBack().get()).as("Back never waits for validity").isTrue();
    }

    @Test
    void withAnAccountNextVisitsEveryStepInOrderAndBackReturnsTheSameWay() {
        validAll();
        wizard.start();
        assertThat(walk(wizard.canGoNext(), wizard::next))
                .containsExactly(
                        WizardStep.SIGN_IN,
                        WizardStep.APPLIANCE,
                        WizardStep.ROLE,
                        WizardStep.CHECKLIST,
                        WizardStep.EXPORT,
                        WizardStep.FINISH);
        assertThat(wizard.canGoNext().get()).as("finish is the last step").isFalse();
        assertThat(wizard.last().get()).as("where Close replaces Next").isTrue();
        wizard.next();
        assertThat(wizard.current().get()).isEqualTo(WizardStep.FINISH);

        assertThat(walk(wizard.canGoBack(), wizard::back))
                .containsExactly(
                        WizardStep.FINISH,
                        WizardStep.EXPORT,
                        WizardStep.CHECKLIST,
                        WizardStep.ROLE,
                        WizardStep.APPLIANCE,
                        WizardStep.SIGN_IN);
        assertThat(events)
                .startsWith("shown SIGN_IN", "hidden SIGN_IN", "shown APPLIANCE", "hidden APPLIANCE", "shown ROLE")
                .contains("hidden EXPORT", "shown CHECKLIST")
                .endsWith("hidden APPLIANCE", "shown SIGN_IN");
        assertThat(WizardStep.values()).noneMatch(wizard::skipped);
    }

    @Test
    void generatingOnlySkipsTheRoleAndTheChecklistBothWays() {
        validAll();
        wizard.start();
        state.generateOnly.set(true);

        assertThat(wizard.skipped(WizardStep.ROLE)).isTrue();
        assertThat(wizard.skipped(WizardStep.CHECKLIST)).isTrue();
        assertThat(wizard.skipped(WizardStep.APPLIANCE)).isFalse();
        wizard.next();
        assertThat(wizard.current().get()).isEqualTo(WizardStep.APPLIANCE);
        wizard.next();
        assertThat(wizard.current().get()).isEqualTo(WizardStep.EXPORT);
        wizard.next();
        assertThat(wizard.current().get()).isEqualTo(WizardStep.FINISH);
        assertThat(wizard.canGoNext().get()).isFalse();
        wizard.back();
        wizard.back();
        assertThat(wizard.current().get()).isEqualTo(WizardStep.APPLIANCE);
        wizard.back();
        assertThat(wizard.current().get()).isEqualTo(WizardStep.SIGN_IN);

        assertThat(events)
                .containsExactly(
                        "shown SIGN_IN",
                        "hidden SIGN_IN",
                        "shown APPLIANCE",
                        "hidden APPLIANCE",
                        "shown EXPORT",
                        "hidden EXPORT",
                        "shown FINISH",
                        "hidden FINISH",
                        "shown EXPORT",
                        "hidden EXPORT",
                        "shown APPLIANCE",
                        "hidden APPLIANCE",
                        "shown SIGN_IN");
    }

    @Test
    void choosingAnAccountAgainPutsTheSkippedStepsBackOnThePath() {
        validAll();
        wizard.start();
        state.generateOnly.set(true);
        wizard.next();
        wizard.back();

        state.generateOnly.set(false);
        wizard.next();
        wizard.next();

        assertThat(wizard.current().get()).isEqualTo(WizardStep.ROLE);
        assertThat(wizard.skipped(WizardStep.ROLE)).isFalse();
    }

    @Test
    void whileChangesAreWrittenNeitherBackNorNextMoves() {
        validAll();
        wizard.start();
        wizard.next();
        wizard.next();
        wizard.next();
        assertThat(wizard.current().get()).isEqualTo(WizardStep.CHECKLIST);
        assertThat(wizard.canGoNext().get()).isTrue();
        assertThat(wizard.canGoBack().get()).isTrue();

        state.applying.set(true);
        assertThat(wizard.canGoNext().get()).isFalse();
        assertThat(wizard.canGoBack().get()).isFalse();
        wizard.next();
        wizard.back();
        assertThat(wizard.current().get()).as("locked where the writes run").isEqualTo(WizardStep.CHECKLIST);

        state.applying.set(false);
        assertThat(wizard.canGoNext().get()).isTrue();
        wizard.next();
        assertThat(wizard.current().get()).isEqualTo(WizardStep.EXPORT);
    }

    @Test
    void everyStepNeedsAViewModel() {
        steps.remove(WizardStep.CHECKLIST);
        assertThatThrownBy(() -> new WizardViewModel(state, steps))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CHECKLIST");
    }
}
