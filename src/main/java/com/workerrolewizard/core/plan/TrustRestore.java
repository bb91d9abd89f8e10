package com.workerrolewizard.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Undo of a trust policy change, on the policy as it is now: when nobody touched it since, it goes back
 * exactly to what it was; when someone did, only the statements the change appended are taken out, and
 * their edits stay.
 */
public final class TrustRestore {
    private TrustRestore() {}

    public static ObjectNode restore(ObjectNode current, ObjectNode before, ObjectNode after) {
        if (current.equals(after)) {
            return before.deepCopy();
        }
        List<JsonNode> appended = statements(after);
        for (JsonNode original : statements(before)) {
            appended.remove(original);
        }
        ObjectNode restored = current.deepCopy();
        JsonNode statement = restored.get("Statement");
        if (statement instanceof ArrayNode array) {
            for (JsonNode added : appended) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).equals(added) && array.size() > 1) {
                        array.remove(i);
                        break;
                    }
                }
            }
        }
        return restored;
    }

    private static List<JsonNode> statements(ObjectNode document) {
        List<JsonNode> list = new ArrayList<>();
        JsonNode statement = document.get("Statement");
        if (statement instanceof ArrayNode array) {
            array.forEach(list::add);
        } else if (statement != null) {
            list.add(statement);
        }
        return list;
    }
}
