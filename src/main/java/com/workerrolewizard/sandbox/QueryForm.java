package com.workerrolewizard.sandbox;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an AWS Query request ({@code application/x-www-form-urlencoded}), decoded strictly: a bad
 * percent escape or bytes that are not UTF-8 are the caller's error (400), never a server failure.
 */
final class QueryForm {
    private QueryForm() {}

    /** The parameters, the last one winning where a name repeats. */
    static Map<String, String> parse(byte[] form) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String[] pair : pairs(form, true)) {
            params.put(pair[0], pair[1]);
        }
        return params;
    }

    /** Name and value of each {@code name=value}, in order; {@code plusIsSpace} as forms have it (not SigV4's query). */
    static List<String[]> pairs(byte[] form, boolean plusIsSpace) {
        List<String[]> pairs = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= form.length; i++) {
            if (i == form.length || form[i] == '&') {
                if (i > start) {
                    int eq = indexOf(form, (byte) '=', start, i);
                    String name = decode(form, start, eq < 0 ? i : eq, plusIsSpace);
                    String value = eq < 0 ? "" : decode(form, eq + 1, i, plusIsSpace);
                    pairs.add(new String[] {name, value});
                }
                start = i + 1;
            }
        }
        return pairs;
    }

    private static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] form, int from, int to, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = form[i];
            if (b == '%') {
                int high = i + 2 < to ? Character.digit(form[i + 1], 16) : -1;
                int low = high < 0 ? -1 : Character.digit(form[i + 2], 16);
                if (low < 0) {
                    throw malformed("a percent sign is not followed by two hexadecimal digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b == '+' && plusIsSpace ? ' ' : b);
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
            throw malformed("a parameter is not valid UTF-8");
        }
    }

    private static SandboxError malformed(String problem) {
        return new SandboxError(
                400,
                "InvalidParameterValue",
                "The request is not valid " + "application/x-www-form-urlencoded: " + problem + ".");
    }
}
