package com.workerrolewizard.ui.wizard;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Which step is shown and where Back and Next lead. With "generate policies only" the steps that need an
 * account (role, checklist) are skipped.
 */
public final class WizardViewModel {
    public static final int SIGN_IN = 0;
    public static final int APPLIANCE = 1;
    public static final int ROLE = 2;
    public static final int CHECKLIST = 3;
    public static final int EXPORT = 4;

    private final WizardState state;
    private final List<WizardStep> steps;
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;

    public WizardViewModel(WizardState state, List<WizardStep> steps) {
        this.state = state;
        this.steps = steps;
        this.canGoNext = Bindings.createBooleanBinding(() -> current.get() >= 0 && current.get() < steps.size() - 1
                && steps.get(current.get()).valid().get(), current);
        steps.forEach(step -> step.valid().addListener((o, was, is) -> canGoNext.invalidate()));
        this.canGoBack = current.greaterThan(0);
    }

    /** Shows the first step; called once the window is on screen, so nothing is read before the first window. */
    public void start() {
        if (current.get() < 0) {
            show(SIGN_IN);
        }
    }

    public List<WizardStep> steps() {
        return steps;
    }

    public IntegerProperty current() {
        return current;
    }

    public WizardStep currentStep() {
        return steps.get(Math.max(0, current.get()));
    }

    public BooleanBinding canGoNext() {
        return canGoNext;
    }

    public BooleanBinding canGoBack() {
        return canGoBack;
    }

    public WizardState state() {
        return state;
    }

    public void next() {
        if (!canGoNext.get()) {
            return;
        }
        int next = current.get() + 1;
        if (state.generateOnly.get() && next == ROLE) {
            next = EXPORT;
        }
        show(next);
    }

    public void back() {
        if (!canGoBack.get()) {
            return;
        }
        int back = current.get() - 1;
        if (state.generateOnly.get() && back == CHECKLIST) {
            back = APPLIANCE;
        }
        show(back);
    }

    /** Whether a step is part of the current path (the step indicator greys out skipped steps). */
    public boolean skipped(int step) {
        return state.generateOnly.get() && (step == ROLE || step == CHECKLIST);
    }

    private void show(int index) {
        if (current.get() >= 0) {
            steps.get(current.get()).hidden();
        }
        current.set(index);
        steps.get(index).shown();
    }
}
