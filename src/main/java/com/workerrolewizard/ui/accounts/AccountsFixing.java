package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.app.accounts.AccountsFixWorkflow;
import com.workerrolewizard.app.accounts.AccountsFixWorkflow.AccountFix;
import com.workerrolewizard.app.accounts.AccountsFixWorkflow.AccountPlan;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.ui.common.Texts;
import java.util.List;
import java.util.function.Predicate;

/**
 * Fix all across accounts for the matrix: plans made in the background, one confirmation on the FX thread, then each
 * account applied in turn (journaled in its own account) with its result in its row, the wizard's navigation locked
 * meanwhile, and the matrix checked again.
 */
final class AccountsFixing {
    private final AccountsMatrixViewModel m;

    AccountsFixing(AccountsMatrixViewModel model) {
        this.m = model;
    }

    void fixAll(Predicate<List<AccountPlan>> confirm) {
        if (m.busy.get()) {
            return;
        }
        m.busy.set(true);
        m.message.set(Texts.get("accounts.planning"));
        Session base = m.state.session.get();
        AccountTargets targets = m.choice.targets();
        String role = m.choice.roleName().get().strip();
        AppliancePrincipal appliance = m.state.appliance.get();
        PermissionsMode mode = m.mode.get();
        List<AccountRef> accounts = m.rows().stream().map(AccountRow::account).toList();
        m.rows().forEach(r -> r.fixed.set(""));
        m.background.run(
                () -> AccountsFixWorkflow.plan(
                        m.workflow.get().enterAll(base, accounts, targets), m.roles, role, appliance, mode, p -> {}),
                plans -> {
                    if (AccountsFixWorkflow.accountsToChange(plans) > 0 && confirm.test(plans)) {
                        apply(plans, appliance);
                    } else {
                        m.message.set(Texts.get("accounts.nothingChanged"));
                        m.background.run(() -> close(plans), done -> m.busy.set(false), m::failed);
                    }
                },
                m::failed);
    }

    private void apply(List<AccountPlan> plans, AppliancePrincipal appliance) {
        m.state.applying.set(true);
        m.message.set(Texts.get("accounts.applying"));
        m.background.run(
                () -> {
                    try {
                        for (AccountPlan part : plans) {
                            AccountFix fix = AccountsFixWorkflow.apply(part, appliance);
                            m.fxThread.accept(() -> applied(part, fix));
                        }
                    } finally {
                        close(plans);
                    }
                    return plans.size();
                },
                done -> {
                    m.state.applying.set(false);
                    m.busy.set(false);
                    m.message.set(Texts.get("accounts.applied"));
                    m.check();
                },
                e -> {
                    m.state.applying.set(false);
                    m.failed(e);
                });
    }

    /** One account's outcome in its row (and, for the Finish step, each write it made). */
    private void applied(AccountPlan part, AccountFix fix) {
        String id = part.account().account().id();
        for (AccountRow row : m.rows()) {
            if (row.account.id().equals(id)) {
                row.fixed.set(describe(part, fix));
                row.result.set(fix.result());
            }
        }
        fix.applied()
                .flatMap(a -> a.outcome())
                .ifPresent(o -> o.applied()
                        .forEach(line -> m.state.changes.add(Texts.get("accounts.finish.applied", id, line))));
        m.refresh();
    }

    static String describe(AccountPlan part, AccountFix fix) {
        if (fix.stopped().isPresent()) {
            return Texts.get("accounts.fixed.stopped", fix.stopped().get());
        }
        if (fix.applied().isEmpty()) {
            return Texts.get("accounts.fixed.notChanged", part.problem().orElse(""));
        }
        ApplyOutcome outcome = fix.applied().get().outcome().orElse(null);
        if (outcome == null) {
            return Texts.get("accounts.fixed.nothing");
        }
        return outcome.complete()
                ? Texts.get("accounts.fixed.applied", outcome.applied().size())
                : Texts.get(
                        "accounts.fixed.partly",
                        outcome.applied().size(),
                        part.plan().changes().size(),
                        outcome.failure().orElse(""));
    }

    private static Void close(List<AccountPlan> plans) {
        plans.forEach(p -> p.account().close());
        return null;
    }
}
