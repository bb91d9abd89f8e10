package com.workerrolewizard.cli;

import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.account.CallerIdentity;
import com.workerrolewizard.aws.PlanExecutor;
import com.workerrolewizard.aws.Propagation;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.PlanText;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.journal.Journal;
import java.io.PrintWriter;
import java.util.List;

/**
 * What fix and create-role share once the plan is made: show it, stop for a dry run, ask (or take --yes),
 * apply it with its journal, say what was and was not applied, and check the role again until IAM has caught up.
 */
final class Applying {
    private static final long RECHECK_MILLIS = 20_000;

    private Applying() {
    }

    static int run(FixPlan plan, SourceOptions source, SourceOptions.Opened opened, WriteOptions write,
            AppliancePrincipal appliance, WorkerDocuments documents, PrintWriter out) {
        // A journal that cannot be used stops the run before anything is shown or written.
        Journal journal = write.dryRun || !opened.writable() ? null : Journal.open(opened.journalFolder());
        out.print(PlanText.render(plan));
        if (journal == null) {
            out.println(WriteOptions.dryRunLine(source, opened.account()));
            out.flush();
            return ExitCode.OK;
        }
        if (!plan.runnable()) {
            throw new UserFacingException("The plan breaks IAM limits, so nothing was changed: "
                    + String.join(" ", plan.problems()));
        }
        if (plan.empty()) {
            out.println("Nothing to apply.");
            out.flush();
            return recheck(plan, opened, appliance, documents, out);
        }
        CallerIdentity me = opened.live().callerIdentity();
        if (!write.yes && !Confirmation.ask(out, "Apply the " + plan.changes().size() + " changes above to account "
                + me.account() + " as " + me.arn() + "?")) {
            out.println("Nothing was changed.");
            out.flush();
            return ExitCode.FAILING;
        }
        ApplyOutcome outcome = new PlanExecutor(opened.clients(), journal, documents, Propagation.IAM)
                .apply(plan, appliance, me);
        report(out, outcome, journal);
        if (!outcome.complete()) {
            out.flush();
            return ExitCode.FAILING;
        }
        return recheck(plan, opened, appliance, documents, out);
    }

    /** Says what was made, what may have been made, and what was not; "nothing changed" only when that is known. */
    static void report(PrintWriter out, ApplyOutcome outcome, Journal journal) {
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
                out.println("'worker-role-wizard undo' reverts what was applied" + (outcome.unknown().isEmpty() ? "."
                        : " and checks AWS for the changes whose outcome is unknown."));
            }
        });
        out.println("Journal: " + journal.file());
    }

    /** Checks the role again; right after a write IAM may still show the old state for a few seconds. */
    private static int recheck(FixPlan plan, SourceOptions.Opened opened, AppliancePrincipal appliance,
            WorkerDocuments documents, PrintWriter out) {
        RoleChecker checker = new RoleChecker(documents.catalog());
        long deadline = System.currentTimeMillis() + RECHECK_MILLIS;
        RoleReport report = checker.check(opened.account().role(plan.role()), appliance);
        while (!passes(report) && plan.blockers().isEmpty() && System.currentTimeMillis() < deadline) {
            sleep(1000);
            report = checker.check(opened.account().role(plan.role()), appliance);
        }
        out.println();
        out.print(TextReport.render(appliance.arn(), CatalogOption.describe(documents.catalog()), List.of(report),
                Terminal.wantsColour()));
        if (!passes(report) && plan.blockers().isEmpty()) {
            out.println("Applied, still propagating: IAM has not shown every change yet; check again in a minute.");
        }
        out.flush();
        return ExitCode.of(List.of(report));
    }

    private static boolean passes(RoleReport report) {
        return report.requirements().stream().allMatch(r -> r.status() == Status.PASS || r.status() == Status.WARN);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
