package com.workerrolewizard.ui.wizard;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * Which step is shown and where Back and Next lead: the steps in their order, without those that need an account
 * when the admin generates policies only. Holds no controls: each step's view model says whether it is valid.
 */
public final class WizardViewModel {
    private final WizardState state;
    private final Map<WizardStep, StepModel> steps;
    /** Null until {@link #start()}. */
    private final ReadOnlyObjectWrapper<WizardStep> current = new ReadOnlyObjectWrapper<>();

    private final BooleanBinding canGoNext;
    private final BooleanBinding canGoBack;
    private final BooleanBinding last;
    private final ContextHeaderViewModel context;

    /** @param steps the view model of every step */
    public WizardViewModel(WizardState state, Map<WizardStep, ? extends StepModel> steps) {
        this.state = state;
        this.steps = WizardStep.everyStep(steps, "view model");
        // While changes are being written, neither Back nor Next: the admin stays with the step that writes them.
        this.canGoNext = Bindings.createBooleanBinding(
                () -> !state.applying.get()
                        && following().isPresent()
                        && this.steps.get(current.get()).valid().get(),
                current,
                state.generateOnly,
                state.applying);
        this.steps.values().forEach(step -> step.valid().addListener((o, was, is) -> canGoNext.invalidate()));
        this.last = Bindings.createBooleanBinding(
                () -> current.get() != null && following().isEmpty(), current, state.generateOnly);
        this.context = new ContextHeaderViewModel(state, current);
        this.canGoBack = Bindings.createBooleanBinding(
                () -> !state.applying.get() && preceding().isPresent(), current, state.generateOnly, state.applying);
    }

    /** The context header's state: account, role and appliance, on every step after sign-in. */
    public ContextHeaderViewModel context() {
        return context;
    }

    /** True on the last step, where Next gives way to Close. */
    public BooleanBinding last() {
        return last;
    }

    /** Shows the first step; called once the window is on screen, so nothing is read before the first window. */
    public void start() {
        if (current.get() == null) {
            show(WizardStep.SIGN_IN);
        }
    }

    /** The step shown; null before {@link #start()}. */
    public ReadOnlyObjectProperty<WizardStep> current() {
        return current.getReadOnlyProperty();
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
        if (canGoNext.get()) {
            following().ifPresent(this::show);
        }
    }

    public void back() {
        if (canGoBack.get()) {
            preceding().ifPresent(this::show);
        }
    }

    /** Whether a step is off the current path (the step indicator greys out skipped steps). */
    public boolean skipped(WizardStep step) {
        return state.generateOnly.get() && step.needsAccount();
    }

    /** The first step on the path after the current one. */
    private Optional<WizardStep> following() {
        WizardStep at = current.get();
        return at == null
                ? Optional.empty()
                : Arrays.stream(WizardStep.values())
                        .filter(s -> s.compareTo(at) > 0 && !skipped(s))
                        .findFirst();
    }

    /** The last step on the path before the current one. */
    private Optional<WizardStep> preceding() {
        WizardStep at = current.get();
        return at == null
                ? Optional.empty()
                : Arrays.stream(WizardStep.values())
                        .filter(s -> s.compareTo(at) < 0 && !skipped(s))
                        .reduce((a, b) -> b);
    }

    private void show(WizardStep step) {
        if (current.get() != null) {
            steps.get(current.get()).hidden();
        }
        current.set(step);
        steps.get(step).shown();
    }
}
