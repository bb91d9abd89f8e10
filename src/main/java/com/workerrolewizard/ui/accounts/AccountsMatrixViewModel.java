package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.app.accounts.AccountResult;
import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.app.accounts.AccountsFixWorkflow.AccountPlan;
import com.workerrolewizard.app.accounts.AccountsWorkflow;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.Problems;
import com.workerrolewizard.ui.common.Texts;
import com.workerrolewizard.ui.wizard.StepModel;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The checklist over several accounts: a row per account, filled as each account's check arrives (six accounts at a
 * time, in the background), one account's requirements on demand, and Fix all across accounts ({@link AccountsFixing}).
 */
public final class AccountsMatrixViewModel implements StepModel {
    final WizardState state;
    final AccountsChoiceViewModel choice;
    final Background background;
    final Consumer<Runnable> fxThread;
    /** The accounts workflow of the catalog in use now (the admin may choose another on the appliance step). */
    final Supplier<AccountsWorkflow> workflow;

    final Function<Session, RoleWorkflow> roles;
    final Supplier<PermissionsMode> mode;
    private final ObservableList<AccountRow> rows = FXCollections.observableArrayList();
    final BooleanProperty busy = new SimpleBooleanProperty();
    final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty checked = new SimpleIntegerProperty();
    private final IntegerProperty total = new SimpleIntegerProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty fixable = new SimpleBooleanProperty();
    private final ObjectProperty<AccountRow> selected = new SimpleObjectProperty<>();
    private final BooleanBinding valid = busy.not();
    private final AccountsFixing fixing = new AccountsFixing(this);
    private final AccountsUndo undo = new AccountsUndo(this);

    /**
     * @param fxThread runs a piece of UI work on the FX thread ({@code Platform::runLater}; {@code Runnable::run} in
     *                 tests), for each account's result as it arrives
     * @param roles    the workflow a fix uses in one account (the wizard's timing)
     */
    public AccountsMatrixViewModel(
            WizardState state,
            AccountsChoiceViewModel choice,
            Background background,
            Consumer<Runnable> fxThread,
            Supplier<AccountsWorkflow> workflow,
            Function<Session, RoleWorkflow> roles,
            Supplier<PermissionsMode> mode) {
        this.state = state;
        this.choice = choice;
        this.background = background;
        this.fxThread = fxThread;
        this.workflow = workflow;
        this.roles = roles;
        this.mode = mode;
    }

    /** Each time the step is shown, every account is checked again. */
    @Override
    public void shown() {
        check();
    }

    @Override
    public BooleanBinding valid() {
        return valid;
    }

    /** Lists the accounts (the organization's through Organizations), then checks the role in each. */
    public void check() {
        if (busy.get()) {
            return;
        }
        Session base = state.session.get();
        if (base == null || base.offline()) {
            // An offline file is one account, read-only: no other account can be entered from it.
            rows.clear();
            message.set(Texts.get("accounts.offline"));
            return;
        }
        busy.set(true);
        message.set(Texts.get("accounts.listing"));
        selected.set(null);
        AccountTargets targets = choice.targets();
        String role = choice.roleName().get().strip();
        AppliancePrincipal appliance = state.appliance.get();
        background.run(
                () -> {
                    List<AccountRef> accounts = workflow.get().accounts(base, targets);
                    fxThread.accept(() -> listed(accounts));
                    return workflow.get()
                            .check(
                                    base,
                                    accounts,
                                    targets,
                                    roles -> List.of(roles.check(role, appliance)),
                                    result -> fxThread.accept(() -> arrived(result)));
                },
                results -> {
                    // Every result once more, in order, after all arrived: the rows end as the check ended, however
                    // the arrivals interleaved (a dispatcher that is not one thread may run them at once).
                    results.forEach(this::arrived);
                    busy.set(false);
                    message.set("");
                },
                this::failed);
    }

    /** The accounts to check, each "checking" until its result arrives. */
    void listed(List<AccountRef> accounts) {
        // What the last fix did in each account stays beside the account as it is checked again.
        java.util.Map<String, String> fixed = new java.util.HashMap<>();
        rows.forEach(r -> fixed.put(r.account.id(), r.fixed.get()));
        rows.setAll(accounts.stream().map(AccountRow::new).toList());
        rows.forEach(r -> r.fixed.set(fixed.getOrDefault(r.account.id(), "")));
        checked.set(0);
        total.set(accounts.size());
        message.set("");
        refresh();
    }

    /** One account's result, shown in its row as soon as it is known. */
    void arrived(AccountResult result) {
        for (AccountRow row : rows) {
            if (row.account.id().equals(result.account().id())) {
                row.result.set(result);
            }
        }
        refresh();
    }

    /** The progress, the summary line and whether anything is left to fix, from the rows as they are. */
    void refresh() {
        int done = (int) rows.stream().filter(r -> r.result.get() != null).count();
        int ready = (int) rows.stream().filter(AccountRow::passes).count();
        int problems = (int) rows.stream().filter(r -> r.problem().isPresent()).count();
        checked.set(done);
        summary.set(
                done < rows.size()
                        ? Texts.get("accounts.progress", done, rows.size())
                        : Texts.get("accounts.summary", rows.size(), ready, done - ready - problems, problems));
        fixable.set(rows.stream()
                .anyMatch(r -> r.problem().isEmpty()
                        && r.requirements().stream()
                                .anyMatch(q -> q.status() == Status.FAIL || q.status() == Status.UNKNOWN)));
    }

    void failed(Throwable e) {
        busy.set(false);
        message.set(Problems.describe(e));
    }

    /**
     * Fix all across accounts: every account entered and its plan made in the background, then {@code confirm} (the
     * one confirmation, listing every account's change) on the FX thread; only a yes applies, account by account.
     */
    public void fixAll(Predicate<List<AccountPlan>> confirm) {
        fixing.fixAll(confirm);
    }

    /**
     * Undoes the last fix in one account: what it would revert is read from the journal in the background and shown
     * to {@code confirm} on the FX thread; only a yes reverts it.
     */
    public void undo(AccountRow row, Predicate<com.workerrolewizard.app.role.UndoPlan> confirm) {
        undo.undo(row, confirm);
    }

    /** Shows one account's requirements with their reasons (null: back to the matrix). */
    public void select(AccountRow row) {
        selected.set(row);
    }

    public ObservableList<AccountRow> rows() {
        return rows;
    }

    public BooleanProperty busy() {
        return busy;
    }

    public StringProperty message() {
        return message;
    }

    /** Accounts whose result arrived. */
    public IntegerProperty checked() {
        return checked;
    }

    public IntegerProperty total() {
        return total;
    }

    /** "Checked 3 of 5 accounts" while checking; then how many are ready, failing, not entered. */
    public StringProperty summary() {
        return summary;
    }

    /** True when an account that was entered has a requirement to fix. */
    public BooleanProperty fixable() {
        return fixable;
    }

    /** The account shown in the drill-down; null while the matrix is shown. */
    public ObjectProperty<AccountRow> selected() {
        return selected;
    }
}
