package com.workerrolewizard.app;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.files.AtomicFile;
import com.workerrolewizard.journal.AppDataFolder;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the wizard remembers between runs: the last sign-in choice, profile, region and appliance,
 * and the theme. Never a secret.
 * A small properties file beside the journal; read and written off the FX thread by the callers.
 */
public final class WizardMemory {
    public static final String MODE = "signin.mode";
    public static final String PROFILE = "signin.profile";
    public static final String REGION = "signin.region";
    public static final String APPLIANCE = "appliance";
    /** The theme: LIGHT, DARK or SYSTEM. */
    public static final String THEME = "theme";

    private final Path file;
    private final Properties values = new Properties();

    private WizardMemory(Path file) {
        this.file = file;
    }

    /** Reads the remembered values (none when the file is missing or unreadable: memory is a convenience). */
    public static WizardMemory load() {
        Path folder;
        try {
            folder = AppDataFolder.resolve();
        } catch (UserFacingException e) {
            // No home folder: nothing is remembered this run; signing in to an account says why.
            return new WizardMemory(null);
        }
        WizardMemory memory = new WizardMemory(folder.resolve("wizard.properties"));
        try (Reader reader = Files.newBufferedReader(memory.file, StandardCharsets.UTF_8)) {
            memory.values.load(reader);
        } catch (IOException e) {
            // Nothing remembered yet.
        }
        return memory;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(v -> !v.isBlank());
    }

    /** Remembers a value and saves the file; a failure to save is ignored (the next run simply starts blank). */
    public synchronized void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        if (file == null) {
            return;
        }
        // Another part of the wizard may have saved other keys since this was read: keep them.
        Properties saved = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            saved.load(reader);
        } catch (IOException e) {
            // Nothing saved yet.
        }
        if (value == null) {
            saved.remove(key);
        } else {
            saved.setProperty(key, value);
        }
        try {
            java.io.StringWriter text = new java.io.StringWriter();
            saved.store(text, "Worker Role Wizard: the last choices (no secrets)");
            AtomicFile.write(file, text.toString(), AtomicFile.OWNER_ONLY);
        } catch (IOException e) {
            // Remembering is a convenience; the wizard works without it.
        }
    }
}
