package com.workerrolewizard.app.role;

import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.requirement.RoleReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What applying a confirmed plan came to.
 *
 * @param outcome     the writes made, not made, or of unknown outcome; empty when nothing was confirmed or needed
 * @param after       the role checked again once IAM showed the change (or the time was up); empty when the plan
 *                    stopped, or was not confirmed
 * @param propagating true when the writes were made but IAM did not show them all yet
 * @param journal     the journal file that recorded the writes; empty when nothing was written
 */
public record ApplyResult(
        boolean confirmed,
        Optional<ApplyOutcome> outcome,
        Optional<RoleReport> after,
        boolean propagating,
        Optional<Path> journal) {

    static ApplyResult declined() {
        return new ApplyResult(false, Optional.empty(), Optional.empty(), false, Optional.empty());
    }
}
