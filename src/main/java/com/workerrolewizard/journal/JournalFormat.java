package com.workerrolewizard.journal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The journal file's schema, read strictly: format 2 (this version's), and format 1 (the first version's), which
 * is upgraded as it is read and written back as format 2. Anything else is a {@link Problem} naming the spot, so
 * a file this version does not understand is never taken for an empty journal and overwritten.
 */
final class JournalFormat {
    static final int CURRENT = 2;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Set<String> KINDS = Set.of("fix", "create-role", "undo");
    private static final Set<String> WRITES = Set.of(
            "CreateRole",
            "UpdateAssumeRolePolicy",
            "CreateInstanceProfile",
            "AddRoleToInstanceProfile",
            "PutRolePolicy",
            "CreatePolicy",
            "AttachRolePolicy");
    private static final Set<String> REVERTS = Set.of(
            "DeleteRole",
            "UpdateAssumeRolePolicy",
            "DeleteInstanceProfile",
            "RemoveRoleFromInstanceProfile",
            "DeleteRolePolicy",
            "DeletePolicy",
            "DetachRolePolicy");

    /** What is wrong with the file, in words that name the spot (never the JSON library's). */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    private JournalFormat() {}

    static List<JournalRecord> read(String text) throws Problem {
        if (text.isBlank()) {
            throw new Problem("it is empty");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new Problem("it is not valid JSON"
                    + (at == null || at.getLineNr() < 1
                            ? ""
                            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!(root instanceof ObjectNode object)) {
            throw new Problem("it holds " + shape(root) + ", not the journal's object");
        }
        JsonNode format = object.get("format");
        if (format == null) {
            throw new Problem("it has no \"format\"");
        }
        if (!format.isIntegralNumber()
                || !format.canConvertToInt()
                || format.intValue() < 1
                || format.intValue() > CURRENT) {
            throw new Problem(
                    "its \"format\" is " + quote(format) + ", which this version does not know (it reads 1 and "
                            + CURRENT + "; a newer version of the program may have written it)");
        }
        int version = format.intValue();
        only(object, "", Set.of("format", "records"));
        List<JournalRecord> records = new ArrayList<>();
        int i = 0;
        for (JsonNode node : array(object, "records", "")) {
            records.add(record(node, "records[" + i++ + "]", version));
        }
        if (version == 1) {
            FormatOneUpgrade.apply(records);
        }
        return records;
    }

    static String write(List<JournalRecord> records) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", CURRENT);
        ArrayNode array = root.putArray("records");
        for (JournalRecord record : records) {
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
            if (record.writer() != null) {
                node.putObject("writer")
                        .put("pid", record.writer().pid())
                        .put("started", record.writer().started());
            }
            node.put("open", record.open());
            ArrayNode entries = node.putArray("entries");
            for (JournalEntry entry : record.entries()) {
                ObjectNode e = entries.addObject();
                e.put("action", entry.action());
                e.put("state", entry.state().name());
                e.put("time", entry.time());
                e.set("parameters", entry.parameters());
                if (entry.before() != null) {
                    e.set("before", entry.before());
                }
                if (entry.after() != null) {
                    e.set("after", entry.after());
                }
                if (entry.reverts() != null) {
                    e.put("reverts", entry.reverts());
                }
                if (entry.detail() != null) {
                    e.put("detail", entry.detail());
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A journal of plain JSON nodes is always written", e);
        }
    }

    private static JournalRecord record(JsonNode node, String at, int version) throws Problem {
        ObjectNode object = object(node, at);
        only(
                object,
                at,
                version == 1
                        ? Set.of("id", "time", "kind", "account", "role", "appliance", "undoes", "entries")
                        : Set.of(
                                "id",
                                "time",
                                "kind",
                                "account",
                                "role",
                                "appliance",
                                "undoes",
                                "writer",
                                "open",
                                "entries"));
        String kind = text(object, "kind", at, true);
        if (!KINDS.contains(kind)) {
            throw new Problem(at + ".kind is " + quote(object.get("kind")) + ", not fix, create-role or undo");
        }
        String time = text(object, "time", at, true);
        JournalRecord.Writer writer = null;
        boolean open = false;
        if (version >= 2) {
            if (object.get("writer") != null) {
                ObjectNode w = object(object.get("writer"), at + ".writer");
                only(w, at + ".writer", Set.of("pid", "started"));
                JsonNode pid = w.get("pid");
                if (pid == null || !pid.isIntegralNumber() || !pid.canConvertToLong() || pid.longValue() < 0) {
                    throw new Problem(at + ".writer.pid is " + quote(pid) + ", not a process number");
                }
                writer = new JournalRecord.Writer(pid.longValue(), text(w, "started", at + ".writer", true));
            }
            JsonNode openNode = object.get("open");
            if (openNode != null && !openNode.isBoolean()) {
                throw new Problem(at + ".open is " + quote(openNode) + ", not true or false");
            }
            open = openNode != null && openNode.booleanValue();
        }
        List<JournalEntry> entries = new ArrayList<>();
        int i = 0;
        for (JsonNode e : array(object, "entries", at)) {
            entries.add(entry(e, at + ".entries[" + i++ + "]", version, kind.equals("undo") ? REVERTS : WRITES, time));
        }
        return new JournalRecord(
                text(object, "id", at, true),
                time,
                kind,
                text(object, "account", at, true),
                text(object, "role", at, true),
                text(object, "appliance", at, true),
                text(object, "undoes", at, false),
                writer,
                open,
                entries);
    }

    private static JournalEntry entry(JsonNode node, String at, int version, Set<String> actions, String recordTime)
            throws Problem {
        ObjectNode object = object(node, at);
        only(
                object,
                at,
                version == 1
                        ? Set.of("action", "state", "parameters", "before", "after")
                        : Set.of("action", "state", "time", "parameters", "before", "after", "reverts", "detail"));
        String action = text(object, "action", at, true);
        if (!actions.contains(action)) {
            throw new Problem(at + ".action is " + quote(object.get("action")) + ", not a write this version makes");
        }
        ObjectNode parameters = object(object.get("parameters"), at + ".parameters");
        for (Iterator<String> names = parameters.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!parameters.get(name).isTextual()) {
                throw new Problem(at + ".parameters." + name + " is " + quote(parameters.get(name)) + ", not text");
            }
        }
        ObjectNode before = optionalObject(object, "before", at);
        ObjectNode after = optionalObject(object, "after", at);
        String stateText = text(object, "state", at, true);
        JournalEntry.State state = state(stateText, version);
        if (state == null) {
            throw new Problem(at + ".state is " + quote(object.get("state")) + ", not a state this version knows");
        }
        Integer reverts = null;
        JsonNode revertsNode = object.get("reverts");
        if (revertsNode != null) {
            if (!revertsNode.isIntegralNumber() || !revertsNode.canConvertToInt() || revertsNode.intValue() < 0) {
                throw new Problem(at + ".reverts is " + quote(revertsNode) + ", not the index of a write");
            }
            reverts = revertsNode.intValue();
        }
        String time = version == 1 ? recordTime : text(object, "time", at, true);
        String detail = version == 1 && stateText.equals("FAILED")
                ? "recorded as failed by an earlier version, which did not tell a refusal from a timeout"
                : text(object, "detail", at, false);
        return new JournalEntry(action, parameters, before, after, state, time, detail, reverts);
    }

    /** A state's name in the file: format 1 knew FAILED (which may hide a write that landed) and UNDONE. */
    private static JournalEntry.State state(String name, int version) {
        if (version == 1) {
            return switch (name) {
                case "PENDING" -> JournalEntry.State.PENDING;
                case "APPLIED" -> JournalEntry.State.APPLIED;
                case "FAILED" -> JournalEntry.State.UNKNOWN;
                case "SKIPPED" -> JournalEntry.State.SKIPPED;
                case "UNDONE" -> JournalEntry.State.REVERTED;
                default -> null;
            };
        }
        for (JournalEntry.State state : JournalEntry.State.values()) {
            if (state.name().equals(name)) {
                return state;
            }
        }
        return null;
    }

    private static void only(ObjectNode object, String at, Set<String> known) throws Problem {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new Problem((at.isEmpty() ? "" : at + " ") + "has a field " + quote(TextNode.valueOf(name))
                        + " this version does not know");
            }
        }
    }

    private static ObjectNode object(JsonNode node, String at) throws Problem {
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new Problem(at + " is " + (node == null ? "missing" : shape(node)) + ", not an object");
    }

    private static ObjectNode optionalObject(ObjectNode parent, String field, String at) throws Problem {
        JsonNode node = parent.get(field);
        return node == null || node.isNull() ? null : object(node, at + "." + field);
    }

    private static ArrayNode array(ObjectNode parent, String field, String at) throws Problem {
        JsonNode node = parent.get(field);
        if (node instanceof ArrayNode array) {
            return array;
        }
        String where = at.isEmpty() ? "\"" + field + "\"" : at + "." + field;
        throw new Problem(where + " is " + (node == null ? "missing" : shape(node)) + ", not a list");
    }

    private static String text(ObjectNode parent, String field, String at, boolean required) throws Problem {
        JsonNode node = parent.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw new Problem(at + "." + field + " is missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new Problem(at + "." + field + " is " + quote(node) + ", not text");
        }
        return node.textValue();
    }

    private static String shape(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.isTextual()
                ? "text"
                : node.isNumber() ? "a number" : node.isBoolean() ? "true or false" : "a value";
    }

    /** A value from the file as JSON writes it (control characters escaped), cut short. */
    private static String quote(JsonNode node) {
        if (node == null) {
            return "missing";
        }
        if (node.isContainerNode()) {
            return shape(node);
        }
        StringBuilder text = new StringBuilder();
        node.toString()
                .codePoints()
                .limit(60)
                .forEach(c -> text.append(
                        Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                                ? String.format("\\u%04X", c)
                                : Character.toString(c)));
        return node.toString().codePointCount(0, node.toString().length()) > 60 ? text + "..." : text.toString();
    }
}
