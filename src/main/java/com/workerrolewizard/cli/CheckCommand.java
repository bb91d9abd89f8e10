package com.workerrolewizard.cli;

import com.workerrolewizard.core.account.Progress;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.RoleReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code check}: the four requirements for one role or every role, as text for people or JSON for scripts. */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Checks the four requirements of the worker role.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every requirement of every role is PASS or WARN", "1:at least one FAIL",
                "2:bad usage or unreadable input", "3:no FAIL but at least one UNKNOWN"})
final class CheckCommand implements Callable<Integer> {
    private final ReferenceDocuments references;

    @Spec
    CommandSpec spec;

    @Option(names = "--appliance", required = true, paramLabel = "ARN", converter = ApplianceConverter.class,
            description = "The appliance's Impersonation role ARN, or its account (ARN or 12-digit ID).")
    AppliancePrincipal appliance;

    @ArgGroup(exclusive = true, multiplicity = "1")
    RoleSelection selection;

    static final class RoleSelection {
        @Option(names = "--role", paramLabel = "NAME|ARN", description = "The worker role to check.")
        String role;

        @Option(names = "--all-roles", description = "Check every role of the account.")
        boolean allRoles;
    }

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "text for people (default), json for scripts.")
    Format format;

    enum Format { text, json }

    @Mixin
    CatalogOption catalog;

    @Mixin
    SourceOptions source;

    CheckCommand(ReferenceDocuments references) {
        this.references = references;
    }

    @Override
    public Integer call() {
        ActionCatalog actions = catalog.resolve(references);
        List<RoleSnapshot> roles;
        try (SourceOptions.Opened opened = source.open(actions)) {
            if (selection.allRoles) {
                Progress progress = TerminalProgress.forStandardError();
                try {
                    roles = opened.account().allRoles(progress);
                } finally {
                    TerminalProgress.finish(progress);
                }
            } else {
                roles = List.of(opened.account().role(selection.role));
            }
        }
        RoleChecker checker = new RoleChecker(actions);
        List<RoleReport> reports = roles.stream().map(role -> checker.check(role, appliance)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(JsonReport.render(appliance.arn(), reports));
        } else {
            out.print(TextReport.render(appliance.arn(), CatalogOption.describe(actions), reports, Terminal.wantsColour()));
        }
        out.flush();
        return ExitCode.of(reports);
    }
}
