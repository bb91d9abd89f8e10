package com.workerrolewizard.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.UnreadableInputException;
import com.workerrolewizard.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The local journal of every IAM write: each entry is saved (atomically: a temporary file, then a rename)
 * before its call is made and again when it is done, so {@link #last()} and undo know exactly what changed,
 * even after a crash halfway. One JSON file in the user's application data folder; no secret ever goes in.
 */
public final class Journal {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path file;
    private final List<JournalRecord> records;

    private Journal(Path file, List<JournalRecord> records) {
        this.file = file;
        this.records = records;
    }

    public static Journal open(Path folder) {
        Path file = folder.resolve("journal.json");
        List<JournalRecord> records = new ArrayList<>();
        if (Files.exists(file)) {
            try {
                for (JsonNode node : JSON.readTree(Files.readString(file, StandardCharsets.UTF_8)).path("records")) {
                    records.add(record(node));
                }
            } catch (IOException e) {
                throw new UnreadableInputException("The journal " + file + " cannot be read (" + e.getMessage()
                        + "): move it aside to start a new one; undo will not know the writes it held.");
            }
        }
        return new Journal(file, records);
    }

    public Path file() {
        return file;
    }

    public synchronized List<JournalRecord> records() {
        return List.copyOf(records);
    }

    /** Starts a record; it is saved with its first entry. */
    public synchronized JournalRecord begin(String kind, String account, String role, String appliance, String undoes) {
        JournalRecord record = new JournalRecord(UUID.randomUUID().toString(), Instant.now().truncatedTo(ChronoUnit.SECONDS)
                .toString(), kind, account, role, appliance, undoes, List.of());
        records.add(record);
        return record;
    }

    /** Saves an entry as pending before its call; returns its index in the record. */
    public synchronized int write(JournalRecord record, JournalEntry entry) {
        record.entries().add(entry.with(JournalEntry.State.PENDING));
        save();
        return record.entries().size() - 1;
    }

    public synchronized void mark(JournalRecord record, int index, JournalEntry.State state) {
        record.entries().set(index, record.entries().get(index).with(state));
        save();
    }

    /** The newest fix or create-role record with applied writes that no undo has reverted yet. */
    public synchronized Optional<JournalRecord> lastUndoable() {
        for (int i = records.size() - 1; i >= 0; i--) {
            JournalRecord record = records.get(i);
            if (!record.kind().equals("undo") && !record.applied().isEmpty() && records.stream()
                    .noneMatch(r -> record.id().equals(r.undoes()) && !r.applied().isEmpty())) {
                return Optional.of(record);
            }
        }
        return Optional.empty();
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ArrayNode array = root.putArray("records");
        for (JournalRecord record : records) {
            if (record.entries().isEmpty()) {
                continue;
            }
            ObjectNode node = array.addObject();
            node.put("id", record.id());
            node.put("time", record.time());
            node.put("kind", record.kind());
            node.put("account", record.account());
            node.put("role", record.role());
            node.put("appliance", record.appliance());
            if (record.undoes() != null) {
                node.put("undoes", record.undoes());
            }
            ArrayNode entries = node.putArray("entries");
            for (JournalEntry entry : record.entries()) {
                ObjectNode e = entries.addObject();
                e.put("action", entry.action());
                e.put("state", entry.state().name());
                e.set("parameters", entry.parameters());
                if (entry.before() != null) {
                    e.set("before", entry.before());
                }
                if (entry.after() != null) {
                    e.set("after", entry.after());
                }
            }
        }
        try {
            AtomicFile.write(file, JSON.writeValueAsString(root), AtomicFile.OWNER_ONLY);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The journal cannot be written as JSON", e);
        } catch (IOException e) {
            throw new UnreadableInputException("The journal " + file + " cannot be written (" + e.getMessage()
                    + "), so nothing is changed in AWS: check that the folder is writable.");
        }
    }

    private static JournalRecord record(JsonNode node) {
        List<JournalEntry> entries = new ArrayList<>();
        for (JsonNode e : node.path("entries")) {
            entries.add(new JournalEntry(e.path("action").asText(), (ObjectNode) e.path("parameters"),
                    e.get("before") instanceof ObjectNode b ? b : null, e.get("after") instanceof ObjectNode a ? a : null,
                    JournalEntry.State.valueOf(e.path("state").asText("PENDING"))));
        }
        return new JournalRecord(node.path("id").asText(), node.path("time").asText(), node.path("kind").asText(),
                node.path("account").asText(), node.path("role").asText(), node.path("appliance").asText(),
                node.path("undoes").asText(null), entries);
    }
}
