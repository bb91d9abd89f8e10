package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.role.JournalListing;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.reference.ActionCatalog;
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
@Command(
        name = "undo",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Reverts the last applied plan, from the local journal.")
final class UndoCommand implements Callable<Integer> {
    private final Workflows workflows;

    @Spec
    CommandSpec spec;

    @Option(names = "--list", description = "Show the journal.")
    boolean list;

    @Option(names = "--dry-run", description = "Show what undo would do, and change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Undo without asking.")
    boolean yes;

    @Mixin
    CatalogOption catalog;

    @Mixin
    SourceOptions source;

    UndoCommand(Workflows workflows) {
        this.workflows = workflows;
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
            // The journal of live accounts is read without signing in.
            print(out, JournalListing.ofLiveAccounts());
            return ExitCode.OK;
        }
        ActionCatalog actions = catalog.resolve(workflows);
        try (Session session = source.open(workflows.sessions(actions))) {
            if (list) {
                print(out, JournalListing.of(session));
                return ExitCode.OK;
            }
            RoleWorkflow roles = workflows.roles(session, workflows.documents(actions));
            Optional<UndoPlan> plan = roles.undoPlan();
            if (plan.isEmpty()) {
                out.println("Nothing to undo: the journal " + roles.journalFile()
                        + " holds no change that is applied and " + "not undone, and none whose outcome is unknown.");
                out.flush();
                return ExitCode.OK;
            }
            UndoPlan undo = plan.get();
            out.println("Undo of the " + undo.kind() + " of role " + undo.role() + " applied " + undo.time() + ":");
            for (int i = 0; i < undo.steps().size(); i++) {
                out.println("  " + (i + 1) + ". " + undo.steps().get(i));
            }
            if (dryRun) {
                out.println("Dry run: nothing was changed.");
                out.flush();
                return ExitCode.OK;
            }
            Optional<ApplyOutcome> outcome = roles.undo(TerminalConfirmation.of(out, yes));
            if (outcome.isEmpty()) {
                out.println("Nothing was changed.");
                out.flush();
                return ExitCode.FAILING;
            }
            Applying.report(out, outcome.get(), undo.journal());
            out.flush();
            return outcome.get().complete() ? ExitCode.OK : ExitCode.FAILING;
        }
    }

    private static void print(PrintWriter out, List<String> lines) {
        lines.forEach(out::println);
        out.flush();
    }
}
