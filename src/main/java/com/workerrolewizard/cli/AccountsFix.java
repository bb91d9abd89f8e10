package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.accounts.AccountResult;
import com.workerrolewizard.app.accounts.AccountsWorkflow;
import com.workerrolewizard.app.role.ApplyResult;
import com.workerrolewizard.app.role.Confirmation;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.PlanText;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.validation.PlanValidation;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code fix} over several accounts: every account's plan shown, one question for all, then account by account, each
 * journaled on its own; a failure in one account is reported there and never stops the others.
 */
final class AccountsFix {
    private AccountsFix() {}

    /** One account's part: its workflow and plan, or why there is none. */
    /** Where a fix stopped halfway, the matrix shows the role as it now is, not as an account never entered. */
    private static AccountResult afterStop(Part part, AppliancePrincipal appliance, String problem) {
        try {
            return new AccountResult(
                    part.account().account(),
                    Optional.empty(),
                    List.of(part.roles().check(part.plan().role(), appliance)));
        } catch (UserFacingException e) {
            return new AccountResult(part.account().account(), Optional.of(problem), List.of());
        }
    }

    private record Part(AccountsWorkflow.Entered account, RoleWorkflow roles, FixPlan plan, String problem) {}

    static int run(
            List<AccountsWorkflow.Entered> entered,
            Workflows workflows,
            WorkerDocuments documents,
            WriteOptions write,
            String role,
            AppliancePrincipal appliance,
            String catalog,
            PrintWriter out) {
        List<Part> parts = new ArrayList<>();
        int changes = 0;
        for (AccountsWorkflow.Entered account : entered) {
            out.println("== Account " + account.account().id()
                    + (account.account().name().isEmpty()
                            ? ""
                            : " (" + account.account().name() + ")"));
            if (account.problem().isPresent()) {
                out.println(account.problem().get());
                parts.add(new Part(account, null, null, account.problem().get()));
                out.println();
                continue;
            }
            RoleWorkflow roles =
                    write.validating(workflows.roles(account.session().get(), documents));
            try {
                roles.requireUsableJournal();
                FixPlan plan = roles.planFix(role, appliance, write.mode());
                out.print(PlanText.render(plan));
                PlanValidation validation = plan.empty() ? null : roles.validate(plan);
                if (validation != null) {
                    validation.lines().forEach(out::println);
                }
                boolean blocked = validation != null && !validation.blocking().isEmpty();
                if (!plan.empty() && plan.runnable() && !blocked) {
                    changes += plan.changes().size();
                }
                parts.add(new Part(
                        account, roles, plan, blocked ? "IAM Access Analyzer finds an error in its plan" : null));
            } catch (UserFacingException e) {
                out.println(e.getMessage());
                parts.add(new Part(account, null, null, e.getMessage()));
            }
            out.println();
        }
        long accountsToChange = parts.stream()
                .filter(p -> p.problem() == null
                        && p.plan() != null
                        && !p.plan().empty()
                        && p.plan().runnable())
                .count();
        if (write.dryRun) {
            out.println("Dry run: nothing was written to the " + entered.size() + " accounts.");
            out.flush();
            return ExitCode.OK;
        }
        if (accountsToChange > 0
                && !TerminalConfirmation.of(out, write.yes)
                        .confirm("Apply the " + changes + " changes above to " + accountsToChange + " account"
                                + (accountsToChange == 1 ? "" : "s") + "?")) {
            out.println("Nothing was changed.");
            out.flush();
            return ExitCode.FAILING;
        }
        List<AccountResult> results = new ArrayList<>();
        for (Part part : parts) {
            if (part.problem() != null) {
                results.add(new AccountResult(part.account().account(), Optional.of(part.problem()), List.of()));
                continue;
            }
            out.println("== Account " + part.account().account().id());
            try {
                ApplyResult result = part.roles().apply(part.plan(), appliance, Confirmation.YES);
                result.outcome()
                        .ifPresent(o -> Applying.report(out, o, result.journal().orElse(null)));
                List<RoleReport> after = result.after().map(List::of).orElse(List.of());
                results.add(
                        after.isEmpty()
                                ? afterStop(part, appliance, "the role could not be checked again after the fix")
                                : new AccountResult(part.account().account(), Optional.empty(), after));
            } catch (UserFacingException e) {
                out.println("Stopped: " + e.getMessage());
                results.add(afterStop(part, appliance, e.getMessage()));
            }
        }
        out.println();
        out.print(AccountsReport.text(appliance.arn(), catalog, results));
        out.flush();
        return AccountsReport.exitCode(results);
    }
}
