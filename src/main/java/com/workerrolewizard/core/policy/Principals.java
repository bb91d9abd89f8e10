package com.workerrolewizard.core.policy;

import java.util.List;
import java.util.Map;

/**
 * A statement's {@code Principal} or {@code NotPrincipal}: either {@code "*"} (everyone) or a map of
 * principal types ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}) to values,
 * kept in the order the document lists them.
 */
public record Principals(boolean negated, boolean everyone, Map<String, List<String>> byType) {
    public Principals {
        byType = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byType));
    }

    public List<String> values(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /** {@code {"AWS": "*"}} grants everyone, just as {@code "*"} does. */
    public boolean grantsEveryone() {
        return everyone || values("AWS").contains("*");
    }
}
