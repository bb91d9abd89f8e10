package com.workerrolewizard.cli;

import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.FixPlanner;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fix}: the plan that makes a role pass, shown with diffs and CLI commands before anything is written. */
@Command(name = "fix", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Plans (and, on a live account, applies) the changes that make the worker role pass.")
final class FixCommand implements Callable<Integer> {
    private final ReferenceDocuments references;

    @Spec
    CommandSpec spec;

    @Option(names = "--appliance", required = true, paramLabel = "ARN", converter = ApplianceConverter.class,
            description = "The appliance's Impersonation role ARN, or its account (ARN or 12-digit ID).")
    AppliancePrincipal appliance;

    @Option(names = "--role", required = true, paramLabel = "NAME|ARN", description = "The worker role to fix.")
    String role;

    @Mixin
    WriteOptions write;

    @Mixin
    CatalogOption catalog;

    @Mixin
    SourceOptions source;

    FixCommand(ReferenceDocuments references) {
        this.references = references;
    }

    @Override
    public Integer call() {
        WorkerDocuments documents = new WorkerDocuments(references, catalog.resolve(references));
        write.requireDryRun(source);
        try (SourceOptions.Opened opened = source.open(documents.catalog())) {
            FixPlan plan = new FixPlanner(documents).planFix(opened.account().role(role), appliance,
                    opened.account().facts(), write.mode());
            return Applying.run(plan, source, opened, write, appliance, documents, spec.commandLine().getOut());
        }
    }
}
