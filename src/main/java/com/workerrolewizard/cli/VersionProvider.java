package com.workerrolewizard.cli;

import com.workerrolewizard.ProductVersion;
import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into {@code worker-role-wizard.properties}. */
public final class VersionProvider implements IVersionProvider {
    public static String version() {
        return ProductVersion.get();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"worker-role-wizard " + version()};
    }
}
