package com.workerrolewizard.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One IAM write, recorded before it is made: what, on which role, with the document before and after,
 * and what became of it. Never a credential.
 *
 * @param parameters the call's parameters (names, ARNs, paths), as IAM takes them
 * @param before     the document before the write (trust policy), or null
 * @param after      the document the write sets, or null
 */
public record JournalEntry(String action, ObjectNode parameters, ObjectNode before, ObjectNode after, State state) {
    public enum State { PENDING, APPLIED, FAILED, SKIPPED, UNDONE }

    public JournalEntry with(State newState) {
        return new JournalEntry(action, parameters, before, after, newState);
    }

    public String parameter(String name) {
        return parameters.path(name).asText(null);
    }
}
