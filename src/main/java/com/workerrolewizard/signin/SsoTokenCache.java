package com.workerrolewizard.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.files.AtomicFile;
import com.workerrolewizard.files.UserHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The IAM Identity Center cache the AWS CLI v2 uses, both of its files, read and written in its format so that a
 * login made by either tool serves the other: the token ({@code ~/.aws/sso/cache/SHA1.json}, SHA-1 of the
 * sso-session name, or of the start URL for a legacy profile) and the client registration (SHA-1 of the key
 * {@link #registrationKey} builds). The only secrets the product writes to disk, as the AWS CLI does: owner-only files.
 */
public final class SsoTokenCache {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path folder;

    public SsoTokenCache(Path folder) {
        this.folder = folder;
    }

    public static SsoTokenCache standard() {
        return new SsoTokenCache(UserHome.resolve().resolve(Path.of(".aws", "sso", "cache")));
    }

    /** The cached token for a session name (or legacy start URL), with the registration it was made with. */
    public record Token(
            String startUrl,
            String region,
            String accessToken,
            Instant expiresAt,
            String clientId,
            String clientSecret,
            Instant registrationExpiresAt,
            String refreshToken) {
        /** Not expired yet. */
        public boolean valid() {
            return accessToken != null && expiresAt != null && Instant.now().isBefore(expiresAt);
        }

        /** Under {@code margin} of life left (the AWS CLI refreshes under 15 minutes). */
        public boolean expiresWithin(Duration margin) {
            return expiresAt == null || !Instant.now().plus(margin).isBefore(expiresAt);
        }

        /** A refresh token with the registration it belongs to, and that registration not yet expired. */
        public boolean refreshable() {
            return refreshToken != null
                    && clientId != null
                    && clientSecret != null
                    && registrationExpiresAt != null
                    && Instant.now().isBefore(registrationExpiresAt);
        }
    }

    /** A client registration; one without grant types was made for the device code flow. */
    public record Registration(
            String clientId, String clientSecret, Instant expiresAt, List<String> scopes, List<String> grantTypes) {
        public boolean forAuthorizationCode() {
            return grantTypes != null && grantTypes.contains("authorization_code");
        }

        /** Expired, or under 15 minutes from it: the AWS CLI registers anew then. */
        public boolean expiring() {
            return !Instant.now().plus(SsoLogin.REFRESH_WINDOW).isBefore(expiresAt);
        }
    }

    /** A cache file that exists but cannot be used; the caller says which login replaces it. */
    public static final class UnreadableFile extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Path file;

        UnreadableFile(Path file, String reason) {
            super(reason);
            this.file = file;
        }

        public Path file() {
            return file;
        }

        /** One sentence naming the file and the login that replaces it. */
        public String sentence(String profile) {
            return "The IAM Identity Center token cache file " + file + " cannot be read (" + getMessage() + "): run "
                    + "'worker-role-wizard login --profile " + profile + "' to replace it (or 'aws sso login').";
        }
    }

    public Path folder() {
        return folder;
    }

    public Path file(String key) {
        return folder.resolve(sha1(key) + ".json");
    }

    /** The registration file: SHA-1 of the key the AWS CLI computes for the session's registration. */
    public Path registrationFile(SsoSettings settings) {
        return folder.resolve(sha1(registrationKey(settings)) + ".json");
    }

    /**
     * Python's {@code json.dumps({"tool": "botocore", "startUrl": ..., "region": ..., "scopes": S, "session_name": ...},
     * sort_keys=True)}, S being sso_registration_scopes as configured (a list, or null when the setting is absent).
     */
    static String registrationKey(SsoSettings settings) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("tool", "botocore");
        key.put("startUrl", settings.startUrl());
        key.put("region", settings.region());
        key.put("scopes", settings.configuredScopes());
        key.put("session_name", settings.sessionName());
        return PythonJson.dumpsSorted(key);
    }

    static String sha1(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    /** The token, if there is a file; a file that is there but cannot be used is an {@link UnreadableFile}. */
    public Optional<Token> read(String key) {
        Optional<JsonNode> node = readJson(file(key));
        if (node.isEmpty()) {
            return Optional.empty();
        }
        JsonNode json = node.get();
        Path file = file(key);
        if (text(json, "accessToken", file) == null || text(json, "expiresAt", file) == null) {
            throw new UnreadableFile(file, "it has no accessToken or no expiresAt");
        }
        return Optional.of(new Token(
                text(json, "startUrl", file),
                text(json, "region", file),
                text(json, "accessToken", file),
                instant(json, "expiresAt", file),
                text(json, "clientId", file),
                text(json, "clientSecret", file),
                instant(json, "registrationExpiresAt", file),
                text(json, "refreshToken", file)));
    }

    /** The session's registration, if its file is there and usable; one that cannot be used is replaced by a login. */
    Optional<Registration> readRegistration(SsoSettings settings) {
        Path file = registrationFile(settings);
        try {
            Optional<JsonNode> node = readJson(file);
            if (node.isEmpty()) {
                return Optional.empty();
            }
            JsonNode json = node.get();
            String clientId = text(json, "clientId", file);
            String clientSecret = text(json, "clientSecret", file);
            Instant expiresAt = instant(json, "expiresAt", file);
            if (clientId == null || clientSecret == null || expiresAt == null) {
                return Optional.empty();
            }
            return Optional.of(new Registration(
                    clientId, clientSecret, expiresAt, list(json, "scopes", file), list(json, "grantTypes", file)));
        } catch (UnreadableFile e) {
            return Optional.empty();
        }
    }

    /** Writes the token as the AWS CLI does (its keys, in its order), atomically: a cancelled login leaves nothing. */
    public void write(String key, Token token) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("startUrl", token.startUrl());
        json.put("region", token.region());
        json.put("accessToken", token.accessToken());
        json.put("expiresAt", format(token.expiresAt()));
        putIfPresent(json, "clientId", token.clientId());
        putIfPresent(json, "clientSecret", token.clientSecret());
        putIfPresent(
                json,
                "registrationExpiresAt",
                token.registrationExpiresAt() == null ? null : format(token.registrationExpiresAt()));
        putIfPresent(json, "refreshToken", token.refreshToken());
        writeFile(file(key), PythonJson.dumps(json), "token");
    }

    void writeRegistration(SsoSettings settings, Registration registration) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clientId", registration.clientId());
        json.put("clientSecret", registration.clientSecret());
        json.put("expiresAt", format(registration.expiresAt()));
        if (registration.scopes() != null && !registration.scopes().isEmpty()) {
            json.put("scopes", registration.scopes());
        }
        if (registration.grantTypes() != null) {
            json.put("grantTypes", registration.grantTypes());
        }
        writeFile(registrationFile(settings), PythonJson.dumps(json), "client registration");
    }

    /** One login (or refresh) of a session at a time, across processes: a lock file beside the token's. */
    SessionLock lock(String key, BooleanSupplier cancelled, Runnable onWait, Duration maxWait) {
        return SessionLock.acquire(folder.resolve(sha1(key) + ".lock"), cancelled, onWait, maxWait);
    }

    private void writeFile(Path file, String content, String what) {
        try {
            AtomicFile.write(file, content, AtomicFile.OWNER_ONLY);
        } catch (IOException e) {
            throw new SignInException("The sign-in worked, but its " + what + " cannot be saved in " + folder + " ("
                    + e.getClass().getSimpleName() + "): check that the folder is writable.");
        }
    }

    /** As the AWS CLI writes it: UTC, whole seconds, a Z. */
    static String format(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").format(instant.atOffset(ZoneOffset.UTC));
    }

    private static Optional<JsonNode> readJson(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new UnreadableFile(file, "it is not a file");
        }
        try {
            if (Files.size(file) > 1024 * 1024) {
                throw new UnreadableFile(file, "it is larger than 1 MB");
            }
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (node == null || !node.isObject()) {
                throw new UnreadableFile(file, "it is not a JSON object");
            }
            return Optional.of(node);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new UnreadableFile(file, "it is not UTF-8 text");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new UnreadableFile(file, "it is not valid JSON");
        } catch (IOException e) {
            throw new UnreadableFile(
                    file, "it cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    private static void putIfPresent(Map<String, Object> json, String field, String value) {
        if (value != null) {
            json.put(field, value);
        }
    }

    private static String text(JsonNode node, String field, Path file) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        if (!node.get(field).isTextual()) {
            throw new UnreadableFile(file, "its " + field + " is not a string");
        }
        return node.get(field).asText();
    }

    private static List<String> list(JsonNode node, String field, Path file) {
        if (!node.hasNonNull(field)) {
            return null;
        }
        if (!node.get(field).isArray()) {
            throw new UnreadableFile(file, "its " + field + " is not a list");
        }
        List<String> values = new ArrayList<>();
        node.get(field).forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    /** The AWS CLI's own format, older ones ending in "UTC", and any ISO-8601 time with an offset. */
    private static Instant instant(JsonNode node, String field, Path file) {
        String value = text(node, field, file);
        if (value == null) {
            return null;
        }
        String text = value.strip();
        if (text.endsWith("UTC")) {
            text = text.substring(0, text.length() - 3).strip() + "Z";
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableFile(file, "its " + field + " is not a time such as 2030-01-31T12:00:00Z");
        }
    }
}
