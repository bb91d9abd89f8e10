package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.app.export.ExportWorkflow;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.ui.common.Texts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Accounts" choice: this account (the wizard as it always was), several accounts typed or pasted, or the
 * organization (optionally one OU); how each is entered (the role assumed there, an external ID); and, for more than
 * one account, the worker role's name, the same in every account. Every bad entry gets its own sentence.
 */
public final class AccountsChoiceViewModel {
    /** Which accounts the wizard works on. */
    public enum Scope {
        THIS_ACCOUNT,
        SEVERAL,
        ORGANIZATION
    }

    private static final String OU = "ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}";
    private static final String EXTERNAL_ID = "[\\w+=,.@:/-]{2,1224}";

    final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.THIS_ACCOUNT);
    final StringProperty ids = new SimpleStringProperty("");
    final StringProperty unit = new SimpleStringProperty("");
    final StringProperty assumeRole = new SimpleStringProperty(AccountTargets.DEFAULT_ROLE);
    final StringProperty externalId = new SimpleStringProperty("");
    final StringProperty roleName = new SimpleStringProperty(ExportWorkflow.DEFAULT_ROLE);
    private final StringProperty idsError = new SimpleStringProperty("");
    private final StringProperty unitError = new SimpleStringProperty("");
    private final StringProperty assumeRoleError = new SimpleStringProperty("");
    private final StringProperty externalIdError = new SimpleStringProperty("");
    private final StringProperty roleNameError = new SimpleStringProperty("");
    private final BooleanBinding several;
    private final BooleanBinding valid;

    public AccountsChoiceViewModel() {
        ids.addListener((o, was, is) -> idsError.set(String.join("\n", idProblems(is))));
        unit.addListener((o, was, is) -> unitError.set(
                is.isBlank() || is.strip().matches(OU) ? "" : Texts.get("accounts.unit.bad", is.strip())));
        assumeRole.addListener((o, was, is) -> assumeRoleError.set(nameError(is)));
        roleName.addListener((o, was, is) -> roleNameError.set(nameError(is)));
        externalId.addListener((o, was, is) -> externalIdError.set(
                is.isBlank() || is.strip().matches(EXTERNAL_ID) ? "" : Texts.get("accounts.externalId.bad")));
        several = scope.isNotEqualTo(Scope.THIS_ACCOUNT);
        valid = Bindings.createBooleanBinding(
                () -> scope.get() == Scope.THIS_ACCOUNT
                        || (roleNameError.get().isEmpty()
                                && assumeRoleError.get().isEmpty()
                                && externalIdError.get().isEmpty()
                                && (scope.get() == Scope.ORGANIZATION
                                        ? unitError.get().isEmpty()
                                        : idsError.get().isEmpty()
                                                && !parsed(ids.get()).isEmpty())),
                scope,
                ids,
                idsError,
                unitError,
                assumeRoleError,
                externalIdError,
                roleName,
                roleNameError);
    }

    /**
     * While several accounts are chosen, the later steps (the context header, the export) see the role named here;
     * back on this account, {@code single} tells them the role step's own choice again.
     */
    public void shareRoleName(com.workerrolewizard.ui.wizard.WizardState state, Runnable single) {
        Runnable share = () -> {
            if (scope.get() == Scope.THIS_ACCOUNT) {
                single.run();
            } else {
                state.newRole.set(false);
                state.roleName.set(
                        roleNameError.get().isEmpty() ? roleName.get().strip() : null);
            }
        };
        scope.addListener((o, was, is) -> share.run());
        roleName.addListener((o, was, is) -> share.run());
    }

    /**
     * One sentence per entry that is not a 12-digit account ID (entries are separated by commas, spaces or lines, as
     * they come when pasted from a spreadsheet or the console).
     */
    static List<String> idProblems(String text) {
        List<String> problems = new ArrayList<>();
        for (String entry : entries(text)) {
            if (!Arn.isAccountId(entry)) {
                problems.add(Texts.get("accounts.ids.bad", entry));
            }
        }
        return problems;
    }

    private static List<String> entries(String text) {
        return java.util.Arrays.stream(text.split("[\\s,;]+"))
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .toList();
    }

    /** The valid IDs, each once, in the order given. */
    static List<AccountRef> parsed(String text) {
        Set<String> seen = new LinkedHashSet<>();
        entries(text).stream().filter(Arn::isAccountId).forEach(seen::add);
        return seen.stream().map(AccountRef::of).toList();
    }

    private static String nameError(String name) {
        return IamLimits.roleName(name == null ? "" : name.strip()).orElse("");
    }

    /** The accounts and how to enter them, as the command line's {@code --accounts} would say it. */
    public AccountTargets targets() {
        boolean organization = scope.get() == Scope.ORGANIZATION;
        return new AccountTargets(
                organization ? List.of() : parsed(ids.get()),
                organization,
                organization && !unit.get().isBlank() ? Optional.of(unit.get().strip()) : Optional.empty(),
                assumeRole.get().strip(),
                externalId.get().isBlank()
                        ? Optional.empty()
                        : Optional.of(externalId.get().strip()),
                List.of());
    }

    /** True for several accounts or the organization: the role is named, and the checklist is the matrix. */
    public BooleanBinding several() {
        return several;
    }

    /** True when this account is chosen, or the accounts and the role name are all well formed. */
    public BooleanBinding valid() {
        return valid;
    }

    public ObjectProperty<Scope> scope() {
        return scope;
    }

    public StringProperty ids() {
        return ids;
    }

    public StringProperty unit() {
        return unit;
    }

    public StringProperty assumeRole() {
        return assumeRole;
    }

    public StringProperty externalId() {
        return externalId;
    }

    /** The worker role's name in every account. */
    public StringProperty roleName() {
        return roleName;
    }

    public StringProperty idsError() {
        return idsError;
    }

    public StringProperty unitError() {
        return unitError;
    }

    public StringProperty assumeRoleError() {
        return assumeRoleError;
    }

    public StringProperty externalIdError() {
        return externalIdError;
    }

    public StringProperty roleNameError() {
        return roleNameError;
    }
}
