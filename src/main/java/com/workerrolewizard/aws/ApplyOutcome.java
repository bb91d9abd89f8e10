package com.workerrolewizard.aws;

import java.util.List;
import java.util.Optional;

/**
 * What applying a plan did: the writes made, the writes not made, and the error that stopped it.
 *
 * @param journalRecord the journal record's id, for undo
 */
public record ApplyOutcome(List<String> applied, List<String> skipped, List<String> notApplied, Optional<String> failure,
        String journalRecord) {
    public ApplyOutcome {
        applied = List.copyOf(applied);
        skipped = List.copyOf(skipped);
        notApplied = List.copyOf(notApplied);
    }

    public boolean complete() {
        return failure.isEmpty();
    }
}
