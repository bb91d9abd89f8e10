package com.workerrolewizard.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of pretty-printed JSON cut into pieces a view colours: keys, string values, numbers, the literals
 * {@code true}, {@code false} and {@code null}, and everything else (punctuation, spaces). The pieces put together
 * give the line back exactly; a line that is not JSON comes back as plain pieces, never an error.
 */
public final class JsonTokens {
    private JsonTokens() {}

    public enum Kind {
        KEY,
        STRING,
        NUMBER,
        LITERAL,
        PLAIN
    }

    public record Token(Kind kind, String text) {}

    public static List<Token> of(String line) {
        List<Token> out = new ArrayList<>();
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            int end;
            Kind kind;
            if (c == '"') {
                end = stringEnd(line, i);
                kind = line.substring(end).stripLeading().startsWith(":") ? Kind.KEY : Kind.STRING;
            } else if (c == '-' || Character.isDigit(c)) {
                end = i + 1;
                while (end < line.length() && "0123456789.eE+-".indexOf(line.charAt(end)) >= 0) {
                    end++;
                }
                kind = Kind.NUMBER;
            } else if (line.startsWith("true", i) || line.startsWith("null", i)) {
                end = i + 4;
                kind = Kind.LITERAL;
            } else if (line.startsWith("false", i)) {
                end = i + 5;
                kind = Kind.LITERAL;
            } else {
                plain.append(c);
                i++;
                continue;
            }
            if (!plain.isEmpty()) {
                out.add(new Token(Kind.PLAIN, plain.toString()));
                plain.setLength(0);
            }
            out.add(new Token(kind, line.substring(i, end)));
            i = end;
        }
        if (!plain.isEmpty()) {
            out.add(new Token(Kind.PLAIN, plain.toString()));
        }
        return out;
    }

    /** The index just after the string that opens at {@code start}, escapes skipped; the line's end if unclosed. */
    private static int stringEnd(String line, int start) {
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                i++;
            }
        }
        return line.length();
    }
}
