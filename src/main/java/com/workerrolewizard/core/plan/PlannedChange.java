package com.workerrolewizard.core.plan;

import com.workerrolewizard.core.requirement.RequirementId;
import java.util.List;

/** One operation of a plan and the requirements it makes pass. */
public record PlannedChange(List<RequirementId> fixes, IamOperation operation) {
    public PlannedChange {
        fixes = List.copyOf(fixes);
    }
}
