package com.workerrolewizard.app.accounts;

import com.workerrolewizard.app.role.ApplyResult;
import com.workerrolewizard.app.role.Confirmation;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.validation.PlanValidation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fix over several accounts, as both faces run it: every account's plan (with IAM Access Analyzer's findings) made
 * first, for one confirmation of all of them; then account by account, each journaled in its own account. An account
 * that cannot be entered, read or validated is a problem there and never stops the others.
 */
public final class AccountsFixWorkflow {
    private AccountsFixWorkflow() {}

    /**
     * One account's part: its workflow and plan, or why there is none.
     *
     * @param validation IAM Access Analyzer's findings for the plan, one line each (empty for an empty plan)
     * @param problem    why nothing will be applied here (the plan, if any, is still shown with it)
     */
    public record AccountPlan(
            AccountsWorkflow.Entered account,
            RoleWorkflow roles,
            FixPlan plan,
            List<String> validation,
            Optional<String> problem) {
        public AccountPlan {
            validation = List.copyOf(validation);
        }

        /** Whether applying changes something here: a plan with changes, runnable, and nothing against it. */
        public boolean changes() {
            return problem.isEmpty() && plan != null && !plan.empty() && plan.runnable();
        }
    }

    /**
     * What applying came to in one account.
     *
     * @param applied the apply's result; empty when nothing was applied here (a problem, or a stop)
     * @param stopped why the apply stopped, with nothing or part written (the outcome says which)
     * @param result  the account's row of the matrix afterwards
     */
    public record AccountFix(Optional<ApplyResult> applied, Optional<String> stopped, AccountResult result) {}

    /** Plans the role's fix in every account entered, telling {@code planned} of each as it is made. */
    public static List<AccountPlan> plan(
            List<AccountsWorkflow.Entered> entered,
            Function<Session, RoleWorkflow> workflow,
            String role,
            AppliancePrincipal appliance,
            PermissionsMode mode,
            Consumer<AccountPlan> planned) {
        List<AccountPlan> parts = new ArrayList<>();
        for (AccountsWorkflow.Entered account : entered) {
            AccountPlan part = planOne(account, workflow, role, appliance, mode);
            planned.accept(part);
            parts.add(part);
        }
        return parts;
    }

    private static AccountPlan planOne(
            AccountsWorkflow.Entered account,
            Function<Session, RoleWorkflow> workflow,
            String role,
            AppliancePrincipal appliance,
            PermissionsMode mode) {
        if (account.problem().isPresent()) {
            return new AccountPlan(account, null, null, List.of(), account.problem());
        }
        RoleWorkflow roles = workflow.apply(account.session().get());
        try {
            roles.requireUsableJournal();
            FixPlan plan = roles.planFix(role, appliance, mode);
            PlanValidation validation = plan.empty() ? null : roles.validate(plan);
            boolean blocked = validation != null && !validation.blocking().isEmpty();
            return new AccountPlan(
                    account,
                    roles,
                    plan,
                    validation == null ? List.of() : validation.lines(),
                    blocked ? Optional.of("IAM Access Analyzer finds an error in its plan") : Optional.empty());
        } catch (UserFacingException e) {
            return new AccountPlan(account, null, null, List.of(), Optional.of(e.getMessage()));
        }
    }

    /** The changes of every account that will change. */
    public static int changes(List<AccountPlan> parts) {
        return parts.stream()
                .filter(AccountPlan::changes)
                .mapToInt(p -> p.plan().changes().size())
                .sum();
    }

    /** The accounts that will change. */
    public static long accountsToChange(List<AccountPlan> parts) {
        return parts.stream().filter(AccountPlan::changes).count();
    }

    /** Applies one account's confirmed part; its problem, or a stop, is its result and never thrown. */
    public static AccountFix apply(AccountPlan part, AppliancePrincipal appliance) {
        if (part.problem().isPresent()) {
            return new AccountFix(
                    Optional.empty(),
                    Optional.empty(),
                    new AccountResult(part.account().account(), part.problem(), List.of()));
        }
        try {
            ApplyResult result = part.roles().apply(part.plan(), appliance, Confirmation.YES);
            List<RoleReport> after = result.after().map(List::of).orElse(List.of());
            return new AccountFix(
                    Optional.of(result),
                    Optional.empty(),
                    after.isEmpty()
                            ? asItNowIs(part, appliance, "the role could not be checked again after the fix")
                            : new AccountResult(part.account().account(), Optional.empty(), after));
        } catch (UserFacingException e) {
            return new AccountFix(
                    Optional.empty(), Optional.of(e.getMessage()), asItNowIs(part, appliance, e.getMessage()));
        }
    }

    /**
     * Where a fix stopped halfway the account was entered and read: its row shows the role as it now is (what was
     * applied counts), not an account that could not be checked; only a failed read leaves the problem.
     */
    private static AccountResult asItNowIs(AccountPlan part, AppliancePrincipal appliance, String problem) {
        try {
            return new AccountResult(
                    part.account().account(),
                    Optional.empty(),
                    List.of(part.roles().check(part.plan().role(), appliance)));
        } catch (UserFacingException e) {
            return new AccountResult(part.account().account(), Optional.of(problem), List.of());
        }
    }
}
