package com.workerrolewizard.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

/** The one JSON reader of the core: duplicate keys and trailing text are errors, as they are for IAM. */
public final class Json {
    /**
     * Numbers are kept as written (1.50 stays 1.50, 1e3 stays 1e3, -0 stays -0), so a rewrite never changes a
     * Condition's text: trees are read by {@link WrittenTreeReader}.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .addModule(new SimpleModule("written-numbers").addDeserializer(JsonNode.class, new WrittenTreeReader()))
            .build();

    private Json() {}

    /** Jackson's message in an admin's words: no class names, no feature flags. */
    private static String plain(String message) {
        if (message == null) {
            return "unexpected content";
        }
        if (message.contains("FAIL_ON_TRAILING_TOKENS") || message.contains("Trailing token")) {
            return "there is more text after the end of the JSON document";
        }
        if (message.contains("nesting depth")) {
            return "it is nested too deeply";
        }
        if (message.contains("Number value length") || message.contains("String value length")) {
            return "a value is too long";
        }
        if (message.contains("Unexpected end-of-input")) {
            return "it ends too early (a closing bracket or quote is missing)";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.replaceAll("`[^`]*`", "").replaceAll("\\s+", " ").strip();
    }

    /** " at line 3, column 7: Unexpected character ..." for a syntax error, in one line. */
    public static String explain(JsonProcessingException e) {
        String where = "";
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            where = " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
        }
        String line = plain(e.getOriginalMessage());
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return where + ": " + line;
    }
}
