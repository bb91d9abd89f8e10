package com.workerrolewizard.core.policy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * IAM returns policy documents URL-encoded (RFC 3986); some emulators and files hold plain JSON.
 * Text that already looks like JSON is left alone, because decoding it would turn a literal
 * {@code %} sequence or {@code +} inside a value into something else.
 */
public final class PolicyText {
    private PolicyText() {}

    public static String decode(String text) {
        if (text == null) {
            throw new MalformedPolicyException("The policy document is empty.");
        }
        int first = 0;
        while (first < text.length()
                && (Character.isWhitespace(text.charAt(first)) || isOddSpace(text.charAt(first)))) {
            first++;
        }
        // Already JSON (even behind a byte-order mark or pasted non-breaking spaces): leave every % and + alone.
        if (first == text.length() || text.charAt(first) == '{' || text.charAt(first) == '[' || text.indexOf('%') < 0) {
            return text;
        }
        return percentDecode(text);
    }

    /**
     * Web pages indent JSON with non-breaking spaces (the vendor page does), and JSON parsers reject
     * them. Between tokens they become plain spaces; inside string values nothing changes.
     */
    public static String normalizeWhitespace(String json) {
        if (json.chars().noneMatch(PolicyText::isOddSpace)) {
            return json;
        }
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString && c == '\\' && i + 1 < json.length()) {
                out.append(c).append(json.charAt(++i));
                continue;
            }
            if (c == '"') {
                inString = !inString;
            }
            out.append(!inString && isOddSpace(c) ? ' ' : c);
        }
        return out.toString();
    }

    private static boolean isOddSpace(int c) {
        return c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }

    /** Percent-decoding only: unlike {@code URLDecoder}, a {@code +} stays a plus sign, as IAM means it. */
    static String percentDecode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length() || hex(text.charAt(i + 1)) < 0 || hex(text.charAt(i + 2)) < 0) {
                    throw new MalformedPolicyException("The policy document is neither JSON nor URL-encoded JSON: "
                            + "\"%\" at character " + (i + 1) + " is not followed by two hexadecimal digits.");
                }
                bytes.write(hex(text.charAt(i + 1)) * 16 + hex(text.charAt(i + 2)));
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(encoded);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedPolicyException("The policy document is URL-encoded, but its bytes are not UTF-8 text.");
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
