package com.workerrolewizard.cli;

import com.workerrolewizard.app.role.ApplyResult;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.PlanText;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.validation.PlanValidation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What fix and create-role print once the plan is made: the plan, the dry-run line or the question, what was and was
 * not applied, and the role as IAM shows it afterwards. The workflow does the rest.
 */
final class Applying {
    private Applying() {}

    static int run(
            FixPlan plan,
            Session session,
            RoleWorkflow roles,
            WriteOptions write,
            AppliancePrincipal appliance,
            ActionCatalog catalog,
            PrintWriter out) {
        boolean dryRun = write.dryRun || !session.writable();
        if (!dryRun) {
            // A journal that cannot be used stops the run before anything is shown or written.
            roles.requireUsableJournal();
        }
        out.print(PlanText.render(plan));
        // What IAM Access Analyzer says about the documents, before any question (apply refuses an ERROR itself).
        PlanValidation validation = plan.empty() ? PlanValidation.skipped("nothing to write") : roles.validate(plan);
        if (!plan.empty()) {
            validation.lines().forEach(out::println);
        }
        if (dryRun) {
            out.println(
                    session.offline()
                            ? "Dry run: nothing was written (" + session.describe() + " is an offline, read-only copy)."
                            : "Dry run: nothing was written to " + session.describe() + ".");
            out.flush();
            return ExitCode.OK;
        }
        if (!validation.blocking().isEmpty()) {
            out.println("IAM Access Analyzer finds an error in the documents of the plan: nothing was changed.");
            out.flush();
            return ExitCode.FAILING;
        }
        if (plan.empty() && plan.runnable()) {
            out.println("Nothing to apply.");
        }
        ApplyResult result = roles.apply(plan, appliance, TerminalConfirmation.of(out, write.yes));
        if (!result.confirmed()) {
            out.println("Nothing was changed.");
            out.flush();
            return ExitCode.FAILING;
        }
        result.outcome()
                .ifPresent(outcome -> report(out, outcome, result.journal().orElse(null)));
        if (result.after().isEmpty()) {
            out.flush();
            return ExitCode.FAILING;
        }
        out.println();
        out.print(TextReport.render(
                appliance.arn(),
                CatalogOption.describe(catalog),
                List.of(result.after().get()),
                Terminal.wantsColour()));
        if (result.propagating()) {
            out.println("Applied, still propagating: IAM has not shown every change yet; check again in a minute.");
        }
        out.flush();
        return ExitCode.of(List.of(result.after().get()));
    }

    /** Says what was made, what may have been made, and what was not; "nothing changed" only when that is known. */
    static void report(PrintWriter out, ApplyOutcome outcome, Path journal) {
        outcome.found().forEach(f -> out.println("Found: " + f));
        outcome.applied().forEach(a -> out.println("Applied: " + a));
        outcome.skipped().forEach(s -> out.println("Skipped: " + s));
        outcome.failure().ifPresent(f -> {
            out.println("Stopped: " + f);
            outcome.unknown().forEach(u -> out.println("Outcome unknown: " + u));
            outcome.notApplied().forEach(n -> out.println("Not applied: " + n));
            if (outcome.nothingChanged()) {
                out.println("Nothing was changed in AWS.");
            } else {
                out.println("'worker-role-wizard undo' reverts what was applied"
                        + (outcome.unknown().isEmpty()
                                ? "."
                                : " and checks AWS for the changes whose outcome is unknown."));
            }
        });
        if (journal != null) {
            out.println("Journal: " + journal);
        }
    }
}
