package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.ui.common.Texts;
import java.util.Locale;
import java.util.Optional;

/** The admin's choice of theme, remembered between runs. */
public enum ThemeChoice {
    LIGHT,
    DARK,
    SYSTEM;

    /** The choice's name in the theme menu. */
    public String title() {
        return Texts.get("theme." + name().toLowerCase(Locale.ROOT));
    }

    /** The remembered value; empty for anything else (a file edited by hand, a value of a later version). */
    public static Optional<ThemeChoice> parse(String remembered) {
        for (ThemeChoice choice : values()) {
            if (choice.name().equalsIgnoreCase(remembered == null ? "" : remembered.trim())) {
                return Optional.of(choice);
            }
        }
        return Optional.empty();
    }
}
