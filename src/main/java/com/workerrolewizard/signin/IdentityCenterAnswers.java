package com.workerrolewizard.signin;

import com.workerrolewizard.core.signin.SignInException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * What Identity Center answers is checked before it is used or shown: required fields present, numbers in range,
 * pages on https (plain http only on this machine, for tests), user codes printable. A bad answer is one sentence
 * that never repeats the raw text (no control character or terminal escape ever reaches the screen).
 */
final class IdentityCenterAnswers {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private IdentityCenterAnswers() {}

    static String required(String value, String field, String operation) {
        if (value == null || value.isBlank()) {
            throw missing(field, operation);
        }
        return value;
    }

    static SignInException missing(String field, String operation) {
        return bad(operation, "without " + field);
    }

    static long positive(Number value, String field, String operation) {
        if (value == null) {
            throw bad(operation, "without " + field);
        }
        if (value.longValue() <= 0) {
            throw bad(operation, "with a " + field + " that is not a positive number");
        }
        return value.longValue();
    }

    /** A point in time given in epoch seconds (or milliseconds), before the year 10000. */
    static java.time.Instant epoch(Number value, String field, String operation, boolean millis) {
        long number = positive(value, field, operation);
        long seconds = millis ? number / 1000 : number;
        if (seconds > 253_402_300_799L) {
            throw bad(operation, "with a " + field + " after the year 9999");
        }
        return millis ? java.time.Instant.ofEpochMilli(number) : java.time.Instant.ofEpochSecond(number);
    }

    /** Seconds from an answer (expiresIn, interval), at most {@code bound}: a huge number never outlives the login. */
    static Duration seconds(Number value, String field, String operation, Duration bound) {
        long seconds = positive(value, field, operation);
        return seconds > bound.toSeconds() ? bound : Duration.ofSeconds(seconds);
    }

    /** A page the person is sent to: https, or http on this machine. */
    static String page(String value, String field, String operation) {
        required(value, field, operation);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw bad(operation, "with a " + field + " that is not an address");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean local = scheme.equals("http")
                && uri.getHost() != null
                && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
        if (!(scheme.equals("https") && uri.getHost() != null) && !local) {
            throw bad(operation, "with a " + field + " that is not an https address");
        }
        if (!printable(value, 2048)) {
            throw bad(operation, "with a " + field + " that holds characters an address cannot hold");
        }
        return value;
    }

    /** A user code: 1 to 64 printable characters, no space. */
    static String userCode(String value, String operation) {
        required(value, "userCode", operation);
        if (!printable(value, 64) || value.contains(" ")) {
            throw bad(operation, "with a userCode that is not a short printable code");
        }
        return value;
    }

    private static boolean printable(String value, int max) {
        return value.length() <= max && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static SignInException bad(String operation, String what) {
        return new SignInException("IAM Identity Center answered " + operation + " " + what + ": nothing was shown or "
                + "saved; try again, and if it repeats, check the endpoint it was reached at (AWS_ENDPOINT_URL_SSO_OIDC, "
                + "AWS_ENDPOINT_URL_SSO, the proxy).");
    }
}
