package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.accounts.AccountResult;
import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.app.accounts.AccountsWorkflow;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.account.Progress;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.requirement.RoleReport;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check}: the four requirements for one role or every role, as text for people, JSON for scripts, or a
 * Markdown or HTML report for a change ticket.
 */
@Command(
        name = "check",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Checks the four requirements of the worker role.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every requirement of every role is PASS or WARN",
            "1:at least one FAIL",
            "2:bad usage or unreadable input",
            "3:no FAIL but at least one UNKNOWN"
        })
final class CheckCommand implements Callable<Integer> {
    private final Workflows workflows;

    @Spec
    CommandSpec spec;

    @Mixin
    ApplianceOption appliance;

    @ArgGroup(exclusive = true, multiplicity = "1")
    RoleSelection selection;

    static final class RoleSelection {
        @Option(names = "--role", paramLabel = "NAME|ARN", description = "The worker role to check.")
        String role;

        @Option(names = "--all-roles", description = "Check every role of the account.")
        boolean allRoles;
    }

    @Option(
            names = "--format",
            paramLabel = "text|json|markdown|html",
            defaultValue = "text",
            description = "text for people (default), json for scripts, markdown or html for a change ticket.")
    Format format;

    enum Format {
        text,
        json,
        markdown,
        html
    }

    @Mixin
    CatalogOption catalog;

    @Mixin
    SourceOptions source;

    @Mixin
    ApplianceProfileOption applianceProfile;

    @Mixin
    AccountsOption accounts;

    @Option(
            names = "--no-validate",
            description = "Accepted as fix takes it: check writes nothing, so it validates nothing.")
    boolean noValidate;

    CheckCommand(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public Integer call() {
        ActionCatalog actions = catalog.resolve(workflows);
        PrintWriter out = spec.commandLine().getOut();
        if (accounts.given()) {
            return inAccounts(actions, out);
        }
        try (Session session = source.open(workflows.sessions(actions));
                Session applianceSession = applianceProfile
                        .open(workflows.sessions(actions), source)
                        .orElse(null)) {
            RoleWorkflow roles = workflows.roles(session, workflows.documents(actions));
            if (applianceSession != null) {
                roles = roles.withApplianceSession(applianceSession);
            }
            List<RoleReport> reports;
            if (selection.allRoles) {
                Progress progress = TerminalProgress.forStandardError();
                try {
                    reports = roles.checkAll(appliance.appliance, progress);
                } finally {
                    TerminalProgress.finish(progress);
                }
            } else {
                reports = List.of(roles.check(selection.role, appliance.appliance));
            }
            switch (format) {
                case json -> out.println(JsonReport.render(appliance.appliance.arn(), reports));
                case markdown, html ->
                    out.print(workflows
                            .exports(workflows.documents(actions))
                            .checkReport(
                                    reports,
                                    Optional.of(session),
                                    session.describe(),
                                    appliance.appliance.arn(),
                                    CatalogOption.describe(actions),
                                    format == Format.html));
                default ->
                    out.print(TextReport.render(
                            appliance.appliance.arn(),
                            CatalogOption.describe(actions),
                            reports,
                            Terminal.wantsColour()));
            }
            out.flush();
            return ExitCode.of(reports);
        }
    }

    /** ACCOUNTS: the same check in every account named, entered one by one (several at a time). */
    private int inAccounts(ActionCatalog actions, PrintWriter out) {
        AccountTargets targets = accounts.targets();
        if (applianceProfile.profile != null) {
            throw new UserFacingException("--appliance-profile works with one account for now: check the accounts "
                    + "one by one to see appliance-access in each.");
        }
        AccountsWorkflow workflow = new AccountsWorkflow(workflows.sessions(actions), workflows.documents(actions));
        Function<RoleWorkflow, List<RoleReport>> work = selection.allRoles
                ? roles -> roles.checkAll(appliance.appliance, Progress.NONE)
                : roles -> List.of(roles.check(selection.role, appliance.appliance));
        List<AccountResult> results;
        if (!targets.profiles().isEmpty()) {
            if (source.given()) {
                throw new UserFacingException("--profiles signs in with each profile: give no other --profile, "
                        + "--sandbox or --authorization-details.");
            }
            PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
            results = workflow.checkProfiles(source.request(), targets.profiles(), new TerminalPrompts(err), work);
        } else {
            if (source.authorizationDetails != null) {
                throw new UserFacingException("--accounts enters other accounts from a live sign-in (or the sandbox's "
                        + "organization): an offline file is one account.");
            }
            try (Session base = source.open(workflows.sessions(actions))) {
                Progress progress = TerminalProgress.forStandardError();
                try {
                    List<AccountRef> list = workflow.accounts(base, targets);
                    AtomicInteger done = new AtomicInteger();
                    results = workflow.check(
                            base,
                            list,
                            targets,
                            work,
                            r -> progress.accountsChecked(done.incrementAndGet(), list.size()));
                } finally {
                    TerminalProgress.finish(progress);
                }
            }
        }
        String catalog = CatalogOption.describe(actions);
        out.print(
                switch (format) {
                    case json -> AccountsReport.json(appliance.appliance.arn(), results) + "\n";
                    case markdown, html ->
                        AccountsReport.document(appliance.appliance.arn(), catalog, results, format == Format.html);
                    default -> AccountsReport.text(appliance.appliance.arn(), catalog, results);
                });
        out.flush();
        return AccountsReport.exitCode(results);
    }
}
