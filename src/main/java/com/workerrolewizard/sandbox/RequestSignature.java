package com.workerrolewizard.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's Signature Version 4 as IAM does: the canonical request is rebuilt from what arrived (method,
 * path, query, the headers named in SignedHeaders, the hash of the body), signed with the secret of the access key
 * it names, and compared in constant time. The credential scope's region and service are taken as sent (clients
 * sign an overridden endpoint with their own region); its date must be the request's, at most 15 minutes off.
 */
final class RequestSignature {
    static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

    private final AccessKeys keys;

    RequestSignature(AccessKeys keys) {
        this.keys = keys;
    }

    /** Whether the request carries a signature at all (unsigned ones are answered only where STS allows them). */
    static boolean isSigned(IncomingRequest request) {
        return request.header("authorization") != null;
    }

    /** The access key the request is signed with; a {@link SandboxError} as IAM answers when it is not signed right. */
    String verify(IncomingRequest request) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            throw new SandboxError(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw incomplete("Unsupported AWS 'algorithm': the sandbox, like IAM, takes " + ALGORITHM + ".");
        }
        Map<String, String> fields = fields(authorization.substring(ALGORITHM.length() + 1));
        String[] scope = fields.get("Credential").split("/", -1);
        if (scope.length != 5 || scope[0].isEmpty()) {
            throw incomplete("The Credential is not ACCESS_KEY/DATE/REGION/SERVICE/aws4_request.");
        }
        AccessKeys.Key key = keys.find(scope[0]).orElseThrow(RequestSignature::invalidToken);
        if (key.sessionToken() != null && !same(key.sessionToken(), request.header("x-amz-security-token"))) {
            throw invalidToken();
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null) {
            throw incomplete("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        checkTime(amzDate);
        if (!scope[1].equals(amzDate.substring(0, 8)) || !scope[4].equals("aws4_request")) {
            throw new SandboxError(
                    403,
                    "SignatureDoesNotMatch",
                    "Credential should be scoped to the request's date "
                            + amzDate.substring(0, 8) + " and end with 'aws4_request', not '"
                            + fields.get("Credential").substring(scope[0].length() + 1) + "'.");
        }
        List<String> signed = List.of(fields.get("SignedHeaders").split(";", -1));
        if (!signed.contains("host") || !signed.contains("x-amz-date")) {
            throw incomplete("'Host' and 'X-Amz-Date' must be among the SignedHeaders of the Authorization header.");
        }
        String canonical = String.join(
                "\n",
                request.method(),
                canonicalUri(request.rawPath()),
                canonicalQuery(request.rawQuery()),
                canonicalHeaders(request, signed),
                fields.get("SignedHeaders"),
                hex(sha256(request.body())));
        String credentialScope = String.join("/", scope[1], scope[2], scope[3], scope[4]);
        String stringToSign = String.join(
                "\n", ALGORITHM, amzDate, credentialScope, hex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
        byte[] signingKey = hmac(("AWS4" + key.secret()).getBytes(StandardCharsets.UTF_8), scope[1]);
        for (String part : List.of(scope[2], scope[3], scope[4])) {
            signingKey = hmac(signingKey, part);
        }
        if (!same(hex(hmac(signingKey, stringToSign)), fields.get("Signature"))) {
            throw new SandboxError(403, "SignatureDoesNotMatch", MISMATCH);
        }
        return key.id();
    }

    private static Map<String, String> fields(String parameters) {
        Map<String, String> fields = new HashMap<>();
        for (String field : parameters.split(",")) {
            int eq = field.indexOf('=');
            if (eq > 0) {
                fields.put(
                        field.substring(0, eq).strip(), field.substring(eq + 1).strip());
            }
        }
        for (String required : List.of("Credential", "SignedHeaders", "Signature")) {
            if (fields.getOrDefault(required, "").isEmpty()) {
                throw incomplete("Authorization header requires '" + required + "' parameter.");
            }
        }
        return fields;
    }

    private static void checkTime(String amzDate) {
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw incomplete("X-Amz-Date must be in the ISO-8601 basic format: yyyyMMdd'T'HHmmss'Z'.");
        }
        Instant now = Instant.now();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw new SandboxError(
                    403,
                    "SignatureDoesNotMatch",
                    "Signature expired: " + amzDate + " is now earlier than " + format(now.minus(MAX_SKEW)) + " ("
                            + format(now) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw new SandboxError(
                    403,
                    "SignatureDoesNotMatch",
                    "Signature not yet current: " + amzDate + " is still later than " + format(now.plus(MAX_SKEW))
                            + " (" + format(now) + " + 15 min.)");
        }
    }

    private static String format(Instant instant) {
        return AMZ_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The path, normalized and URI-encoded once more (all services but S3 sign it so). */
    private static String canonicalUri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        String path;
        try {
            path = URI.create("http://sandbox" + rawPath).normalize().getRawPath();
        } catch (IllegalArgumentException e) {
            throw new SandboxError(400, "InvalidParameterValue", "The request path is not a valid URI path.");
        }
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            encoded.append(encoded.length() == 0 && segment.isEmpty() ? "" : "/")
                    .append(encode(segment));
        }
        String canonical = encoded.length() == 0 ? "/" : encoded.toString();
        return canonical.length() > 1 && canonical.endsWith("/") && !rawPath.endsWith("/")
                ? canonical.substring(0, canonical.length() - 1)
                : canonical;
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String[] pair : QueryForm.pairs(rawQuery.getBytes(StandardCharsets.UTF_8), false)) {
            if (!pair[0].isEmpty()) {
                pairs.add(new String[] {encode(pair[0]), encode(pair[1])});
            }
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        List<String> joined = new ArrayList<>();
        pairs.forEach(p -> joined.add(p[0] + "=" + p[1]));
        return String.join("&", joined);
    }

    private static String canonicalHeaders(IncomingRequest request, List<String> signed) {
        StringBuilder headers = new StringBuilder();
        for (String name : signed) {
            List<String> values = new ArrayList<>();
            request.headers()
                    .getOrDefault(name, List.of())
                    .forEach(v -> values.add(v.strip().replaceAll("\\s+", " ")));
            headers.append(name).append(':').append(String.join(",", values)).append('\n');
        }
        return headers.toString();
    }

    /** SigV4's URI encoding: every byte but the unreserved characters as %XY. */
    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-_.~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static boolean same(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static SandboxError invalidToken() {
        return new SandboxError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    private static SandboxError incomplete(String message) {
        return new SandboxError(400, "IncompleteSignature", message);
    }
}
