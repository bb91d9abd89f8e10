package com.workerrolewizard.app.role;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.journal.AppDataFolder;
import com.workerrolewizard.journal.Journal;
import com.workerrolewizard.journal.JournalEntry;
import com.workerrolewizard.journal.JournalRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal as lines to read ({@code undo --list}): each plan with its time, kind, account, role and id, and under
 * it each write with its state (applied, not applied, unknown outcome, skipped, reverted) and what was found.
 */
public final class JournalListing {
    private JournalListing() {}

    /** The journal of live accounts, in the user's application data folder; read without signing in. */
    public static List<String> ofLiveAccounts() {
        return lines(Journal.open(AppDataFolder.resolve()));
    }

    /** The journal of a session's account (the sandbox keeps its own). */
    public static List<String> of(Session session) {
        return lines(session.journal());
    }

    private static List<String> lines(Journal journal) {
        List<String> lines = new ArrayList<>();
        List<JournalRecord> records = journal.records();
        if (records.isEmpty()) {
            lines.add("The journal " + journal.file() + " is empty.");
        }
        for (JournalRecord record : records) {
            lines.add(record.time() + "  " + record.kind() + "  account " + record.account() + "  role " + record.role()
                    + (record.undoes() != null ? "  (undoes " + record.undoes() + ")" : "") + "  id " + record.id()
                    + (record.inProgress()
                            ? "  (being applied by process " + record.writer().pid() + ")"
                            : ""));
            for (JournalEntry entry : record.entries()) {
                lines.add("    " + String.format("%-17s", entry.state().label()) + entry.action() + " "
                        + entry.parameters() + (entry.detail() != null ? "  (" + entry.detail() + ")" : ""));
            }
        }
        return lines;
    }
}
