package com.workerrolewizard.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;

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
        PRETTY = Json.MAPPER.writer(printer);
    }

    private PolicyJson() {
    }

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
