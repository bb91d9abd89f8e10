package com.workerrolewizard.ui;

import java.util.Locale;
import java.util.Map;

/**
 * Whether the wizard can open a window at all. On Linux and the other Unixes a window needs an X or Wayland display;
 * without one JavaFX fails with a stack trace, so the launcher says so in one sentence instead.
 */
public final class GraphicalDisplay {
    public static final String MISSING =
            "worker-role-wizard: no graphical display: use a command such as check (worker-role-wizard --help lists"
                    + " them), or set DISPLAY.";

    private GraphicalDisplay() {}

    /** True where a window certainly cannot open: a Unix other than macOS with neither DISPLAY nor WAYLAND_DISPLAY. */
    public static boolean missing(String osName, Map<String, String> environment, String glassPlatform) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || glassPlatform != null) {
            // Windows and macOS always have a desktop; a chosen glass platform (Monocle, headless) brings its own.
            return false;
        }
        return blank(environment.get("DISPLAY")) && blank(environment.get("WAYLAND_DISPLAY"));
    }

    /** True for the error JavaFX throws when the display named cannot be opened (DISPLAY set, no X server there). */
    public static boolean cannotOpen(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof UnsupportedOperationException
                    && e.getMessage() != null
                    && e.getMessage().contains("DISPLAY")) {
                return true;
            }
        }
        return false;
    }

    /** Asks this process's environment. */
    public static boolean missing() {
        return missing(System.getProperty("os.name"), System.getenv(), System.getProperty("glass.platform"));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
