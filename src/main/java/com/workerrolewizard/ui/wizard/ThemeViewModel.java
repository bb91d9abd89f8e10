package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.app.WizardMemory;
import com.workerrolewizard.ui.common.Background;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Light or dark: the admin's choice (light, dark or the system's), remembered between runs. The property
 * {@code -Dworker.role.wizard.dark} overrides the remembered choice; a choice made in the window overrides both.
 * The memory file and the system's answer are read in the background.
 */
public final class ThemeViewModel {
    public static final String DARK_PROPERTY = "worker.role.wizard.dark";

    private final Background background;
    private final Supplier<WizardMemory> memory;
    private final BooleanSupplier systemPrefersDark;
    private final Optional<Boolean> override;
    private final ObjectProperty<ThemeChoice> choice = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();
    private boolean chosenHere;

    /**
     * @param override the {@code -D} property's value, if it was given
     */
    public ThemeViewModel(
            Background background,
            Supplier<WizardMemory> memory,
            BooleanSupplier systemPrefersDark,
            Optional<Boolean> override) {
        this.background = background;
        this.memory = memory;
        this.systemPrefersDark = systemPrefersDark;
        this.override = override;
        override.ifPresent(dark::set);
    }

    /** The override from the system property, if given ({@code true} or {@code false}). */
    public static Optional<Boolean> overrideFromSystemProperty() {
        String value = System.getProperty(DARK_PROPERTY);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Boolean.parseBoolean(value.trim()));
    }

    /** Whether the window is dark, given the choice, the system's answer and the override. */
    public static boolean dark(ThemeChoice choice, boolean systemPrefersDark, Optional<Boolean> override) {
        if (override.isPresent()) {
            return override.get();
        }
        return switch (choice) {
            case LIGHT -> false;
            case DARK -> true;
            case SYSTEM -> systemPrefersDark;
        };
    }

    /**
     * Whether the first window should be dark, read before JavaFX starts (on the launcher's thread, never the FX
     * thread), so a dark choice does not flash light.
     */
    public static boolean darkAtLaunch(Supplier<WizardMemory> memory, BooleanSupplier systemPrefersDark) {
        Optional<Boolean> override = overrideFromSystemProperty();
        if (override.isPresent()) {
            return override.get();
        }
        ThemeChoice remembered =
                memory.get().get(WizardMemory.THEME).flatMap(ThemeChoice::parse).orElse(ThemeChoice.SYSTEM);
        return dark(remembered, remembered == ThemeChoice.SYSTEM && systemPrefersDark.getAsBoolean(), override);
    }

    /** The theme until {@link #load()} has read the choice (what the launcher read already). */
    public void startWith(boolean startDark) {
        dark.set(startDark);
    }

    /** Reads the remembered choice (and asks the system when it says so), then applies it. */
    public void load() {
        background.run(
                () -> {
                    ThemeChoice remembered = memory.get()
                            .get(WizardMemory.THEME)
                            .flatMap(ThemeChoice::parse)
                            .orElse(ThemeChoice.SYSTEM);
                    boolean system = remembered == ThemeChoice.SYSTEM && override.isEmpty()
                            ? systemPrefersDark.getAsBoolean()
                            : false;
                    return new Resolved(remembered, system);
                },
                resolved -> {
                    if (chosenHere) {
                        return;
                    }
                    choice.set(resolved.choice());
                    dark.set(dark(resolved.choice(), resolved.systemDark(), override));
                },
                e -> {});
    }

    /** The admin's choice in the window: applied at once (the system is asked in the background), and remembered. */
    public void choose(ThemeChoice chosen) {
        chosenHere = true;
        choice.set(chosen);
        if (chosen != ThemeChoice.SYSTEM) {
            dark.set(chosen == ThemeChoice.DARK);
        }
        background.run(
                () -> {
                    memory.get().put(WizardMemory.THEME, chosen.name());
                    return chosen == ThemeChoice.SYSTEM && systemPrefersDark.getAsBoolean();
                },
                systemDark -> {
                    if (choice.get() == ThemeChoice.SYSTEM) {
                        dark.set(systemDark);
                    }
                },
                e -> {});
    }

    public ObjectProperty<ThemeChoice> choice() {
        return choice;
    }

    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    private record Resolved(ThemeChoice choice, boolean systemDark) {}
}
