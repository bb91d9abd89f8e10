package com.workerrolewizard.signin;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON exactly as Python's {@code json.dumps} writes it with its defaults (separators {@code ", "} and {@code ": "},
 * every character outside printable ASCII escaped as lower-case {@code \\uXXXX}): the AWS CLI writes its SSO cache
 * files this way and names a registration file by the SHA-1 of such a text. Values are strings, lists of strings and null.
 */
final class PythonJson {
    private PythonJson() {}

    /** {@code json.dumps(map)}: keys in the map's order. */
    static String dumps(Map<String, ?> map) {
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> entry : map.entrySet()) {
            out.append(first ? "" : ", ");
            first = false;
            string(out, entry.getKey());
            out.append(": ");
            value(out, entry.getValue());
        }
        return out.append('}').toString();
    }

    /** {@code json.dumps(map, sort_keys=True)}: keys in code point order. */
    static String dumpsSorted(Map<String, ?> map) {
        return dumps(new TreeMap<>(map));
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(out, text);
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                value(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "not a string, a list or null: " + value.getClass().getSimpleName());
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
