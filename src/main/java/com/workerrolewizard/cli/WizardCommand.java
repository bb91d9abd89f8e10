package com.workerrolewizard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The headless face: {@code worker-role-wizard COMMAND ...}. With no command the Launcher opens the wizard. */
@Command(
        name = "worker-role-wizard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            CheckCommand.class,
            FixCommand.class,
            CreateRoleCommand.class,
            ExportCommand.class,
            UndoCommand.class,
            ProfilesCommand.class,
            LoginCommand.class
        },
        description = "Checks and fixes the IAM role that Veeam Backup for AWS worker instances run under.",
        footer = {"", "Run without a command to open the desktop wizard."})
public final class WizardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
