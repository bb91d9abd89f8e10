package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.ui.common.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableObjectValue;

/**
 * Where the admin is, above every step after sign-in: the account (with whether it is the sandbox), the role and the
 * appliance, read from the wizard's state as it changes. Holds no controls.
 */
public final class ContextHeaderViewModel {
    private final BooleanBinding shown;
    private final BooleanBinding sandbox;
    private final StringBinding account;
    private final StringBinding role;
    private final StringBinding appliance;

    public ContextHeaderViewModel(WizardState state, ObservableObjectValue<WizardStep> current) {
        shown = Bindings.createBooleanBinding(
                () -> current.get() != null && current.get().showsContext(), current);
        sandbox = Bindings.createBooleanBinding(
                () -> !state.generateOnly.get()
                        && state.session.get() != null
                        && state.session.get().sandbox(),
                state.session,
                state.generateOnly);
        account = Bindings.createStringBinding(
                () -> {
                    Session session = state.session.get();
                    if (state.generateOnly.get() || session == null) {
                        return Texts.get("context.account.none");
                    }
                    // The sign-in step read who is signed in already: this is the answer it keeps, not a new call.
                    return session.writable() ? session.operator().account() : session.describe();
                },
                state.session,
                state.generateOnly);
        role = Bindings.createStringBinding(
                () -> {
                    String name = state.roleName.get();
                    if (state.generateOnly.get()) {
                        return Texts.get("context.role.generated");
                    }
                    if (name == null || name.isBlank()) {
                        return Texts.get("context.role.none");
                    }
                    return state.newRole.get() ? Texts.get("context.role.new", name) : name;
                },
                state.roleName,
                state.newRole,
                state.generateOnly);
        appliance = Bindings.createStringBinding(
                () -> state.appliance.get() == null
                        ? Texts.get("context.appliance.none")
                        : state.appliance.get().arn(),
                state.appliance);
    }

    /** Whether the header is shown (every step after sign-in). */
    public BooleanBinding shown() {
        return shown;
    }

    /** Whether the account is the built-in sandbox (a SANDBOX badge says so). */
    public BooleanBinding sandbox() {
        return sandbox;
    }

    public StringBinding account() {
        return account;
    }

    public StringBinding role() {
        return role;
    }

    public StringBinding appliance() {
        return appliance;
    }
}
