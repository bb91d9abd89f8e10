package com.workerrolewizard.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the words of a PowerShell command line the way PowerShell's tokenizer does, for the forms the exports write
 * (there is no PowerShell here to ask): bare words, single-quoted strings (a quote character followed by another
 * ends nothing: it stands for the second one; PowerShell knows five single quotes), parenthesised concatenations
 * of single-quoted strings and {@code [char]0xHHHH}, and double-quoted strings, kept as their source text. Anything
 * else (a variable, a sub-expression outside double quotes, a backtick) is an error: an outside value must never
 * appear as code.
 */
public final class PowerShellWords {
    private static final String SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b";
    private static final String DOUBLE_QUOTES = "\"\u201c\u201d\u201e";

    /** A word and whether it came from quotes or a concatenation (its value) or is a bare word or "..." source. */
    public record Word(String value, Kind kind) {}

    public enum Kind {
        BARE,
        SINGLE_QUOTED,
        CONCATENATION,
        DOUBLE_QUOTED_SOURCE,
        VARIABLE
    }

    private final String line;
    private int pos;

    private PowerShellWords(String line) {
        this.line = line;
    }

    /**
     * The words of a command, separated by spaces, up to the end of the text or to what ends the command outside
     * any quotes: a {@code |} or a closing parenthesis.
     */
    public static List<Word> read(String line) {
        PowerShellWords reader = new PowerShellWords(line);
        List<Word> words = new ArrayList<>();
        while (true) {
            reader.skipSpaces();
            if (reader.pos >= line.length() || line.charAt(reader.pos) == '|' || line.charAt(reader.pos) == ')') {
                return words;
            }
            words.add(reader.word());
        }
    }

    /** The value of one word as ShellQuote.powershell writes it. */
    public static String value(String word) {
        List<Word> words = read(word);
        if (words.size() != 1) {
            throw new AssertionError("not one word: " + word);
        }
        return words.get(0).value();
    }

    private Word word() {
        char c = line.charAt(pos);
        if (SINGLE_QUOTES.indexOf(c) >= 0) {
            return new Word(singleQuoted(), Kind.SINGLE_QUOTED);
        }
        if (c == '(') {
            return new Word(concatenation(), Kind.CONCATENATION);
        }
        if (DOUBLE_QUOTES.indexOf(c) >= 0) {
            int start = pos++;
            while (pos < line.length() && DOUBLE_QUOTES.indexOf(line.charAt(pos)) < 0) {
                if (line.charAt(pos) == '`') {
                    throw new AssertionError("a backtick in a double-quoted string: " + line);
                }
                pos++;
            }
            if (pos >= line.length()) {
                throw new AssertionError("unterminated double-quoted string: " + line);
            }
            pos++;
            return new Word(line.substring(start, pos), Kind.DOUBLE_QUOTED_SOURCE);
        }
        int start = pos;
        // A bare word ends at a space, or at a ) or | that ends the command.
        while (pos < line.length() && line.charAt(pos) != ' ' && line.charAt(pos) != ')' && line.charAt(pos) != '|') {
            char d = line.charAt(pos);
            if (SINGLE_QUOTES.indexOf(d) >= 0
                    || DOUBLE_QUOTES.indexOf(d) >= 0
                    || d == '`'
                    || d == '('
                    || d == ','
                    || d == ';'
                    || d == '{'
                    || d == '}'
                    || d == '#' && pos == start
                    || d == '@' && pos == start
                    || d == '$' && pos > start
                    || ControlCharacters.isControl(d)) {
                throw new AssertionError("'" + d + "' in a bare word: " + line);
            }
            pos++;
        }
        String bare = line.substring(start, pos);
        return new Word(bare, bare.startsWith("$") ? Kind.VARIABLE : Kind.BARE);
    }

    private String singleQuoted() {
        pos++;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= line.length()) {
                throw new AssertionError("unterminated single-quoted string: " + line);
            }
            char c = line.charAt(pos++);
            if (SINGLE_QUOTES.indexOf(c) >= 0) {
                if (pos < line.length() && SINGLE_QUOTES.indexOf(line.charAt(pos)) >= 0) {
                    value.append(line.charAt(pos++));
                    continue;
                }
                return value.toString();
            }
            value.append(c);
        }
    }

    /** ( term + term ... ) where a term is '...' or [char]0xHHHH; the first term must be a string. */
    private String concatenation() {
        pos++;
        StringBuilder value = new StringBuilder();
        boolean first = true;
        while (true) {
            skipSpaces();
            if (!first) {
                if (line.startsWith(")", pos)) {
                    pos++;
                    return value.toString();
                }
                if (!line.startsWith("+ ", pos)) {
                    throw new AssertionError("expected + or ) at " + pos + ": " + line);
                }
                pos += 2;
            }
            if (line.startsWith("[char]0x", pos)) {
                if (first) {
                    throw new AssertionError("a concatenation must start with a string: " + line);
                }
                value.append((char) Integer.parseInt(line.substring(pos + 8, pos + 12), 16));
                pos += 12;
            } else if (pos < line.length() && SINGLE_QUOTES.indexOf(line.charAt(pos)) >= 0) {
                value.append(singleQuoted());
            } else {
                throw new AssertionError("unexpected term at " + pos + ": " + line);
            }
            first = false;
        }
    }

    private void skipSpaces() {
        while (pos < line.length() && line.charAt(pos) == ' ') {
            pos++;
        }
    }
}
