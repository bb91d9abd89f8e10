package com.workerrolewizard.ui.common;

/**
 * A pseudo-locale for tests: every text about 40% longer and accented, in brackets, so that a layout that would cut
 * a translation off shows it in English already. Arguments ({0}), quotes and mnemonics (the letter after _) are kept.
 */
public final class PseudoLocale {
    public static final String PROPERTY = "worker.role.wizard.pseudo";
    private static final String PLAIN = "aceinorsuyACEINORSUY";
    private static final String ACCENTED = "áçéîñöŕšûýÁÇÉÎÑÖŔŠÛÝ";

    private PseudoLocale() {}

    static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** The text (a MessageFormat pattern) accented and stretched by about 40%. */
    public static String stretch(String pattern) {
        StringBuilder out = new StringBuilder("[");
        int depth = 0;
        int letters = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            int plain = PLAIN.indexOf(c);
            boolean mnemonic = i > 0 && pattern.charAt(i - 1) == '_';
            out.append(depth == 0 && plain >= 0 && !mnemonic ? ACCENTED.charAt(plain) : c);
            if (depth == 0 && Character.isLetter(c)) {
                letters++;
            }
        }
        int extra = (int) Math.ceil(pattern.length() * 0.4);
        StringBuilder padding = new StringBuilder();
        while (padding.length() < extra) {
            padding.append(padding.length() % 6 == 5 ? ' ' : 'ẋ');
        }
        return out.append(letters > 0 ? " " + padding : "").append(']').toString();
    }
}
