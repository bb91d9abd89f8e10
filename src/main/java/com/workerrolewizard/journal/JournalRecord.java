package com.workerrolewizard.journal;

import java.util.ArrayList;
import java.util.List;

/**
 * The writes of one applied plan (or one undo), in the order they were made.
 *
 * @param kind "fix", "create-role" or "undo"
 * @param undoes for an undo, the id of the record it reverts; otherwise null
 */
public record JournalRecord(String id, String time, String kind, String account, String role, String appliance,
        String undoes, List<JournalEntry> entries) {
    public JournalRecord {
        entries = new ArrayList<>(entries);
    }

    public List<JournalEntry> applied() {
        return entries.stream().filter(e -> e.state() == JournalEntry.State.APPLIED).toList();
    }
}
