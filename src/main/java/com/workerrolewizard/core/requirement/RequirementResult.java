package com.workerrolewizard.core.requirement;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one requirement for one role.
 *
 * @param detail  one or a few sentences an admin understands without reading IAM's documentation
 * @param missing for {@code permissions}: every required action that is not allowed or is denied, in
 *                catalog order; empty otherwise
 * @param reasons for each missing action, why (no statement, denied by which statement, outside the boundary)
 */
public record RequirementResult(
        RequirementId id, Status status, String detail, List<String> missing, Map<String, String> reasons) {

    public RequirementResult {
        missing = List.copyOf(missing);
        reasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons));
    }

    public static RequirementResult of(RequirementId id, Status status, String detail) {
        return new RequirementResult(id, status, detail, List.of(), Map.of());
    }
}
