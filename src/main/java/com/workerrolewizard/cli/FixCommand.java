package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.app.accounts.AccountsWorkflow;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.reference.ActionCatalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fix}: the plan that makes a role pass, shown with diffs and CLI commands before anything is written. */
@Command(
        name = "fix",
        sortOptions = false,
        mixinStandardHelpOptions = true,
        description = "Plans (and, on a live account, applies) the changes that make the worker role pass.")
final class FixCommand implements Callable<Integer> {
    private final Workflows workflows;

    @Spec
    CommandSpec spec;

    @Mixin
    ApplianceOption appliance;

    @Option(names = "--role", required = true, paramLabel = "NAME|ARN", description = "The worker role to fix.")
    String role;

    @Mixin
    WriteOptions write;

    @Option(
            names = "--include-appliance",
            description = "Also give the appliance role sts:AssumeRole on this role (an inline policy on the "
                    + "appliance role), when appliance-access fails for want of it.")
    boolean includeAppliance;

    @Mixin
    CatalogOption catalog;

    @Mixin
    SourceOptions source;

    @Mixin
    ApplianceProfileOption applianceProfile;

    @Mixin
    AccountsOption accounts;

    FixCommand(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public Integer call() {
        ActionCatalog actions = catalog.resolve(workflows);
        write.requireDryRun(source);
        if (accounts.given()) {
            return inAccounts(actions);
        }
        try (Session session = source.open(workflows.sessions(actions));
                Session applianceSession = applianceProfile
                        .open(workflows.sessions(actions), source)
                        .orElse(null)) {
            RoleWorkflow roles = write.validating(workflows.roles(session, workflows.documents(actions)));
            if (applianceSession != null) {
                roles = roles.withApplianceSession(applianceSession);
            }
            FixPlan plan = roles.planFix(role, appliance.appliance, write.mode(), includeAppliance);
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

    /** ACCOUNTS: every account's plan, one question, then account by account. */
    private int inAccounts(ActionCatalog actions) {
        AccountTargets targets = accounts.targets();
        if (!targets.profiles().isEmpty() || source.authorizationDetails != null) {
            throw new UserFacingException("fix over several accounts enters them from one live sign-in (or the "
                    + "sandbox's organization): use --accounts or --accounts-file (--profiles and offline files are "
                    + "not for it).");
        }
        if (includeAppliance || applianceProfile.profile != null) {
            throw new UserFacingException("--include-appliance and --appliance-profile work with one account: fix the "
                    + "appliance side account by account.");
        }
        AccountsWorkflow workflow = new AccountsWorkflow(workflows.sessions(actions), workflows.documents(actions));
        try (Session base = source.open(workflows.sessions(actions))) {
            List<AccountsWorkflow.Entered> entered = workflow.enterAll(base, workflow.accounts(base, targets), targets);
            try {
                return AccountsFix.run(
                        entered,
                        workflows,
                        workflows.documents(actions),
                        write,
                        role,
                        appliance.appliance,
                        CatalogOption.describe(actions),
                        spec.commandLine().getOut());
            } finally {
                entered.forEach(AccountsWorkflow.Entered::close);
            }
        }
    }
}
