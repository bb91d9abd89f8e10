package com.workerrolewizard.core.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One statement of a policy document: a typed reading of the JSON object, which itself is kept
 * untouched (every key, in its order) so that a rewrite of the document never loses what the admin wrote.
 *
 * @param index     position in the document, 0-based
 * @param sid       the {@code Sid}, or null
 * @param allow     true for {@code "Effect": "Allow"}, false for {@code "Deny"}
 * @param actions   {@code Action} or {@code NotAction}
 * @param resources {@code Resource} or {@code NotResource}, or null when the statement has neither
 * @param principals {@code Principal} or {@code NotPrincipal}, or null when the statement has neither
 * @param condition the {@code Condition} block, or null
 * @param json      the statement exactly as read
 */
public record Statement(
        int index,
        String sid,
        boolean allow,
        ValueList actions,
        ValueList resources,
        Principals principals,
        ObjectNode condition,
        ObjectNode json) {

    public boolean conditional() {
        return condition != null && !condition.isEmpty();
    }

    /** The condition keys, as an admin reads them ({@code aws:SourceIp}, {@code sts:ExternalId}). */
    public List<String> conditionKeys() {
        if (!conditional()) {
            return List.of();
        }
        List<String> keys = new java.util.ArrayList<>();
        condition.fields().forEachRemaining(operator -> {
            if (operator.getValue().isObject()) {
                operator.getValue().fieldNames().forEachRemaining(key -> {
                    if (!keys.contains(key)) {
                        keys.add(key);
                    }
                });
            }
        });
        return keys;
    }

    public Optional<String> sidIfAny() {
        return Optional.ofNullable(sid).filter(s -> !s.isBlank());
    }

    /** "statement 2" or "statement 2 (Sid "AllowVeeam")", counted from 1 as people count. */
    public String label() {
        return "statement " + (index + 1)
                + sidIfAny().map(s -> " (Sid \"" + s + "\")").orElse("");
    }
}
