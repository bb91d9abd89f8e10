package com.workerrolewizard.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as it arrived: method, the target's raw path and query (still percent-encoded), headers by
 * lower-case name (each value as received, in order), the body, and whether the connection stays open after it.
 */
record IncomingRequest(
        String method,
        String rawPath,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        boolean keepAlive) {

    /** The header's values joined by commas, as HTTP allows; null when absent. */
    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null ? null : String.join(",", values);
    }
}
