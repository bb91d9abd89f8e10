package com.workerrolewizard.cli;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.FixPlanner;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code create-role}: a new worker role that meets all four requirements. */
@Command(name = "create-role", sortOptions = false, mixinStandardHelpOptions = true,
        description = "Plans (and, on a live account, creates) a worker role that meets all four requirements.")
final class CreateRoleCommand implements Callable<Integer> {
    private final ReferenceDocuments references;

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "NAME", description = "The new role's name.")
    String role;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "/", description = "The role's path (default /).")
    String path;

    @Option(names = "--appliance", required = true, paramLabel = "ARN", converter = ApplianceConverter.class,
            description = "The appliance's Impersonation role ARN, or its account (ARN or 12-digit ID).")
    AppliancePrincipal appliance;

    @Option(names = "--permissions-boundary", paramLabel = "ARN", description = "A managed policy ARN to set as boundary.")
    String boundary;

    @Option(names = "--description", paramLabel = "TEXT", description = "The role's description.")
    String description;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag for the role (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--max-session-duration", paramLabel = "SECONDS", description = "3600 to 43200.")
    Integer maxSessionDuration;

    @Mixin
    WriteOptions write;

    @Mixin
    CatalogOption catalog;

    @Mixin
    SourceOptions source;

    CreateRoleCommand(ReferenceDocuments references) {
        this.references = references;
    }

    @Override
    public Integer call() {
        WorkerDocuments documents = new WorkerDocuments(references, catalog.resolve(references));
        write.requireDryRun(source);
        // A name, path or tag IAM would refuse is bad usage, found before any account is read.
        IamLimits.roleName(role).or(() -> IamLimits.path(path)).or(() -> IamLimits.tags(tags()))
                .or(() -> IamLimits.description(description)).or(() -> IamLimits.maxSessionDuration(maxSessionDuration))
                .ifPresent(problem -> {
                    throw new UserFacingException(problem);
                });
        NewRoleRequest request = new NewRoleRequest(role, path, description, boundary, tags(), maxSessionDuration);
        try (SourceOptions.Opened opened = source.open(documents.catalog())) {
            FixPlan plan = new FixPlanner(documents).planNewRole(request, appliance, opened.account().facts(), write.mode());
            return Applying.run(plan, source, opened, write, appliance, documents, spec.commandLine().getOut());
        }
    }

    static List<IamOperation.Tag> parseTags(List<String> tags) {
        List<IamOperation.Tag> parsed = new ArrayList<>();
        for (String tag : tags) {
            int eq = tag.indexOf('=');
            if (eq <= 0) {
                throw new UserFacingException("--tag \"" + tag + "\" is not KEY=VALUE: write it as --tag team=backup.");
            }
            parsed.add(new IamOperation.Tag(tag.substring(0, eq), tag.substring(eq + 1)));
        }
        return parsed;
    }

    private List<IamOperation.Tag> tags() {
        return parseTags(tags);
    }
}
