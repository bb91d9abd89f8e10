package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.app.accounts.AccountUndo;
import com.workerrolewizard.app.accounts.AccountsWorkflow;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.ui.common.Texts;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Undo in one account, from its drill-down: the account entered and its journal read in the background, what undo
 * would revert confirmed on the FX thread, reverted in the background, then the matrix checked again.
 */
final class AccountsUndo {
    private final AccountsMatrixViewModel m;

    AccountsUndo(AccountsMatrixViewModel model) {
        this.m = model;
    }

    /** The account entered, its workflow, and what undo would revert there (empty: nothing). */
    private record Ready(AccountsWorkflow.Entered entered, RoleWorkflow roles, Optional<UndoPlan> plan) {}

    void undo(AccountRow row, Predicate<UndoPlan> confirm) {
        if (m.busy.get() || row == null) {
            return;
        }
        m.busy.set(true);
        m.message.set("");
        Session base = m.state.session.get();
        AccountTargets targets = m.choice.targets();
        m.background.run(
                () -> {
                    AccountsWorkflow.Entered entered = m.workflow
                            .get()
                            .enterAll(base, List.of(row.account), targets)
                            .get(0);
                    if (entered.problem().isPresent()) {
                        throw new UserFacingException(entered.problem().get());
                    }
                    try {
                        RoleWorkflow roles = m.roles.apply(entered.session().get());
                        return new Ready(
                                entered,
                                roles,
                                AccountUndo.plan(entered.session().get(), roles));
                    } catch (RuntimeException e) {
                        entered.close();
                        throw e;
                    }
                },
                ready -> {
                    if (ready.plan().isEmpty() || !confirm.test(ready.plan().get())) {
                        m.message.set(
                                ready.plan().isEmpty()
                                        ? Texts.get("accounts.undo.nothing", row.account.id())
                                        : Texts.get("accounts.nothingChanged"));
                        m.background.run(() -> close(ready), done -> m.busy.set(false), m::failed);
                        return;
                    }
                    revert(row, ready);
                },
                m::failed);
    }

    private void revert(AccountRow row, Ready ready) {
        m.state.applying.set(true);
        m.background.run(
                () -> {
                    try {
                        return ready.roles().undo(ready.plan().get());
                    } finally {
                        close(ready);
                    }
                },
                outcome -> {
                    m.state.applying.set(false);
                    m.busy.set(false);
                    int reverted =
                            outcome.map(ApplyOutcome::applied).map(List::size).orElse(0);
                    row.fixed.set(Texts.get("accounts.undone", reverted));
                    outcome.ifPresent(o -> o.applied()
                            .forEach(line ->
                                    m.state.changes.add(Texts.get("accounts.finish.undone", row.account.id(), line))));
                    m.check();
                },
                e -> {
                    m.state.applying.set(false);
                    m.failed(e);
                });
    }

    private static Void close(Ready ready) {
        ready.entered().close();
        return null;
    }
}
