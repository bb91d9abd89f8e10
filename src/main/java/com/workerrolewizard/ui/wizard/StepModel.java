package com.workerrolewizard.ui.wizard;

import javafx.beans.value.ObservableBooleanValue;

/** What the wizard asks of a step's view model: whether Next may be pressed, and when the step is shown or left. */
public interface StepModel {
    /** True when the step holds what the next step needs. */
    ObservableBooleanValue valid();

    /** Called each time the step is shown (load what depends on earlier steps). */
    default void shown() {}

    /** Called when the step is left. */
    default void hidden() {}
}
