package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.accounts.AccountResult;
import com.workerrolewizard.app.accounts.AccountsFixWorkflow;
import com.workerrolewizard.app.accounts.AccountsFixWorkflow.AccountFix;
import com.workerrolewizard.app.accounts.AccountsFixWorkflow.AccountPlan;
import com.workerrolewizard.app.accounts.AccountsWorkflow;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.PlanText;
import com.workerrolewizard.core.reference.WorkerDocuments;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code fix} over several accounts: every account's plan shown, one question for all, then account by account, each
 * journaled on its own; a failure in one account is reported there and never stops the others. The work is
 * {@link AccountsFixWorkflow}'s (the wizard runs the same); this prints it.
 */
final class AccountsFix {
    private AccountsFix() {}

    static int run(
            List<AccountsWorkflow.Entered> entered,
            Workflows workflows,
            WorkerDocuments documents,
            WriteOptions write,
            String role,
            AppliancePrincipal appliance,
            String catalog,
            PrintWriter out) {
        List<AccountPlan> parts = AccountsFixWorkflow.plan(
                entered,
                session -> write.validating(workflows.roles(session, documents)),
                role,
                appliance,
                write.mode(),
                part -> print(part, out));
        int changes = AccountsFixWorkflow.changes(parts);
        long accountsToChange = AccountsFixWorkflow.accountsToChange(parts);
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
        for (AccountPlan part : parts) {
            if (part.problem().isEmpty()) {
                out.println("== Account " + part.account().account().id());
            }
            AccountFix fix = AccountsFixWorkflow.apply(part, appliance);
            fix.applied()
                    .ifPresent(applied -> applied.outcome()
                            .ifPresent(o ->
                                    Applying.report(out, o, applied.journal().orElse(null))));
            fix.stopped().ifPresent(why -> out.println("Stopped: " + why));
            results.add(fix.result());
        }
        out.println();
        out.print(AccountsReport.text(appliance.arn(), catalog, results));
        out.flush();
        return AccountsReport.exitCode(results);
    }

    /** One account's plan as it is made: the plan and IAM Access Analyzer's findings, or why there is none. */
    private static void print(AccountPlan part, PrintWriter out) {
        out.println("== Account " + part.account().account().id()
                + (part.account().account().name().isEmpty()
                        ? ""
                        : " (" + part.account().account().name() + ")"));
        if (part.plan() == null) {
            out.println(part.problem().orElse(""));
        } else {
            out.print(PlanText.render(part.plan()));
            part.validation().forEach(out::println);
        }
        out.println();
        out.flush();
    }
}
