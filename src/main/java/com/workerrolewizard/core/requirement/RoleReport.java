package com.workerrolewizard.core.requirement;

import java.util.List;

/** The four results for one role, in the contract's order. */
public record RoleReport(String role, String arn, List<RequirementResult> requirements) {
    public RoleReport {
        requirements = List.copyOf(requirements);
    }

    /** Every requirement holds (PASS or WARN): the role is ready for the appliance. */
    public boolean holds() {
        return requirements.stream().allMatch(r -> r.status().holds());
    }

    public boolean any(Status status) {
        return requirements.stream().anyMatch(r -> r.status() == status);
    }
}
