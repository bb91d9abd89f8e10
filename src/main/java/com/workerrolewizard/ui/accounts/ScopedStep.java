package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.ui.wizard.StepModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A step that is one thing for this account and another for several (the role step, the checklist): the wizard sees
 * one step, whose validity and shown/hidden calls are those of the part that fits the Accounts choice. A change of
 * the choice while the step is shown hands over from one part to the other.
 */
public final class ScopedStep implements StepModel {
    private final ObservableBooleanValue several;
    private final StepModel one;
    private final StepModel many;
    private final BooleanBinding valid;
    private boolean showing;

    public ScopedStep(ObservableBooleanValue several, StepModel one, StepModel many) {
        this.several = several;
        this.one = one;
        this.many = many;
        this.valid = Bindings.createBooleanBinding(() -> active().valid().get(), several, one.valid(), many.valid());
        several.addListener((o, was, is) -> {
            if (showing) {
                (was ? many : one).hidden();
                active().shown();
            }
        });
    }

    private StepModel active() {
        return several.get() ? many : one;
    }

    @Override
    public BooleanBinding valid() {
        return valid;
    }

    @Override
    public void shown() {
        showing = true;
        active().shown();
    }

    @Override
    public void hidden() {
        showing = false;
        active().hidden();
    }
}
