package com.workerrolewizard.ui.wizard;

import javafx.scene.Node;

/** A step's controls, which its view builds and owns; the wizard's frame shows them while the step is current. */
public interface StepView {
    Node node();

    /** Called when the frame starts showing the step's controls. */
    default void shown() {}

    /** Called when the frame stops showing them. */
    default void hidden() {}
}
