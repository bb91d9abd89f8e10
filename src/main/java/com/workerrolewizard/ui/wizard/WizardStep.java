package com.workerrolewizard.ui.wizard;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** One step of the wizard: its title, its view, and whether Next may be pressed. */
public interface WizardStep {
    String title();

    Node view();

    /** True when the step holds what the next step needs. */
    ObservableBooleanValue valid();

    /** Called each time the step is shown (load what depends on earlier steps). */
    default void shown() {
    }

    /** Called when the step is left. */
    default void hidden() {
    }
}
