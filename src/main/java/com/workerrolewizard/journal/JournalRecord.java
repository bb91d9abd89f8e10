package com.workerrolewizard.journal;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The writes of one applied plan (or one undo), in the order they were made, and the process that made them:
 * while that process runs and the record is open, the plan is still being applied and nobody may undo it.
 */
public final class JournalRecord {
    /** Who writes a record: a process id and its start time (a reused id is another process). */
    public record Writer(long pid, String started) {
        private static final Writer SELF = new Writer(
                ProcessHandle.current().pid(),
                ProcessHandle.current()
                        .info()
                        .startInstant()
                        .map(Instant::toString)
                        .orElse(Instant.ofEpochMilli(
                                        ManagementFactory.getRuntimeMXBean().getStartTime())
                                .toString()));

        static Writer current() {
            return SELF;
        }

        /** True while the process that wrote the record runs (this one included). */
        public boolean running() {
            Writer self = current();
            if (self.equals(this)) {
                return true;
            }
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            return process.isPresent()
                    && process.get()
                            .info()
                            .startInstant()
                            .map(Instant::toString)
                            .map(started::equals)
                            .orElse(true);
        }
    }

    private final String id;
    private final String time;
    private final String kind;
    private final String account;
    private final String role;
    private final String appliance;
    private final String undoes;
    private final Writer writer;
    private boolean open;
    private final List<JournalEntry> entries;

    /**
     * @param kind   "fix", "create-role" or "undo"
     * @param undoes for an undo, the id of the record it reverts; otherwise null
     * @param writer the process that wrote it; null for a record of journal format 1
     * @param open   true until its plan is done
     */
    public JournalRecord(
            String id,
            String time,
            String kind,
            String account,
            String role,
            String appliance,
            String undoes,
            Writer writer,
            boolean open,
            List<JournalEntry> entries) {
        this.id = id;
        this.time = time;
        this.kind = kind;
        this.account = account;
        this.role = role;
        this.appliance = appliance;
        this.undoes = undoes;
        this.writer = writer;
        this.open = open;
        this.entries = new ArrayList<>(entries);
    }

    public String id() {
        return id;
    }

    public String time() {
        return time;
    }

    public String kind() {
        return kind;
    }

    public String account() {
        return account;
    }

    public String role() {
        return role;
    }

    public String appliance() {
        return appliance;
    }

    public String undoes() {
        return undoes;
    }

    public Writer writer() {
        return writer;
    }

    public boolean open() {
        return open;
    }

    void close() {
        open = false;
    }

    /** The writes, in order; the journal changes them, callers read them. */
    public List<JournalEntry> entries() {
        return entries;
    }

    public List<JournalEntry> applied() {
        return entries.stream()
                .filter(e -> e.state() == JournalEntry.State.APPLIED)
                .toList();
    }

    /** Another process is still applying it: undoing it now would race with its writes. */
    public boolean inProgress() {
        return open && writer != null && !writer.equals(Writer.current()) && writer.running();
    }

    /** Undo has something to do here: a write to revert, or one whose outcome must be checked. */
    public boolean undoable() {
        return !"undo".equals(kind) && entries.stream().anyMatch(e -> e.state().toUndo());
    }

    JournalRecord copy() {
        return new JournalRecord(id, time, kind, account, role, appliance, undoes, writer, open, entries);
    }
}
