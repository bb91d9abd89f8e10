package com.workerrolewizard.aws;

import com.workerrolewizard.core.plan.ApplyOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a run of writes has done so far; the first failure stops it, and every write after is not made. */
final class WriteProgress {
    final List<String> applied = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final List<String> unknown = new ArrayList<>();
    final List<String> notApplied = new ArrayList<>();
    final List<String> found = new ArrayList<>();
    private String failure;

    boolean stopped() {
        return failure != null;
    }

    void stop(String why) {
        if (failure == null) {
            failure = why;
        }
    }

    ApplyOutcome outcome(String journalRecord) {
        return new ApplyOutcome(
                applied, skipped, unknown, notApplied, found, Optional.ofNullable(failure), journalRecord);
    }
}
