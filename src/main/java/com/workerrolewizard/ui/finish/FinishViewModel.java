package com.workerrolewizard.ui.finish;

import com.workerrolewizard.app.role.ReadyRole;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepModel;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The last step: whether the role is ready for the appliance and what to enter there, and what this session changed
 * in the account (every write made or reverted, as the checklist recorded them), before Close.
 */
public final class FinishViewModel implements StepModel {
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(true);
    private final StringBinding headline;
    private final StringBinding appliance;
    private final ObjectBinding<List<String>> changes;

    public FinishViewModel(WizardState state) {
        headline = Bindings.createStringBinding(
                () -> {
                    ReadyRole ready = state.ready.get();
                    if (state.generateOnly.get()) {
                        return Texts.get("finish.generated");
                    }
                    return ready != null
                            ? Texts.get("checklist.ready", ready.role())
                            : Texts.get("finish.notReady", state.roleName.get() == null ? "" : state.roleName.get());
                },
                state.ready,
                state.generateOnly,
                state.roleName);
        appliance = Bindings.createStringBinding(
                () -> {
                    ReadyRole ready = state.ready.get();
                    if (ready == null) {
                        return state.generateOnly.get()
                                ? Texts.get("finish.generatedNext")
                                : Texts.get("finish.goBack");
                    }
                    return ready.instanceProfiles().isEmpty()
                            ? Texts.get("checklist.ready.arn", ready.arn())
                            : Texts.get(
                                    "checklist.ready.profile",
                                    ready.arn(),
                                    String.join(", ", ready.instanceProfiles()));
                },
                state.ready,
                state.generateOnly);
        changes = Bindings.createObjectBinding(
                () -> state.changes.isEmpty() ? List.of(Texts.get("finish.noChanges")) : List.copyOf(state.changes),
                state.changes);
    }

    /** Nothing is asked on the last step. */
    @Override
    public ObservableBooleanValue valid() {
        return done.getReadOnlyProperty();
    }

    /** "WorkerRole is ready for Veeam Backup for AWS", or why not yet. */
    public StringBinding headline() {
        return headline;
    }

    /** What to enter in the appliance, or what to do next. */
    public StringBinding appliance() {
        return appliance;
    }

    /** What this session changed, one line each (one sentence when nothing). */
    public ObjectBinding<List<String>> changes() {
        return changes;
    }
}
