package com.workerrolewizard.core.plan;

import com.workerrolewizard.core.text.ControlCharacters;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Quoting for command lines an admin copies into a shell or runs as a script. Every word comes out as one word
 * with exactly its text, whatever it holds ({@code $(...)}, backticks, quotes, newlines), and no control
 * character is written raw: a script never holds a line an outside value put there.
 */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");
    /** Bare words PowerShell reads as plain text in argument mode: no , (an array), no @ (splatting) at the start. */
    private static final Pattern POWERSHELL_BARE = Pattern.compile("(--)?[A-Za-z0-9_/][A-Za-z0-9_./:=+-]*");

    private ShellQuote() {}

    /** True when a word needs no quoting for bash, nor inside bash's or PowerShell's double quotes. */
    public static boolean plain(String word) {
        return SAFE.matcher(word).matches();
    }

    /**
     * POSIX shells (bash, zsh): single quotes, with a single quote written as '\''. A word holding a control
     * character is written in ANSI-C quotes ({@code $'...'}, bash and zsh) with those characters as byte escapes.
     */
    public static String posix(String word) {
        // zsh expands a word that starts with = (=ls is the path of ls): quote it.
        if (SAFE.matcher(word).matches() && !word.startsWith("=")) {
            return word;
        }
        if (!ControlCharacters.any(word)) {
            return "'" + word.replace("'", "'\\''") + "'";
        }
        StringBuilder quoted = new StringBuilder("$'");
        word.codePoints().forEach(c -> {
            if (c == '\\' || c == '\'') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c == '\n') {
                quoted.append("\\n");
            } else if (c == '\t') {
                quoted.append("\\t");
            } else if (c == '\r') {
                quoted.append("\\r");
            } else if (ControlCharacters.isControl(c)) {
                // The UTF-8 bytes, as \xHH: bash writes bytes whatever the locale, so the word keeps its exact text.
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    quoted.append(String.format("\\x%02x", b & 0xFF));
                }
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('\'').toString();
    }

    /**
     * PowerShell: single quotes, each quote doubled, typographic ones too (PowerShell ends a string at those as well);
     * nothing in them is expanded ({@code $}, backtick). A control character cannot be written in single quotes, so a
     * word holding one is a concatenation: {@code ('first' + [char]0x000A + 'second')}.
     */
    public static String powershell(String word) {
        if (POWERSHELL_BARE.matcher(word).matches()) {
            return word;
        }
        if (!ControlCharacters.any(word)) {
            return powershellLiteral(word);
        }
        StringBuilder expression = new StringBuilder("(");
        StringBuilder literal = new StringBuilder();
        boolean first = true;
        for (int c : word.codePoints().toArray()) {
            if (!ControlCharacters.isControl(c)) {
                literal.appendCodePoint(c);
                continue;
            }
            // The first term is always a string, so + concatenates rather than adding character codes.
            if (first || literal.length() > 0) {
                expression.append(first ? "" : " + ").append(powershellLiteral(literal.toString()));
                literal.setLength(0);
                first = false;
            }
            expression.append(String.format(" + [char]0x%04X", c));
        }
        if (literal.length() > 0) {
            expression.append(" + ").append(powershellLiteral(literal.toString()));
        }
        return expression.append(')').toString();
    }

    private static String powershellLiteral(String text) {
        StringBuilder quoted = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            quoted.append(c);
            if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
                quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }

    public static String awsCli(List<String> iamArguments) {
        return "aws iam " + iamArguments.stream().map(ShellQuote::posix).collect(Collectors.joining(" "));
    }
}
