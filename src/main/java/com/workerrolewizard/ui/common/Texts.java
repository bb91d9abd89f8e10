package com.workerrolewizard.ui.common;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The wizard's words, from one resource bundle: a translation is a file, not a code change. */
public final class Texts {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.wizard");

    private Texts() {}

    public static String get(String key, Object... arguments) {
        String text = BUNDLE.getString(key);
        return arguments.length == 0 ? text : MessageFormat.format(text, arguments);
    }
}
