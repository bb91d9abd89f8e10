package com.workerrolewizard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version the build stamped into {@code worker-role-wizard.properties}: one reader for both faces. */
public final class ProductVersion {
    private ProductVersion() {}

    public static String get() {
        Properties properties = new Properties();
        try (InputStream in = ProductVersion.class.getResourceAsStream("/worker-role-wizard.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
