package com.workerrolewizard.ui.wizard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Whether the system prefers a dark theme. JavaFX 21 has no API for it, so each OS is asked the way its own
 * tools do; anything that does not answer clearly (no such command, a timeout, another desktop) means light.
 * Runs a process: call it off the FX thread.
 */
public final class SystemTheme {
    private static final long TIMEOUT_MILLIS = 1500;

    private SystemTheme() {}

    /** Asks the OS this runs on. */
    public static boolean prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return windowsSaysDark(run(List.of(
                    "reg",
                    "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v",
                    "AppsUseLightTheme")));
        }
        if (os.contains("mac")) {
            return macSaysDark(run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")));
        }
        return gnomeSaysDark(run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")));
    }

    /** {@code 'prefer-dark'} from gsettings (GNOME 42 and later; other desktops follow the same key). */
    static boolean gnomeSaysDark(String output) {
        return output.contains("prefer-dark");
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0} from reg query: 0 means dark. */
    static boolean windowsSaysDark(String output) {
        return output.matches("(?s).*AppsUseLightTheme\\s+REG_DWORD\\s+0x0+\\s*");
    }

    /** {@code Dark} from defaults; the key is absent (an error, no output) in light mode. */
    static boolean macSaysDark(String output) {
        return output.trim().equalsIgnoreCase("dark");
    }

    /** The command's output, or "" when it cannot run, fails or takes too long. */
    private static String run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return "";
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
                return "";
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            out.transferTo(text);
            return text.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } finally {
            process.destroyForcibly();
        }
    }
}
