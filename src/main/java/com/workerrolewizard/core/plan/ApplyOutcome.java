package com.workerrolewizard.core.plan;

import java.util.List;
import java.util.Optional;

/**
 * What applying a plan (or an undo) did: the writes made, those skipped, those whose outcome is unknown (IAM gave no
 * clear answer: they may have been made), those not made, what an undo found in IAM, and the error that stopped it.
 *
 * @param found         for an undo, what IAM showed about each write whose outcome was unknown
 * @param journalRecord the journal record's id, for undo; null when not even the record could be saved
 */
public record ApplyOutcome(
        List<String> applied,
        List<String> skipped,
        List<String> unknown,
        List<String> notApplied,
        List<String> found,
        Optional<String> failure,
        String journalRecord) {
    public ApplyOutcome {
        applied = List.copyOf(applied);
        skipped = List.copyOf(skipped);
        unknown = List.copyOf(unknown);
        notApplied = List.copyOf(notApplied);
        found = List.copyOf(found);
    }

    public boolean complete() {
        return failure.isEmpty();
    }

    /** Known for certain: nothing was changed in AWS (no write made, none whose outcome is unknown). */
    public boolean nothingChanged() {
        return applied.isEmpty() && unknown.isEmpty();
    }
}
