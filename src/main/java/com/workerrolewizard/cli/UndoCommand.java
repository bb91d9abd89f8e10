package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.app.accounts.AccountsWorkflow;
import com.workerrolewizard.app.role.JournalListing;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.reference.ActionCatalog;
import java.io.PrintWriter;
import java.util.Arrays;
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

    @Option(names = "--account", paramLabel = "ID", description = "Undo the last plan applied in this account.")
    String account;

    @Option(
            names = "--accounts",
            paramLabel = "ID,ID,...",
            description = "Undo the last plan applied in each of these accounts.")
    String accounts;

    @Mixin
    EntryOption entry = new EntryOption();

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
            if (account != null || accounts != null) {
                return inAccounts(session, actions, out);
            }
            return undo(workflows.roles(session, workflows.documents(actions)), out);
        }
    }

    /** --account / --accounts: each account entered from the signed-in identity, its own last plan undone. */
    private int inAccounts(Session base, ActionCatalog actions, PrintWriter out) {
        if (account != null && accounts != null) {
            throw new UserFacingException("--account and --accounts both name accounts: give one of them.");
        }
        List<AccountRef> named = AccountTargets.parseIds(
                Arrays.asList((account != null ? account : accounts).split(",", -1)),
                account != null ? "--account" : "--accounts");
        AccountTargets targets =
                new AccountTargets(named, false, Optional.empty(), entry.role(), entry.externalIdGiven(), List.of());
        AccountsWorkflow workflow = new AccountsWorkflow(workflows.sessions(actions), workflows.documents(actions));
        int worst = ExitCode.OK;
        for (AccountsWorkflow.Entered entered : workflow.enterAll(base, named, targets)) {
            try (entered) {
                out.println("== Account " + entered.account().id());
                if (entered.problem().isPresent()) {
                    out.println(entered.problem().get());
                    worst = Math.max(worst, ExitCode.FAILING);
                    continue;
                }
                try {
                    worst = Math.max(
                            worst, undo(workflows.roles(entered.session().get(), workflows.documents(actions)), out));
                } catch (UserFacingException e) {
                    out.println(e.getMessage());
                    worst = Math.max(worst, ExitCode.FAILING);
                }
            }
        }
        out.flush();
        return worst;
    }

    private int undo(RoleWorkflow roles, PrintWriter out) {
        Optional<UndoPlan> plan = roles.undoPlan();
        if (plan.isEmpty()) {
            out.println("Nothing to undo: the journal " + roles.journalFile() + " holds no change that is applied and "
                    + "not undone, and none whose outcome is unknown.");
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

    private static void print(PrintWriter out, List<String> lines) {
        lines.forEach(out::println);
        out.flush();
    }
}
