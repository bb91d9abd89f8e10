package com.workerrolewizard.aws;

/**
 * Text from outside made safe for a terminal: control characters (ANSI escapes included) shown as escapes, the
 * length bounded.
 */
public final class Printable {
    private static final int MAX = 200;

    private Printable() {}

    public static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT
                    || c == '\u2028'
                    || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() >= MAX && text.length() > MAX ? out.substring(0, MAX) + "..." : out.toString();
    }
}
