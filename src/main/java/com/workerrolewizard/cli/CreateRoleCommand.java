package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.reference.ActionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code create-role}: a new worker role that meets all four requirements. */
@Command(
        name = "create-role",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Plans (and, on a live account, creates) a worker role that meets all four requirements.")
final class CreateRoleCommand implements Callable<Integer> {
    private final Workflows workflows;

    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "NAME", description = "The new role's name.")
    String role;

    @Option(names = "--path", paramLabel = "PATH", defaultValue = "/", description = "The role's path (default /).")
    String path;

    @Mixin
    ApplianceOption appliance;

    @Option(
            names = "--permissions-boundary",
            paramLabel = "ARN",
            description = "A managed policy ARN to set as boundary.")
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

    CreateRoleCommand(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public Integer call() {
        ActionCatalog actions = catalog.resolve(workflows);
        write.requireDryRun(source);
        List<IamOperation.Tag> parsedTags = IamLimits.parseTags(tags);
        // A name, path or tag IAM would refuse is bad usage, found before any account is read.
        IamLimits.roleName(role)
                .or(() -> IamLimits.path(path))
                .or(() -> IamLimits.tags(parsedTags))
                .or(() -> IamLimits.description(description))
                .or(() -> IamLimits.maxSessionDuration(maxSessionDuration))
                .ifPresent(problem -> {
                    throw new UserFacingException(problem);
                });
        NewRoleRequest request = new NewRoleRequest(role, path, description, boundary, parsedTags, maxSessionDuration);
        try (Session session = source.open(workflows.sessions(actions))) {
            RoleWorkflow roles = write.validating(workflows.roles(session, workflows.documents(actions)));
            FixPlan plan = roles.planNewRole(request, appliance.appliance, write.mode());
            return Applying.run(
                    plan,
                    session,
                    roles,
                    write,
                    appliance.appliance,
                    actions,
                    spec.commandLine().getOut());
        }
    }
}
