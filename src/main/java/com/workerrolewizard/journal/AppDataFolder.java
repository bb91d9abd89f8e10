package com.workerrolewizard.journal;

import com.workerrolewizard.files.UserHome;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The user's application data folder, where the journal lives: {@code %APPDATA%\Worker Role Wizard} on Windows,
 * {@code ~/Library/Application Support/Worker Role Wizard} on macOS, {@code $XDG_DATA_HOME/worker-role-wizard}
 * (or {@code ~/.local/share/worker-role-wizard}) elsewhere, where {@code ~} is {@link UserHome}'s ({@code $HOME} first).
 * {@code WORKER_ROLE_WIZARD_HOME} replaces it.
 */
public final class AppDataFolder {
    private AppDataFolder() {}

    public static Path resolve() {
        String override = System.getProperty("worker.role.wizard.home", System.getenv("WORKER_ROLE_WIZARD_HOME"));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "Worker Role Wizard");
        }
        if (os.contains("mac")) {
            return home().resolve(Path.of("Library", "Application Support", "Worker Role Wizard"));
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        // The XDG specification ignores a relative value.
        return xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg, "worker-role-wizard")
                : home().resolve(Path.of(".local", "share", "worker-role-wizard"));
    }

    private static Path home() {
        return UserHome.resolve(", or WORKER_ROLE_WIZARD_HOME to a folder for the journal");
    }
}
