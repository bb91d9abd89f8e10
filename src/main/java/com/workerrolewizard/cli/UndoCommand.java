package com.workerrolewizard.cli;

import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.account.CallerIdentity;
import com.workerrolewizard.aws.Propagation;
import com.workerrolewizard.aws.UndoExecutor;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.journal.Journal;
import com.workerrolewizard.journal.JournalEntry;
import com.workerrolewizard.journal.JournalRecord;
import com.workerrolewizard.journal.UndoStep;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code undo}: reverts the last applied plan from the local journal, after showing what it will do. */
@Command(name = "undo", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Reverts the last applied plan, from the local journal; writes whose outcome is unknown are "
                + "checked in AWS first.")
final class UndoCommand implements Callable<Integer> {
    private final ReferenceDocuments references;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "Show the journal: each write and its state (applied, not applied, "
            + "unknown outcome, skipped, reverted).")
    boolean list;

    @Option(names = "--dry-run", description = "Show what undo would do, and change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Undo without asking.")
    boolean yes;

    @Mixin
    CatalogOption catalog;

    @Mixin
    SourceOptions source;

    UndoCommand(ReferenceDocuments references) {
        this.references = references;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun && yes) {
            throw new UserFacingException("--dry-run and --yes cannot be used together: choose one.");
        }
        if (source.offline()) {
            throw new UserFacingException("undo works on an account, not on an offline file: give --profile, "
                    + "--endpoint-url or nothing (the default credentials).");
        }
        if (list && !source.sandbox) {
            printList(out, Journal.open(JournalFolder.live()));
            return ExitCode.OK;
        }
        try (SourceOptions.Opened opened = source.open(catalog.resolve(references))) {
            Journal journal = Journal.open(opened.journalFolder());
            if (list) {
                printList(out, journal);
                return ExitCode.OK;
            }
            Optional<JournalRecord> last = journal.lastUndoable();
            if (last.isEmpty()) {
                out.println("Nothing to undo: the journal " + journal.file() + " holds no change that is applied and not "
                        + "undone, and none whose outcome is unknown.");
                out.flush();
                return ExitCode.OK;
            }
            JournalRecord record = last.get();
            UndoExecutor.requireSettled(record);
            CallerIdentity me = opened.live().callerIdentity();
            if (!me.account().equals(record.account())) {
                throw new UserFacingException("The last applied plan changed account " + record.account()
                        + ", but you are signed in to " + me.account() + ": sign in to that account to undo it.");
            }
            List<UndoStep> steps = UndoStep.plan(record);
            out.println("Undo of the " + record.kind() + " of role " + record.role() + " applied " + record.time() + ":");
            for (int i = 0; i < steps.size(); i++) {
                UndoStep step = steps.get(i);
                out.println("  " + (i + 1) + ". " + step.action() + ": " + step.summary() + (step.uncertain()
                        ? " (the outcome of " + step.reverts().action() + " is unknown: undo first checks whether it landed)"
                        : ""));
            }
            if (dryRun) {
                out.println("Dry run: nothing was changed.");
                out.flush();
                return ExitCode.OK;
            }
            if (!yes && !Confirmation.ask(out, "Undo these " + steps.size() + " changes in account " + me.account() + "?")) {
                out.println("Nothing was changed.");
                out.flush();
                return ExitCode.FAILING;
            }
            ApplyOutcome outcome = new UndoExecutor(opened.clients(), journal, Propagation.IAM).undo(record);
            Applying.report(out, outcome, journal);
            out.flush();
            return outcome.complete() ? ExitCode.OK : ExitCode.FAILING;
        }
    }

    private static void printList(PrintWriter out, Journal journal) {
        List<JournalRecord> records = journal.records();
        if (records.isEmpty()) {
            out.println("The journal " + journal.file() + " is empty.");
        }
        for (JournalRecord record : records) {
            out.println(record.time() + "  " + record.kind() + "  account " + record.account() + "  role " + record.role()
                    + (record.undoes() != null ? "  (undoes " + record.undoes() + ")" : "") + "  id " + record.id()
                    + (record.inProgress() ? "  (being applied by process " + record.writer().pid() + ")" : ""));
            for (JournalEntry entry : record.entries()) {
                out.println("    " + String.format("%-17s", entry.state().label()) + entry.action() + " " + entry.parameters()
                        + (entry.detail() != null ? "  (" + entry.detail() + ")" : ""));
            }
        }
        out.flush();
    }
}
