package com.workerrolewizard.core.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.BoundedInput;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.MalformedPolicyException;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.policy.PolicyText;
import com.workerrolewizard.core.policy.Statement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The actions the worker role must be allowed, in order. The built-in catalog is the page's 33; a newer
 * vendor version that adds actions is a file given with {@code --catalog}: one action per line
 * ({@code #} starts a comment), a JSON array of action names, or a permissions policy whose Allow
 * statements list them (the page's JSON pasted as it is).
 */
public record ActionCatalog(String source, List<String> actions) {
    public static final String BUILT_IN = "the Veeam Backup for AWS page";
    private static final Pattern ACTION = Pattern.compile("[A-Za-z0-9-]+:[A-Za-z0-9]+");

    public ActionCatalog {
        actions = List.copyOf(actions);
    }

    public int size() {
        return actions.size();
    }

    /** Reads the file within {@link BoundedInput#CATALOG}'s limits (a pipe too), then parses it. */
    public static ActionCatalog read(Path file) {
        return parse(BoundedInput.read(file, BoundedInput.CATALOG), file.toString());
    }

    public static ActionCatalog parse(String text, String source) {
        // A byte-order mark (Windows editors) and non-breaking spaces (pasted from a web page) are not content.
        text = PolicyText.normalizeWhitespace(text.startsWith("\uFEFF") ? text.substring(1) : text);
        String trimmed = text.strip();
        List<Entry> entries =
                trimmed.startsWith("{") || trimmed.startsWith("[") ? fromJson(trimmed, source) : fromLines(text);
        if (entries.isEmpty()) {
            throw new UserFacingException(
                    "Catalog " + source + " lists no actions: put one action per line, " + "such as ssm:GetDocument.");
        }
        Set<String> seen = new HashSet<>();
        List<String> actions = new ArrayList<>();
        for (Entry entry : entries) {
            if (!ACTION.matcher(entry.action).matches()) {
                throw new UserFacingException("Catalog " + source + ", " + entry.where + ": \"" + entry.action
                        + "\" is not an action name: write service:Action, such as ssm:GetDocument"
                        + (entry.action.contains("*") || entry.action.contains("?")
                                ? " (wildcards are not allowed)."
                                : "."));
            }
            if (!seen.add(entry.action.toLowerCase(Locale.ROOT))) {
                throw new UserFacingException(
                        "Catalog " + source + ", " + entry.where + ": " + entry.action + " is listed twice; keep one.");
            }
            actions.add(entry.action);
        }
        return new ActionCatalog(source, actions);
    }

    private record Entry(String action, String where) {}

    private static List<Entry> fromLines(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int comment = line.indexOf('#');
            String action = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!action.isEmpty()) {
                entries.add(new Entry(action, "line " + (i + 1)));
            }
        }
        return entries;
    }

    private static List<Entry> fromJson(String text, String source) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserFacingException("Catalog " + source + " is not valid JSON" + Json.explain(e) + ".");
        }
        List<Entry> entries = new ArrayList<>();
        if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                entries.add(new Entry(root.get(i).asText(root.get(i).toString()), "item " + (i + 1)));
            }
            return entries;
        }
        try {
            PolicyDocument policy = PolicyDocument.parse(text, PolicyKind.IDENTITY);
            for (Statement statement : policy.statements()) {
                if (statement.allow() && !statement.actions().negated()) {
                    statement.actions().values().forEach(a -> entries.add(new Entry(a, statement.label())));
                }
            }
            return entries;
        } catch (MalformedPolicyException e) {
            throw new UserFacingException(
                    "Catalog " + source + " is not a valid permissions policy: " + e.getMessage());
        }
    }
}
