package com.workerrolewizard.core.text;

/**
 * Characters that change how text looks rather than what it says: C0 controls (newline, escape...), DEL, C1
 * controls, the Unicode line and paragraph separators and the bidirectional controls. A value read from outside
 * (a role name in a file, an answer of an endpoint) that holds one could fake a line or a colour on a terminal,
 * or end a comment in a script; wherever such a value is shown, it is shown through {@link #escape}.
 */
public final class ControlCharacters {
    private ControlCharacters() {}

    public static boolean isControl(int c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || c == 0x2028
                || c == 0x2029
                || isBidiControl(c)
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    /** The marks and overrides that reorder text as it is displayed (the "Trojan Source" characters). */
    private static boolean isBidiControl(int c) {
        return c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    public static boolean any(String text) {
        return text != null && text.codePoints().anyMatch(ControlCharacters::isControl);
    }

    /**
     * The text with each control character written as an escape: {@code \n}, {@code \r}, {@code \t}, else
     * {@code \}{@code u} and four hexadecimal digits ({@code \}{@code u001b}). Everything else stays as it is, so
     * text without control characters comes back unchanged (and escaping twice changes nothing more).
     */
    public static String escape(String text) {
        if (text == null || !any(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            if (!isControl(c)) {
                out.appendCodePoint(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }
}
