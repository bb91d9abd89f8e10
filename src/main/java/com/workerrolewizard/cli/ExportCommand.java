package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.export.ExportWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.export.ExportSubject;
import com.workerrolewizard.core.export.JsonExport;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.validation.PlanValidation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: the documents, or the plan as a script or a template, for a colleague, a change ticket or
 * infrastructure code. With no account it plans a new role; with one, the named role's fix.
 */
@Command(
        name = "export",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description =
                "Exports the worker role's policies as JSON, an AWS CLI or PowerShell script, CloudFormation or Terraform.")
final class ExportCommand implements Callable<Integer> {
    private final Workflows workflows;

    @Spec
    CommandSpec spec;

    @Mixin
    ApplianceOption appliance;

    @Option(
            names = "--role",
            paramLabel = "NAME",
            description = "The role (default " + ExportWorkflow.DEFAULT_ROLE + " for a new role).")
    String role;

    @Option(
            names = "--format",
            required = true,
            paramLabel = "json|cli|powershell|cloudformation|terraform",
            description = "What to produce.")
    Format format;

    enum Format {
        json,
        cli,
        powershell,
        cloudformation,
        terraform
    }

    @Option(
            names = "--document",
            paramLabel = "trust|permissions",
            description = "With --format json: one document only.")
    Document document;

    enum Document {
        trust,
        permissions
    }

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "Write to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Option(
            names = "--permissions",
            paramLabel = "inline|managed",
            defaultValue = "inline",
            description = "Permissions as an inline policy (default) or a customer managed policy.")
    WriteOptions.Mode permissions;

    @Option(
            names = "--no-validate",
            description = "Skip IAM Access Analyzer's validation of the exported documents (a live account only).")
    boolean noValidate;

    @Mixin
    CatalogOption catalog;

    @Mixin
    SourceOptions source;

    ExportCommand(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public Integer call() {
        ExportFormat exportFormat = ExportFormat.valueOf(format.name().toUpperCase(java.util.Locale.ROOT));
        if (document != null && exportFormat != ExportFormat.JSON) {
            throw new UserFacingException(
                    "--document works with --format json only: the " + format + " export always holds both documents.");
        }
        WriteOptions write = new WriteOptions();
        write.permissions = permissions;
        ActionCatalog actions = catalog.resolve(workflows);
        ExportWorkflow exports = workflows.exports(workflows.documents(actions));
        ExportSubject subject;
        PlanValidation validation = PlanValidation.skipped("no account is signed in");
        if (!source.given()) {
            String name = role == null ? ExportWorkflow.DEFAULT_ROLE : role;
            IamLimits.roleName(name).ifPresent(problem -> {
                throw new UserFacingException(problem);
            });
            subject = exports.forNewRole(NewRoleRequest.named(name), appliance.appliance, write.mode());
        } else {
            if (role == null) {
                throw new UserFacingException("Give --role NAME: with an account the export is the fix of one of its "
                        + "roles (without an account, export plans a new role).");
            }
            try (Session session = source.open(workflows.sessions(actions))) {
                subject = exports.forRole(session, role, appliance.appliance, write.mode());
                validation = noValidate
                        ? PlanValidation.skipped("--no-validate")
                        : session.validator()
                                .map(v -> PlanValidation.ofExport(
                                        subject.trustPolicy().toString(),
                                        subject.permissionsPolicy().toString(),
                                        v))
                                .orElse(PlanValidation.skipped(session.describe() + " is an offline copy"));
            }
        }
        Optional<JsonExport.Document> only = Optional.ofNullable(document)
                .map(d -> d == Document.trust ? JsonExport.Document.TRUST : JsonExport.Document.PERMISSIONS);
        String text = exports.render(subject, exportFormat, only);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(text);
        } else {
            ExportWorkflow.write(output, text, force, exportFormat == ExportFormat.CLI);
            out.println("Wrote " + output + " (" + format + ", role " + subject.roleName() + ").");
        }
        out.flush();
        // Findings go to stderr once the export is written: stdout (or --output) carries the export alone. That
        // nothing was validated (no account) is said to a person at a terminal, not into a script's error stream.
        if (validation.notDone().isEmpty() || TerminalProgress.standardErrorIsTerminal()) {
            validation.lines().forEach(System.err::println);
        }
        return ExitCode.OK;
    }
}
