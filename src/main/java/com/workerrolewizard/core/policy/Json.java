package com.workerrolewizard.core.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON reader of the core: duplicate keys and trailing text are errors, as they are for IAM. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** " at line 3, column 7: Unexpected character ..." for a syntax error, in one line. */
    public static String explain(JsonProcessingException e) {
        String where = "";
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            where = " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        }
        String message = e.getOriginalMessage();
        String line = message == null ? "unexpected content"
                : message.lines().findFirst().orElse(message).strip();
        if (line.endsWith(".")) {
            line = line.substring(0, line.length() - 1);
        }
        return where + ": " + line;
    }
}
