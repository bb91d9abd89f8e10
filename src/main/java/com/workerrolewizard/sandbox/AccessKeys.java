package com.workerrolewizard.sandbox;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access keys the sandbox knows, in memory only: its administrator's (new and random each run), keys a test
 * adds, and the session keys its STS hands out. A request is answered only when signed with one, and in the account
 * the key belongs to.
 */
final class AccessKeys {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final String SECRET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/";

    /** A secret, the account it signs in to and, for a session, the token that must come with it (else null). */
    record Key(String id, String secret, String sessionToken, String account) {
        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final Key administrator;

    AccessKeys(String home) {
        administrator = new Key("AKIA" + random(UPPER, 16), random(SECRET, 40), null, home);
        keys.put(administrator.id(), administrator);
    }

    Key administrator() {
        return administrator;
    }

    Optional<Key> find(String accessKeyId) {
        return accessKeyId == null ? Optional.empty() : Optional.ofNullable(keys.get(accessKeyId));
    }

    void add(String accessKeyId, String secret, String account) {
        keys.put(accessKeyId, new Key(accessKeyId, secret, null, account));
    }

    /** New temporary credentials in {@code account}, as STS issues them: ASIA key, 40-character secret, token. */
    Key issueSession(String account) {
        Key session = new Key("ASIA" + random(UPPER, 16), random(SECRET, 40), random(SECRET, 120), account);
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
