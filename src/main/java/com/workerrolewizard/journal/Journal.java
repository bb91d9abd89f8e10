package com.workerrolewizard.journal;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The local journal of every IAM write: each write is saved before its call is made (its intent, PENDING) and
 * again when the call has answered, so undo knows what changed, and what may have changed, even after a crash.
 * One JSON file in the user's application data folder; no secret ever goes in.
 * <p>
 * Every change is a read-modify-write under {@link JournalLock}: the file is read again under the lock, so the
 * records other processes added meanwhile are kept, and written atomically and durably (synced, then renamed, then
 * the folder synced). A file this version cannot read is never written: reading it stops with one sentence.
 */
public final class Journal {
    private final Path file;
    private final Path lockFile;

    private Journal(Path folder) {
        this.file = folder.resolve("journal.json");
        this.lockFile = folder.resolve("journal.lock");
    }

    /** Opens the journal of a folder; a journal that exists and cannot be read stops here, before any write. */
    public static Journal open(Path folder) {
        Journal journal = new Journal(folder);
        journal.records();
        return journal;
    }

    public Path file() {
        return file;
    }

    /**
     * The records as the file holds them now (other processes' included). A read needs no lock: every write replaces
     * the file in one rename, so a reader sees the journal before or after it, never half of it.
     */
    public List<JournalRecord> records() {
        try {
            return read();
        } catch (Unreadable e) {
            throw new UserFacingException("The journal " + file + " cannot be used (" + e.getMessage() + "): move it "
                    + "aside, for example to " + file.getFileName()
                    + ".bad, and run again; never delete it, as it lists "
                    + "the writes undo needs.");
        }
    }

    /** Starts a record and saves it (open, with this process as its writer) before any of its writes. */
    public JournalRecord begin(String kind, String account, String role, String appliance, String undoes) {
        JournalRecord record = new JournalRecord(
                UUID.randomUUID().toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                kind,
                account,
                role,
                appliance,
                undoes,
                JournalRecord.Writer.current(),
                true,
                List.of());
        change(record, records -> {});
        return record;
    }

    /** Saves a write before its call (normally PENDING); returns its index in the record. */
    public int write(JournalRecord record, JournalEntry entry) {
        record.entries().add(entry);
        try {
            change(record, records -> {});
        } catch (JournalWriteException e) {
            // Not saved, so not made: the record in memory says what the file says.
            record.entries().remove(record.entries().size() - 1);
            throw e;
        }
        return record.entries().size() - 1;
    }

    public void mark(JournalRecord record, int index, JournalEntry.State state) {
        update(record, index, record.entries().get(index).with(state));
    }

    public void mark(JournalRecord record, int index, JournalEntry.State state, String detail) {
        update(record, index, record.entries().get(index).with(state, detail));
    }

    /**
     * Replaces a write of the caller's record (its state, or a parameter only IAM's answer gave). The record in memory
     * changes even when the file cannot be written: it says what happened in AWS, which the file may no longer say.
     */
    public void update(JournalRecord record, int index, JournalEntry entry) {
        record.entries().set(index, entry);
        change(record, records -> {});
    }

    /**
     * An undo's finding about a write of another record: reverted, or found not to have landed. A write another undo
     * settled meanwhile keeps what that undo found.
     */
    public void settle(String recordId, int index, JournalEntry.State state, String detail) {
        change(
                null,
                records -> records.stream()
                        .filter(r -> r.id().equals(recordId))
                        .findFirst()
                        .filter(r -> index < r.entries().size()
                                && r.entries().get(index).state().toUndo())
                        .ifPresent(r ->
                                r.entries().set(index, r.entries().get(index).with(state, detail))));
    }

    /** Marks a record's plan done; a record without a single write is dropped. */
    public void finish(JournalRecord record) {
        record.close();
        change(
                record,
                records -> records.removeIf(
                        r -> r.id().equals(record.id()) && record.entries().isEmpty()));
    }

    /** The newest fix or create-role record with a write to revert, or one whose outcome is unknown. */
    public Optional<JournalRecord> lastUndoable() {
        List<JournalRecord> records = records();
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).undoable()) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }

    /** The newest record of {@code account} with a write to revert, or one whose outcome is unknown. */
    public Optional<JournalRecord> lastUndoable(String account) {
        List<JournalRecord> records = records();
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).undoable() && account.equals(records.get(i).account())) {
                return Optional.of(records.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the file again under the lock, puts the caller's own record in (as it is in memory: its process is
     * the only one writing it), applies the change, and writes the file durably.
     */
    private void change(JournalRecord own, Consumer<List<JournalRecord>> change) {
        try (JournalLock held = JournalLock.take(lockFile)) {
            List<JournalRecord> records = Files.exists(file) ? new ArrayList<>(read()) : new ArrayList<>();
            if (own != null) {
                boolean found = false;
                for (int i = 0; i < records.size(); i++) {
                    if (records.get(i).id().equals(own.id())) {
                        records.set(i, own.copy());
                        found = true;
                    }
                }
                if (!found) {
                    records.add(own.copy());
                }
            }
            change.accept(records);
            AtomicFile.writeDurably(file, JournalFormat.write(records), AtomicFile.OWNER_ONLY);
        } catch (IOException e) {
            throw new JournalWriteException("The journal " + file + " cannot be written (" + reason(e) + ")");
        } catch (Unreadable e) {
            throw new JournalWriteException(
                    "The journal " + file + " cannot be written (it cannot be read any more: " + e.getMessage() + ")");
        }
    }

    private List<JournalRecord> read() throws Unreadable {
        String text;
        try {
            byte[] bytes = Files.readAllBytes(file);
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (CharacterCodingException e) {
            throw new Unreadable("it is not UTF-8 text");
        } catch (IOException e) {
            throw new Unreadable("it cannot be read: " + reason(e));
        }
        try {
            return JournalFormat.read(text);
        } catch (JournalFormat.Problem e) {
            throw new Unreadable(e.getMessage());
        }
    }

    /** Why the file cannot be used, in words. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String why) {
            super(why);
        }
    }

    /** An I/O error in words: the operating system's reason, without Java's class names. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
            return e instanceof NoSuchFileException ? "no such file or folder" : "permission denied";
        }
        return e.getMessage() == null ? "an input/output error" : e.getMessage();
    }
}
