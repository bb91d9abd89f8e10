package com.workerrolewizard.core.plan;

import java.util.List;

/**
 * A line diff of two small texts (policy documents) as plain text, every line shown with {@code " "}, {@code "-"} or
 * {@code "+"} in front, so an admin reads the whole document with its change in place. The diff itself is
 * {@link LineDiff#full}, the one the wizard's preview colours.
 */
public final class TextDiff {
    private TextDiff() {}

    public static List<String> lines(String before, String after) {
        return LineDiff.full(before, after).stream()
                .map(line -> switch (line.kind()) {
                    case REMOVED -> "- " + line.text();
                    case ADDED -> "+ " + line.text();
                    default -> "  " + line.text();
                })
                .toList();
    }
}
