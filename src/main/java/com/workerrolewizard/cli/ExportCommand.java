package com.workerrolewizard.cli;

import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.export.ExportSubject;
import com.workerrolewizard.core.export.Exports;
import com.workerrolewizard.core.export.JsonExport;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
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
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Exports the worker role's policies as JSON, an AWS CLI or PowerShell script, CloudFormation or Terraform.")
final class ExportCommand implements Callable<Integer> {
    static final String DEFAULT_ROLE = "VeeamWorkerRole";
    private final ReferenceDocuments references;

    @Spec
    CommandSpec spec;

    @Option(names = "--appliance", required = true, paramLabel = "ARN", converter = ApplianceConverter.class,
            description = "The appliance's Impersonation role ARN, or its account (ARN or 12-digit ID).")
    AppliancePrincipal appliance;

    @Option(names = "--role", paramLabel = "NAME", description = "The role (default " + DEFAULT_ROLE + " for a new role).")
    String role;

    @Option(names = "--format", required = true, paramLabel = "json|cli|powershell|cloudformation|terraform",
            description = "What to produce.")
    Format format;

    enum Format { json, cli, powershell, cloudformation, terraform }

    @Option(names = "--document", paramLabel = "trust|permissions", description = "With --format json: one document only.")
    Document document;

    enum Document { trust, permissions }

    @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--force", description = "Replace FILE if it exists.")
    boolean force;

    @Option(names = "--permissions", paramLabel = "inline|managed", defaultValue = "inline",
            description = "Permissions as an inline policy (default) or a customer managed policy.")
    WriteOptions.Mode permissions;

    @Mixin
    CatalogOption catalog;

    @Mixin
    SourceOptions source;

    ExportCommand(ReferenceDocuments references) {
        this.references = references;
    }

    @Override
    public Integer call() {
        ExportFormat exportFormat = ExportFormat.valueOf(format.name().toUpperCase(java.util.Locale.ROOT));
        if (document != null && exportFormat != ExportFormat.JSON) {
            throw new UserFacingException("--document works with --format json only: the " + format
                    + " export always holds both documents.");
        }
        WriteOptions write = new WriteOptions();
        write.permissions = permissions;
        Exports exports = new Exports(new WorkerDocuments(references, catalog.resolve(references)), VersionProvider.version());
        ExportSubject subject;
        if (!source.given()) {
            String name = role == null ? DEFAULT_ROLE : role;
            IamLimits.roleName(name).ifPresent(problem -> {
                throw new UserFacingException(problem);
            });
            subject = exports.forNewRole(NewRoleRequest.named(name), appliance, AccountFacts.none(), write.mode());
        } else {
            if (role == null) {
                throw new UserFacingException("Give --role NAME: with an account the export is the fix of one of its "
                        + "roles (without an account, export plans a new role).");
            }
            try (SourceOptions.Opened opened = source.open(catalog.resolve(references))) {
                subject = exports.forRole(opened.account().role(role), appliance, opened.account().facts(), write.mode());
            }
        }
        Optional<JsonExport.Document> only = Optional.ofNullable(document)
                .map(d -> d == Document.trust ? JsonExport.Document.TRUST : JsonExport.Document.PERMISSIONS);
        String text = exports.render(subject, exportFormat, only);
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(text);
        } else {
            OutputFile.write(output, text, force, exportFormat == ExportFormat.CLI);
            out.println("Wrote " + output + " (" + format + ", role " + subject.roleName() + ").");
        }
        out.flush();
        return ExitCode.OK;
    }
}
