package com.workerrolewizard.ui.appliance;

import com.workerrolewizard.app.WizardMemory;
import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepModel;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Step 2: the backup appliance's principal, checked as it is typed. */
public final class ApplianceViewModel implements StepModel {
    private final WizardState state;
    private final Background background;
    private final Supplier<Optional<WizardMemory>> memory;
    private final StringProperty text = new SimpleStringProperty("");
    private final javafx.collections.ObservableList<String> accountRoles =
            javafx.collections.FXCollections.observableArrayList();
    private com.workerrolewizard.app.session.Session rolesOf;
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty meaning = new SimpleStringProperty("");
    private final BooleanBinding valid;

    private final CatalogChoiceViewModel catalog;
    private final ApplianceAccountViewModel account;

    public ApplianceViewModel(WizardState state, Background background, Supplier<Optional<WizardMemory>> memory) {
        this(
                state,
                background,
                memory,
                new CatalogChoiceViewModel(state, background, new Workflows(state.references, "")::catalog));
    }

    /** @param catalog the choice of action catalog, made on this step */
    public ApplianceViewModel(
            WizardState state,
            Background background,
            Supplier<Optional<WizardMemory>> memory,
            CatalogChoiceViewModel catalog) {
        this(
                state,
                background,
                memory,
                catalog,
                new ApplianceAccountViewModel(
                        state,
                        background,
                        (base, id, role) ->
                                new Sessions(state.documents.get().catalog()).enter(base, id, role, Optional.empty())));
    }

    /** @param account the appliance's own account, entered where it is another one (for appliance-access) */
    public ApplianceViewModel(
            WizardState state,
            Background background,
            Supplier<Optional<WizardMemory>> memory,
            CatalogChoiceViewModel catalog,
            ApplianceAccountViewModel account) {
        this.account = account;
        this.state = state;
        this.background = background;
        this.memory = memory;
        this.catalog = catalog;
        // Next waits while a catalog file is read (and a session made for it).
        this.valid = state.appliance.isNotNull().and(catalog.loading().not());
        text.addListener((o, was, is) -> parse(is));
    }

    /** Offers the last run's appliance, and the account's roles to pick it from. */
    @Override
    public void shown() {
        prefill();
        loadAccountRoles();
    }

    /** A valid appliance is remembered for the next run. */
    @Override
    public void hidden() {
        remember();
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
            meaning.set(
                    appliance.isAccount()
                            ? Texts.get("appliance.meansAccount", appliance.arn())
                            : Texts.get("appliance.meansRole", appliance.arn()));
        } catch (IllegalArgumentException e) {
            state.appliance.set(null);
            error.set(e.getMessage());
            meaning.set("");
        }
    }

    /**
     * The roles of the signed-in account, for the same-account case (the appliance's Impersonation role lives in
     * this account): read in the background once per session, Impersonation roles first.
     */
    public void loadAccountRoles() {
        com.workerrolewizard.app.session.Session session = state.session.get();
        if (session == null || session == rolesOf) {
            return;
        }
        rolesOf = session;
        background.run(
                () -> {
                    java.util.List<String> arns = new java.util.ArrayList<>();
                    session.listRoles(page -> page.forEach(r -> arns.add(r.arn())));
                    arns.sort(java.util.Comparator.comparing((String arn) ->
                                    !arn.toLowerCase(java.util.Locale.ROOT).contains("impersonation"))
                            .thenComparing(arn -> arn));
                    return arns;
                },
                accountRoles::setAll,
                e -> accountRoles.clear());
    }

    public javafx.collections.ObservableList<String> accountRoles() {
        return accountRoles;
    }

    /** Offers the appliance of the last run when the field is still empty. */
    public void prefill() {
        if (text.get() == null || text.get().isBlank()) {
            memory.get().flatMap(m -> m.get(WizardMemory.APPLIANCE)).ifPresent(text::set);
        }
    }

    /** Remembers a valid appliance for the next run, off the FX thread. */
    public void remember() {
        AppliancePrincipal appliance = state.appliance.get();
        memory.get()
                .filter(m -> appliance != null)
                .ifPresent(m -> background.run(
                        () -> {
                            m.put(WizardMemory.APPLIANCE, text.get().strip());
                            return null;
                        },
                        done -> {},
                        e -> {}));
    }

    public CatalogChoiceViewModel catalog() {
        return catalog;
    }

    public ApplianceAccountViewModel account() {
        return account;
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

    @Override
    public BooleanBinding valid() {
        return valid;
    }
}
