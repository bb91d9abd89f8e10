package com.workerrolewizard.cli;

import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.plan.PermissionsMode;
import picocli.CommandLine.Option;

/** The options of the commands that write: how permissions are given, and dry run or confirmation. */
final class WriteOptions {
    @Option(
            names = "--permissions",
            paramLabel = "inline|managed",
            defaultValue = "inline",
            description = "Give the page's permissions as an inline policy (default) or a customer managed policy.")
    Mode permissions;

    enum Mode {
        inline,
        managed
    }

    @Option(names = "--dry-run", description = "Print the plan and change nothing.")
    boolean dryRun;

    @Option(names = "--yes", description = "Apply the plan without asking.")
    boolean yes;

    @Option(
            names = "--no-validate",
            description = "Skip IAM Access Analyzer's validation of the documents before they are written.")
    boolean noValidate;

    /** The workflow, validating the documents it writes unless --no-validate was given. */
    RoleWorkflow validating(RoleWorkflow roles) {
        return noValidate ? roles.withoutValidation() : roles;
    }

    PermissionsMode mode() {
        return permissions == Mode.managed ? PermissionsMode.MANAGED : PermissionsMode.INLINE;
    }

    /**
     * An offline file is read-only: plans are printed from it, never applied.
     */
    void requireDryRun(SourceOptions source) {
        if (dryRun && yes) {
            throw new UserFacingException("--dry-run and --yes cannot be used together: choose one.");
        }
        if (yes && source.offline()) {
            throw new UserFacingException(source.authorizationDetails + " is an offline copy of the account and "
                    + "cannot be changed: use --dry-run to see the plan, or run against the live account to apply it.");
        }
    }
}
