package com.workerrolewizard.ui.role;

import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.StepModel;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Step 3, "Worker role": one of the account's roles ({@link RoleListViewModel}) or a new one
 * ({@link NewRoleFormViewModel}); the step is done when the chosen one is, and tells the later steps which role it is.
 */
public final class RoleStepViewModel implements StepModel {
    private final WizardState state;
    private final RoleListViewModel list;
    private final NewRoleFormViewModel form;
    private final BooleanProperty createNew = new SimpleBooleanProperty();
    private final BooleanBinding valid;

    /** @param fxThread runs a piece of UI work on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in tests) */
    public RoleStepViewModel(WizardState state, Background background, Consumer<Runnable> fxThread) {
        this.state = state;
        this.list = new RoleListViewModel(state, background, fxThread);
        this.form = new NewRoleFormViewModel(state, list::taken);
        // A name is taken by a role that arrives after it was typed: each page checks it again.
        list.loadedCount().addListener((o, was, is) -> form.suggestName());
        valid = Bindings.createBooleanBinding(
                () -> createNew.get() ? form.valid().get() : list.selected().get() != null,
                createNew,
                form.valid(),
                list.selected());
        createNew.addListener((o, was, is) -> publish());
        list.selected().addListener((o, was, is) -> publish());
        valid.addListener((o, was, is) -> publish());
        form.name().addListener((o, was, is) -> publish());
        form.nameError().addListener((o, was, is) -> publish());
    }

    /** Refreshes the preview, which depends on the appliance; loads the roles, or checks the chosen one again. */
    @Override
    public void shown() {
        form.updatePreview();
        list.shown(!createNew.get());
    }

    /** Tells the later steps which role this is (again, when the admin comes back from several accounts). */
    public void publish() {
        if (createNew.get()) {
            state.newRole.set(true);
            state.roleName.set(
                    form.nameError().get() == null ? form.name().get().strip() : null);
        } else {
            state.newRole.set(false);
            state.roleName.set(
                    list.selected().get() == null ? null : list.selected().get().name());
        }
    }

    @Override
    public BooleanBinding valid() {
        return valid;
    }

    /** Whether the admin describes a new role rather than choosing one of the account's. */
    public BooleanProperty createNew() {
        return createNew;
    }

    public RoleListViewModel list() {
        return list;
    }

    public NewRoleFormViewModel form() {
        return form;
    }
}
