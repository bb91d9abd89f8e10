package com.workerrolewizard.core.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small reader for the HCL that {@link TerraformExport} writes: blocks with labels, attributes, quoted strings
 * with escapes, heredocs ({@code <<EOT} and indented {@code <<-EOT}), references ({@code var.x},
 * {@code aws_iam_role.worker.arn}), numbers, booleans, objects and tuples, and {@code #}, {@code //} and
 * {@code /* *}{@code /} comments. Strings and heredocs are kept as template source; {@link #evaluate} resolves
 * their {@code ${...}} interpolations and {@code $${} / {@code %%{} escapes. Function calls and template
 * directives are rejected: the export does not use them, and a reader that guessed would hide a change.
 */
final class Hcl {
    sealed interface Value permits Text, Reference, Number, Bool, Null, Obj, Tuple {}

    /** A quoted string or heredoc: template source, escapes of the quoted form already decoded. */
    record Text(String template, boolean heredoc) implements Value {}

    /** A traversal such as {@code var.role_name}, or a bare keyword such as {@code string}. */
    record Reference(String path) implements Value {}

    record Number(String text) implements Value {}

    record Bool(boolean value) implements Value {}

    record Null() implements Value {}

    record Obj(Map<String, Value> entries) implements Value {}

    record Tuple(List<Value> items) implements Value {}

    record Block(String type, List<String> labels, Body body) {
        String label(int i) {
            return labels.get(i);
        }
    }

    record Body(Map<String, Value> attributes, List<Block> blocks) {
        List<Block> blocks(String type) {
            return blocks.stream().filter(b -> b.type().equals(type)).toList();
        }

        /** The one block of this type whose labels are these. */
        Block block(String type, String... labels) {
            List<Block> found = blocks.stream()
                    .filter(b -> b.type().equals(type) && b.labels().equals(List.of(labels)))
                    .toList();
            if (found.size() != 1) {
                throw new AssertionError(
                        "Expected one block " + type + " " + List.of(labels) + ", found " + found.size());
            }
            return found.get(0);
        }

        Value attribute(String name) {
            Value value = attributes.get(name);
            if (value == null) {
                throw new AssertionError("No attribute " + name + " (attributes: " + attributes.keySet() + ")");
            }
            return value;
        }
    }

    static final class ParseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private Hcl(String text) {
        this.text = text;
    }

    static Body parse(String text) {
        Hcl reader = new Hcl(text);
        Body body = reader.body(false);
        reader.skipBlank(true);
        if (reader.pos < text.length()) {
            throw reader.error("unexpected '" + text.charAt(reader.pos) + "'");
        }
        return body;
    }

    /**
     * The value of a template: {@code ${NAME}} becomes {@code variables.get(NAME)} (an unknown name is an error),
     * {@code $${} becomes {@code ${}, {@code %%{} becomes {@code %{}; a directive {@code %{...}} is an error.
     */
    static String evaluate(String template, Map<String, String> variables) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (template.startsWith("%%{", i)) {
                out.append("%{");
                i += 3;
            } else if (template.startsWith("${", i)) {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    throw new ParseException("unclosed interpolation at " + i + " in: " + template);
                }
                String name = template.substring(i + 2, end).strip();
                if (!variables.containsKey(name)) {
                    throw new ParseException(
                            "interpolation ${" + name + "} names no known value " + variables.keySet());
                }
                out.append(variables.get(name));
                i = end + 1;
            } else if (template.startsWith("%{", i)) {
                throw new ParseException("template directive %{ at " + i + " in: " + template);
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    /** The interpolations {@code ${...}} of a template (escaped {@code $${} excluded). */
    static List<String> interpolations(String template) {
        List<String> found = new ArrayList<>();
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("$${", i) || template.startsWith("%%{", i)) {
                i += 3;
            } else if (template.startsWith("${", i)) {
                int end = template.indexOf('}', i);
                found.add(template.substring(i + 2, end).strip());
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    private Body body(boolean nested) {
        Map<String, Value> attributes = new LinkedHashMap<>();
        List<Block> blocks = new ArrayList<>();
        while (true) {
            skipBlank(true);
            if (pos >= text.length()) {
                if (nested) {
                    throw error("a block is not closed with '}'");
                }
                return new Body(attributes, blocks);
            }
            if (peek() == '}') {
                if (!nested) {
                    throw error("'}' without a block");
                }
                return new Body(attributes, blocks);
            }
            String name = identifier();
            skipBlank(false);
            if (peek() == '=') {
                pos++;
                skipBlank(false);
                Value value = expression();
                if (attributes.put(name, value) != null) {
                    throw error("attribute " + name + " is set twice");
                }
                endOfLine();
            } else {
                List<String> labels = new ArrayList<>();
                while (peek() != '{') {
                    if (peek() == '"') {
                        Text label = quoted();
                        labels.add(label.template());
                    } else if (isIdentifierStart(peek())) {
                        labels.add(identifier());
                    } else {
                        throw error("expected '=', a label or '{' after " + name);
                    }
                    skipBlank(false);
                }
                pos++;
                Body inner = body(true);
                expect('}');
                blocks.add(new Block(name, labels, inner));
                endOfLine();
            }
        }
    }

    private Value expression() {
        char c = peek();
        if (c == '"') {
            return quoted();
        }
        if (c == '<' && text.startsWith("<<", pos)) {
            return heredoc();
        }
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return tuple();
        }
        if (c == '-' || Character.isDigit(c)) {
            int start = pos++;
            while (pos < text.length() && (Character.isDigit(peek()) || peek() == '.')) {
                pos++;
            }
            return new Number(text.substring(start, pos));
        }
        if (isIdentifierStart(c)) {
            StringBuilder path = new StringBuilder(identifier());
            while (pos < text.length() && (peek() == '.' || peek() == '[')) {
                if (peek() == '.') {
                    pos++;
                    path.append('.').append(peek() == '*' ? String.valueOf(text.charAt(pos++)) : identifier());
                } else {
                    int end = text.indexOf(']', pos);
                    path.append(text, pos, end + 1);
                    pos = end + 1;
                }
            }
            String name = path.toString();
            if (pos < text.length() && peek() == '(') {
                throw error("function call " + name + "(...) is not supported by this reader");
            }
            return switch (name) {
                case "true" -> new Bool(true);
                case "false" -> new Bool(false);
                case "null" -> new Null();
                default -> new Reference(name);
            };
        }
        throw error("expected a value");
    }

    private Text quoted() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length() || peek() == '\n') {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return new Text(out.toString(), false);
            }
            if (c == '\\') {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw error("unknown escape \\" + e);
                }
            } else if (c == '$' && text.startsWith("{", pos)) {
                // An interpolation: copied as it is, up to its closing brace.
                int end = text.indexOf('}', pos);
                if (end < 0) {
                    throw error("unclosed interpolation");
                }
                out.append('$').append(text, pos, end + 1);
                pos = end + 1;
            } else if (c == '$' && text.startsWith("${", pos)) {
                out.append("$${");
                pos += 2;
            } else {
                out.append(c);
            }
        }
    }

    private Text heredoc() {
        pos += 2;
        boolean indented = peek() == '-';
        if (indented) {
            pos++;
        }
        String marker = identifier();
        if (peek() != '\n') {
            throw error("a heredoc marker must end its line");
        }
        pos++;
        List<String> lines = new ArrayList<>();
        while (true) {
            if (pos >= text.length()) {
                throw error("heredoc " + marker + " is not closed");
            }
            int end = text.indexOf('\n', pos);
            String line = end < 0 ? text.substring(pos) : text.substring(pos, end);
            int next = end < 0 ? text.length() : end + 1;
            if (line.strip().equals(marker)) {
                if (!indented && !line.equals(marker)) {
                    throw error("the closing marker of <<" + marker + " must start its line");
                }
                pos = end < 0 ? text.length() : end;
                break;
            }
            pos = next;
            lines.add(line);
        }
        if (indented) {
            int common = lines.stream()
                    .filter(l -> !l.isBlank())
                    .mapToInt(Hcl::indentation)
                    .min()
                    .orElse(0);
            lines.replaceAll(l -> l.isBlank() ? "" : l.substring(common));
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(l).append('\n'));
        return new Text(out.toString(), true);
    }

    private static int indentation(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        if (i < line.length() && line.charAt(i) == '\t') {
            throw new ParseException("tab indentation in a heredoc: " + line);
        }
        return i;
    }

    private Obj object() {
        expect('{');
        Map<String, Value> entries = new LinkedHashMap<>();
        while (true) {
            skipBlank(true);
            if (peek() == '}') {
                pos++;
                return new Obj(entries);
            }
            String key = peek() == '"' ? quoted().template() : identifier();
            skipBlank(false);
            if (peek() != '=' && peek() != ':') {
                throw error("expected '=' or ':' after object key " + key);
            }
            pos++;
            skipBlank(false);
            if (entries.put(key, expression()) != null) {
                throw error("object key " + key + " is set twice");
            }
            skipBlank(false);
            if (peek() == ',') {
                pos++;
            }
        }
    }

    private Tuple tuple() {
        expect('[');
        List<Value> items = new ArrayList<>();
        while (true) {
            skipBlank(true);
            if (peek() == ']') {
                pos++;
                return new Tuple(items);
            }
            items.add(expression());
            skipBlank(true);
            if (peek() == ',') {
                pos++;
            } else if (peek() != ']') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private void endOfLine() {
        skipBlank(false);
        if (pos < text.length() && peek() != '\n' && peek() != '}') {
            throw error("expected the end of the line");
        }
    }

    /** Skips spaces and comments; newlines too when {@code newlines}. */
    private void skipBlank(boolean newlines) {
        while (pos < text.length()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || (newlines && c == '\n')) {
                pos++;
            } else if (c == '#' || text.startsWith("//", pos)) {
                while (pos < text.length() && peek() != '\n') {
                    pos++;
                }
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos);
                if (end < 0) {
                    throw error("unclosed comment");
                }
                pos = end + 2;
            } else {
                return;
            }
        }
    }

    private String identifier() {
        if (pos >= text.length() || !isIdentifierStart(peek())) {
            throw error("expected a name");
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private ParseException error(String message) {
        int line = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            line += text.charAt(i) == '\n' ? 1 : 0;
        }
        return new ParseException("HCL line " + line + ": " + message);
    }
}
