package com.workerrolewizard.ui.appliance;

import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.WizardState;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Step 2: the backup appliance's principal, checked as it is typed. */
public final class ApplianceViewModel {
    private final WizardState state;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty meaning = new SimpleStringProperty("");
    private final BooleanBinding valid;

    public ApplianceViewModel(WizardState state) {
        this.state = state;
        this.valid = state.appliance.isNotNull();
        text.addListener((o, was, is) -> parse(is));
    }

    private void parse(String input) {
        if (input == null || input.isBlank()) {
            state.appliance.set(null);
            error.set("");
            meaning.set("");
            return;
        }
        try {
            AppliancePrincipal appliance = AppliancePrincipal.parse(input);
            state.appliance.set(appliance);
            error.set("");
            meaning.set(appliance.isAccount() ? Texts.get("appliance.meansAccount", appliance.arn())
                    : Texts.get("appliance.meansRole", appliance.arn()));
        } catch (IllegalArgumentException e) {
            state.appliance.set(null);
            error.set(e.getMessage());
            meaning.set("");
        }
    }

    public StringProperty text() {
        return text;
    }

    public StringProperty error() {
        return error;
    }

    public StringProperty meaning() {
        return meaning;
    }

    public BooleanBinding valid() {
        return valid;
    }
}
