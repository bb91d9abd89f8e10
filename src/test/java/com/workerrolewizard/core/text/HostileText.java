package com.workerrolewizard.core.text;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Text an attacker would put in a name: what ends a line, a comment, a quote, a here-document or a heredoc, what a
 * shell, PowerShell or a template expands, what a YAML reader takes for something else, and what a terminal obeys.
 * Used by the tests of every place a name from outside is written.
 */
public final class HostileText {
    /** Pieces, each hostile somewhere; strings are made by joining a few of them, with ordinary characters between. */
    public static final List<String> PIECES = List.of(
            "\n",
            "\r",
            "\r\n",
            "\t",
            "\u0007",
            "\u001b[31m",
            "\u001b]0;title\u0007",
            "\u007f",
            "\u0085",
            "\u009b",
            "\u202e",
            "\u2066",
            "\u2028",
            "\u200f",
            "'",
            "''",
            "\"",
            "`",
            "\\",
            "\\'",
            "$",
            "$(touch MARKER)",
            "`touch MARKER`",
            "${HOME}",
            "$HOME",
            "%{x}",
            "$${",
            "%%{",
            "${",
            ";",
            "|",
            "&",
            "&&",
            "#",
            " #",
            ": ",
            "- ",
            "? ",
            "!",
            "*",
            "&a",
            "*a",
            "<<",
            "=",
            "@",
            "@x",
            ",",
            "[",
            "]",
            "{",
            "}",
            "(",
            ")",
            "~",
            "%",
            "--",
            "-n",
            "\u2019",
            "\u2018",
            "\u201a",
            "\u201b",
            "\u201c",
            "\u2013",
            "EOT",
            "JSON",
            "\nEOT\n",
            "\nJSON\n",
            "\n'@\n",
            "'@",
            "@'",
            "yes",
            "No",
            "null",
            "12:30",
            "1e3",
            "0x1F",
            ".inf",
            "2012-10-17",
            " ",
            "  ",
            "\u00e9",
            "\u65e5\u672c",
            "\ud83d\ude00",
            "<#",
            "#>",
            "/",
            "//",
            ":",
            "::");

    private HostileText() {}

    /** Strings of 1 to 6 hostile pieces with letters between them (never empty). */
    public static Arbitrary<String> strings() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(PIECES),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3));
        return piece.list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(list -> String.join("", list))
                .filter(s -> !s.isEmpty());
    }

    /** A fixed hostile text holding every piece: the worst single name. */
    public static String everything() {
        return "x" + String.join("y", PIECES) + "z";
    }

    /** True when the text has a control character other than the newlines that separate its lines. */
    public static boolean hasRawControl(String text) {
        return text.codePoints().anyMatch(c -> c != '\n' && ControlCharacters.isControl(c));
    }
}
