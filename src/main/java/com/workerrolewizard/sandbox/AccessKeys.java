package com.workerrolewizard.sandbox;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access keys the sandbox account knows, in memory only: its administrator's (new and random each run),
 * keys a test adds, and the session keys its STS hands out. A request is answered only when signed with one.
 */
final class AccessKeys {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";

    /** A secret and, for a session, the token that must come with it (null for long-term keys). */
    record Key(String id, String secret, String sessionToken) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Key administrator;

    AccessKeys() {
        administrator = new Key("AKIA" + random(UPPER, 16), random(SECRET, 40), null);
        keys.put(administrator.id(), administrator);
    }

    Key administrator() {
        return administrator;
    }

    Optional<Key> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(keys.get(accessKeyId));
    }

    void add(String accessKeyId, String secret) {
        keys.put(accessKeyId, new Key(accessKeyId, secret, null));
    }

    /** New temporary credentials, as STS issues them: ASIA key, 40-character secret, session token. */
    Key issueSession() {
        Key session = new Key("ASIA" + random(UPPER, 16), random(SECRET, 40), random(SECRET, 120));
        keys.put(session.id(), session);
        return session;
    }

    private String random(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
