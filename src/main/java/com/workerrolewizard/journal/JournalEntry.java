package com.workerrolewizard.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One IAM write, recorded before it is made: what, on which role, with the document before and after,
 * and what became of it. Never a credential.
 *
 * @param parameters the call's parameters (names, ARNs, paths), as IAM takes them
 * @param before     the document before the write (trust policy), or null
 * @param after      the document the write sets, or null
 * @param time       when the write was recorded, before its call
 * @param detail     what is known beyond the state (what undo found in IAM), or null
 * @param reverts    for an undo's write, the index of the write it reverts in the record undone; otherwise null
 */
public record JournalEntry(
        String action,
        ObjectNode parameters,
        ObjectNode before,
        ObjectNode after,
        State state,
        String time,
        String detail,
        Integer reverts) {

    /** What became of a write. */
    public enum State {
        /** Recorded before the call, which has not answered: a crash leaves a write so. Its outcome is unknown. */
        PENDING("unknown outcome"),
        APPLIED("applied"),
        /** IAM refused it clearly (AccessDenied, NoSuchEntity, a validation error), or undo found it did not land. */
        NOT_APPLIED("not applied"),
        /** The call ended without a clear answer (a timeout, a 5xx, a lost connection): it may have landed. */
        UNKNOWN("unknown outcome"),
        /** Nothing needed doing (the trust policy already allowed it; an undo found nothing to revert). */
        SKIPPED("skipped"),
        /** An undo took it back (or found it already gone). */
        REVERTED("reverted");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** How {@code undo --list} names the state. */
        public String label() {
            return label;
        }

        /** The write may be in AWS without the journal knowing: undo checks IAM before reverting it. */
        public boolean uncertain() {
            return this == PENDING || this == UNKNOWN;
        }

        /** Undo has something to do about the write: revert it, or find out whether it landed. */
        public boolean toUndo() {
            return this == APPLIED || uncertain();
        }
    }

    /** A write about to be made, stamped now. */
    public JournalEntry(String action, ObjectNode parameters, ObjectNode before, ObjectNode after, State state) {
        this(
                action,
                parameters,
                before,
                after,
                state,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                null,
                null);
    }

    public JournalEntry with(State newState) {
        return new JournalEntry(action, parameters, before, after, newState, time, detail, reverts);
    }

    public JournalEntry with(State newState, String newDetail) {
        return new JournalEntry(action, parameters, before, after, newState, time, newDetail, reverts);
    }

    public JournalEntry reverting(int index) {
        return new JournalEntry(action, parameters, before, after, state, time, detail, index);
    }

    public String parameter(String name) {
        return parameters.path(name).asText(null);
    }
}
