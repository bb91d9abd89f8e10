package com.workerrolewizard.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.workerrolewizard.core.text.ControlCharacters;

/**
 * How the product prints policy JSON, the same way every time: four-space indentation, one array element
 * per line, {@code "key": value}, keys in the document's order. The reference files are written this way.
 */
public final class PolicyJson {
    private static final ObjectWriter PRETTY;

    static {
        DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        PRETTY = Json.MAPPER.writer(printer).with(new VisibleEscapes());
    }

    /**
     * JSON escapes the C0 controls; these escapes cover the other characters that change how text looks (DEL, C1,
     * line separators, bidirectional controls), so printed JSON shows them as {@code \}{@code u202E}: same value, and a
     * script or a terminal that shows the document shows no invisible character.
     */
    private static final class VisibleEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        VisibleEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            // Surrogates come here one half at a time: a pair is a character like any other and is left alone.
            boolean surrogate = c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE;
            return ControlCharacters.isControl(c) && !surrogate
                    ? new SerializedString(String.format("\\u%04X", c))
                    : null;
        }
    }

    private PolicyJson() {}

    public static String pretty(JsonNode document) {
        try {
            return PRETTY.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be printed", e);
        }
    }

    /** One line, as IAM's API and the AWS CLI take it. */
    public static String compact(JsonNode document) {
        return document.toString();
    }

    /** The size IAM counts against its quotas: characters, whitespace outside values excluded. */
    public static int iamSize(JsonNode document) {
        return compact(document).length();
    }
}
