package com.workerrolewizard.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.files.AtomicFile;
import com.workerrolewizard.files.UserHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The IAM Identity Center token cache the AWS CLI v2 uses ({@code ~/.aws/sso/cache/SHA1.json}, SHA-1 of the
 * sso-session name, or of the start URL for a legacy profile), read and written in its format, so one login
 * serves both tools. The one secret the product ever writes to disk, as the AWS CLI does: owner-only permissions.
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

    /** The cached token for a session name (or legacy start URL). */
    public record Token(String startUrl, String region, String accessToken, Instant expiresAt, String clientId,
            String clientSecret, Instant registrationExpiresAt, String refreshToken) {
        public boolean valid() {
            return accessToken != null && expiresAt != null && Instant.now().isBefore(expiresAt.minusSeconds(60));
        }

        public boolean refreshable() {
            return refreshToken != null && clientId != null && clientSecret != null
                    && (registrationExpiresAt == null || Instant.now().isBefore(registrationExpiresAt));
        }
    }

    public Path file(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8));
            return folder.resolve(HexFormat.of().formatHex(sha1) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
        }
    }

    public Optional<Token> read(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new Token(text(node, "startUrl"), text(node, "region"), text(node, "accessToken"),
                    instant(node, "expiresAt"), text(node, "clientId"), text(node, "clientSecret"),
                    instant(node, "registrationExpiresAt"), text(node, "refreshToken")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the token atomically (a temporary owner-only file, then one rename): a cancelled login leaves nothing. */
    public void write(String key, Token token) {
        ObjectNode node = JSON.createObjectNode();
        node.put("startUrl", token.startUrl());
        node.put("region", token.region());
        node.put("accessToken", token.accessToken());
        node.put("expiresAt", format(token.expiresAt()));
        putIfPresent(node, "clientId", token.clientId());
        putIfPresent(node, "clientSecret", token.clientSecret());
        putIfPresent(node, "registrationExpiresAt", token.registrationExpiresAt() == null ? null : format(token.registrationExpiresAt()));
        putIfPresent(node, "refreshToken", token.refreshToken());
        try {
            AtomicFile.write(file(key), JSON.writeValueAsString(node), AtomicFile.OWNER_ONLY);
        } catch (IOException e) {
            throw new SignInException("The sign-in worked, but its token cannot be saved in " + folder + " ("
                    + e.getMessage() + "): check that the folder is writable.");
        }
    }

    /** As the AWS CLI writes it: UTC, whole seconds, a Z. */
    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value.endsWith("UTC") ? value.replace("UTC", "Z") : value);
    }
}
