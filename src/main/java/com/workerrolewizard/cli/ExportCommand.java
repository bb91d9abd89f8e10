package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.export.ExportWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.export.ExportSubject;
import com.workerrolewizard.core.export.JsonExport;
import com.workerrolewizard.core.export.Rollout;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.policy.PolicyKind;
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
                "Exports the worker role's policies as JSON, an AWS CLI or PowerShell script, CloudFormation or Terraform,"
                        + " or as a StackSet script or multi-account Terraform that roll the role out to many accounts.",
        footer = {
            "",
            "Rollouts (no sign-in): --format stackset takes --organizational-unit ou-... (alone), --accounts ID,...,"
                    + " --accounts organization or --accounts-file, and --region (default us-east-1); with none the"
                    + " script's TARGET_OUS/TARGET_ACCOUNTS are left to fill in. --format terraform --accounts ID,..."
                    + " writes a provider alias (--assume-role, --external-id) and a module call per account."
        })
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
            paramLabel = "json|cli|powershell|cloudformation|terraform|stackset",
            description = "What to produce.")
    Format format;

    enum Format {
        json,
        cli,
        powershell,
        cloudformation,
        terraform,
        stackset
    }

    @Option(
            names = "--document",
            paramLabel = "trust|permissions|appliance",
            description = "With --format json: one document only; appliance is the Impersonation role's own policy "
                    + "allowing sts:AssumeRole on the worker role (for appliance-access).")
    Document document;

    enum Document {
        trust,
        permissions,
        appliance
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

    @Mixin
    AccountsOption accounts;

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
        if (exportFormat == ExportFormat.STACKSET) {
            return rollout(exports, ExportTargets.stackSet(accounts, regionOnly()), write);
        }
        if (exportFormat == ExportFormat.TERRAFORM) {
            Optional<Rollout> targets = ExportTargets.terraform(accounts, Optional.ofNullable(source.region));
            if (targets.isPresent()) {
                regionOnly();
                return rollout(exports, targets.get(), write);
            }
        } else if (accounts.given() || accounts.organizationalUnit != null) {
            throw new UserFacingException("--format " + format + " covers one account: many accounts take --format "
                    + "stackset or --format terraform.");
        }
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
                                .map(v -> document == Document.appliance
                                        ? PlanValidation.ofDocument(
                                                "the appliance role's policy",
                                                exports.render(
                                                        subject,
                                                        ExportFormat.JSON,
                                                        Optional.of(JsonExport.Document.APPLIANCE_ACCESS)),
                                                PolicyKind.IDENTITY,
                                                v)
                                        : PlanValidation.ofExport(
                                                subject.trustPolicy().toString(),
                                                subject.permissionsPolicy().toString(),
                                                v))
                                .orElse(PlanValidation.skipped(session.describe() + " is an offline copy"));
            }
        }
        Optional<JsonExport.Document> only = Optional.ofNullable(document).map(d -> switch (d) {
            case trust -> JsonExport.Document.TRUST;
            case permissions -> JsonExport.Document.PERMISSIONS;
            case appliance -> JsonExport.Document.APPLIANCE_ACCESS;
        });
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

    /** A rollout to many accounts signs in nowhere: of SOURCE only --region counts, as the rollout's region. */
    private Optional<String> regionOnly() {
        if (source.authorizationDetails != null
                || source.profile != null
                || source.endpointUrl != null
                || source.sandbox
                || source.sandboxSeed != null) {
            throw new UserFacingException("The " + format + " rollout is written for your cloud team to run and "
                    + "signs in nowhere: drop --profile, --authorization-details, --endpoint-url and --sandbox "
                    + "(--region names the region it deploys in).");
        }
        return Optional.ofNullable(source.region);
    }

    /** The StackSet script or multi-account Terraform for a new role, with the files it refers to beside --output. */
    private int rollout(ExportWorkflow exports, Rollout targets, WriteOptions write) {
        String name = role == null ? ExportWorkflow.DEFAULT_ROLE : role;
        IamLimits.roleName(name).ifPresent(problem -> {
            throw new UserFacingException(problem);
        });
        ExportSubject subject = exports.forNewRole(NewRoleRequest.named(name), appliance.appliance, write.mode());
        boolean stackSet = format == Format.stackset;
        ExportWorkflow.RolloutFiles files = stackSet
                ? exports.stackSet(subject, targets, Optional.ofNullable(output))
                : exports.terraformAccounts(subject, targets);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(files.text());
            if (!stackSet && TerminalProgress.standardErrorIsTerminal()) {
                System.err.println("The module " + ExportWorkflow.TERRAFORM_MODULE + "/main.tf is not written to "
                        + "standard output: give --output FILE to write it beside FILE.");
            }
        } else {
            ExportWorkflow.write(output, files, force, stackSet);
            Path folder = output.toAbsolutePath().getParent();
            out.println("Wrote " + output + " (" + format + ", role " + subject.roleName() + ") and "
                    + String.join(
                            ", ",
                            files.beside().keySet().stream()
                                    .map(p -> folder.resolve(p).toString())
                                    .sorted()
                                    .toList())
                    + ".");
        }
        out.flush();
        return ExitCode.OK;
    }
}
