package com.workerrolewizard.ui.common;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The wizard's words, from one resource bundle: a translation is a file, not a code change. Every text goes through
 * MessageFormat, arguments or not, so a text reads the same either way (no doubled apostrophes). With the system
 * property {@value PseudoLocale#PROPERTY} set to {@code true}, every text is pseudo-localised (longer, accented),
 * so that tests see the layout a translation would get.
 */
public final class Texts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.wizard");

    private Texts() {}

    public static String get(String key, Object... arguments) {
        String text = BUNDLE.getString(key);
        if (PseudoLocale.on()) {
            text = PseudoLocale.stretch(text);
        }
        return new MessageFormat(text).format(arguments);
    }

    /** Every key of the bundle (for the tests that check each text as it is shown). */
    public static java.util.Set<String> keys() {
        return BUNDLE.keySet();
    }
}
