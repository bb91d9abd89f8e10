package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into {@code worker-role-wizard.properties}, as the composition root read it. */
public final class VersionProvider implements IVersionProvider {
    private final Workflows workflows;

    VersionProvider(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"worker-role-wizard " + workflows.version()};
    }
}
