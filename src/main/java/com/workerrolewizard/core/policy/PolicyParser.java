package com.workerrolewizard.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads policy JSON the way IAM accepts it, and names the first thing IAM would reject. */
final class PolicyParser {
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private PolicyParser() {}

    static PolicyDocument parse(String text, PolicyKind kind) {
        String json = PolicyText.normalizeWhitespace(PolicyText.decode(text));
        if (json.isBlank()) {
            throw new MalformedPolicyException("The " + kind.label() + " is empty.");
        }
        JsonNode root = readTree(json, kind);
        if (!root.isObject()) {
            throw new MalformedPolicyException(
                    "The " + kind.label() + " must be a JSON object, not " + describe(root) + ".");
        }
        ObjectNode document = (ObjectNode) root;
        String version = null;
        JsonNode versionNode = document.get("Version");
        if (versionNode != null) {
            if (!versionNode.isTextual() || !VERSIONS.contains(versionNode.asText())) {
                throw new MalformedPolicyException(
                        "Version " + versionNode + " is not a policy language version: " + "use \"2012-10-17\".");
            }
            version = versionNode.asText();
        }
        JsonNode statementNode = document.get("Statement");
        if (statementNode == null) {
            throw new MalformedPolicyException("The " + kind.label() + " has no Statement.");
        }
        List<Statement> statements = new ArrayList<>();
        if (statementNode.isObject()) {
            statements.add(statement(0, "Statement", (ObjectNode) statementNode, kind));
        } else if (statementNode.isArray()) {
            if (statementNode.isEmpty()) {
                throw new MalformedPolicyException("Statement is an empty array: IAM needs at least one statement.");
            }
            for (int i = 0; i < statementNode.size(); i++) {
                JsonNode element = statementNode.get(i);
                String where = "Statement[" + i + "]";
                if (!element.isObject()) {
                    throw new MalformedPolicyException(
                            where + " must be a JSON object, not " + describe(element) + ".");
                }
                statements.add(statement(i, where, (ObjectNode) element, kind));
            }
        } else {
            throw new MalformedPolicyException(
                    "Statement must be an object or an array of objects, not " + describe(statementNode) + ".");
        }
        return new PolicyDocument(kind, document, version, statements);
    }

    private static JsonNode readTree(String json, PolicyKind kind) {
        try {
            JsonNode root = Json.MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new MalformedPolicyException("The " + kind.label() + " is empty.");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MalformedPolicyException("The " + kind.label() + " is not valid JSON" + Json.explain(e) + ".");
        }
    }

    private static Statement statement(int index, String where, ObjectNode node, PolicyKind kind) {
        String sid = null;
        if (node.has("Sid")) {
            if (!node.get("Sid").isTextual()) {
                throw new MalformedPolicyException(where + ".Sid must be a string.");
            }
            sid = node.get("Sid").asText();
        }
        JsonNode effect = node.get("Effect");
        if (effect == null) {
            throw new MalformedPolicyException(where + " has no Effect: add \"Effect\": \"Allow\" or \"Deny\".");
        }
        if (!effect.isTextual()
                || !(effect.asText().equals("Allow") || effect.asText().equals("Deny"))) {
            throw new MalformedPolicyException(where + ".Effect must be \"Allow\" or \"Deny\", not " + effect + ".");
        }
        ValueList actions = valueList(node, where, "Action", "NotAction", true);
        ValueList resources = valueList(node, where, "Resource", "NotResource", kind == PolicyKind.IDENTITY);
        Principals principals = principals(node, where, kind == PolicyKind.TRUST);
        JsonNode condition = node.get("Condition");
        if (condition != null && !condition.isObject()) {
            throw new MalformedPolicyException(
                    where + ".Condition must be a JSON object, not " + describe(condition) + ".");
        }
        if (condition != null) {
            var operators = condition.fields();
            while (operators.hasNext()) {
                var operator = operators.next();
                if (!operator.getValue().isObject()) {
                    throw new MalformedPolicyException(
                            where + ".Condition." + operator.getKey() + " must be an object of "
                                    + "condition keys, such as {\"aws:SourceVpc\": \"vpc-1a2b3c4d\"}, not "
                                    + describe(operator.getValue()) + ".");
                }
            }
        }
        if (kind == PolicyKind.IDENTITY && (node.has("Principal") || node.has("NotPrincipal"))) {
            throw new MalformedPolicyException(where + " has a Principal, which a permissions policy cannot have: "
                    + "the role it is attached to is the principal.");
        }
        return new Statement(
                index,
                sid,
                effect.asText().equals("Allow"),
                actions,
                resources,
                principals,
                (ObjectNode) condition,
                node);
    }

    private static ValueList valueList(ObjectNode node, String where, String name, String notName, boolean required) {
        JsonNode plain = node.get(name);
        JsonNode negated = node.get(notName);
        if (plain != null && negated != null) {
            throw new MalformedPolicyException(where + " has both " + name + " and " + notName + ": keep one.");
        }
        if (plain == null && negated == null) {
            if (required) {
                throw new MalformedPolicyException(where + " has neither " + name + " nor " + notName + ".");
            }
            return null;
        }
        boolean isNot = plain == null;
        String path = where + "." + (isNot ? notName : name);
        List<String> values = strings(isNot ? negated : plain, path);
        if (values.isEmpty() && name.equals("Action")) {
            throw new MalformedPolicyException(
                    path + " is an empty array: IAM needs at least one action, such as " + "\"sts:AssumeRole\".");
        }
        return new ValueList(isNot, values);
    }

    private static List<String> strings(JsonNode value, String where) {
        List<String> values = new ArrayList<>();
        if (value.isTextual()) {
            values.add(value.asText());
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                if (!element.isTextual()) {
                    throw new MalformedPolicyException(
                            where + "[" + i + "] must be a string, not " + describe(element) + ".");
                }
                values.add(element.asText());
            }
        } else {
            throw new MalformedPolicyException(
                    where + " must be a string or an array of strings, not " + describe(value) + ".");
        }
        return values;
    }

    private static Principals principals(ObjectNode node, String where, boolean required) {
        JsonNode plain = node.get("Principal");
        JsonNode negated = node.get("NotPrincipal");
        if (plain != null && negated != null) {
            throw new MalformedPolicyException(where + " has both Principal and NotPrincipal: keep one.");
        }
        if (plain == null && negated == null) {
            if (required) {
                throw new MalformedPolicyException(
                        where + " has no Principal: a trust policy statement must say " + "who may assume the role.");
            }
            return null;
        }
        boolean isNot = plain == null;
        JsonNode value = isNot ? negated : plain;
        String path = where + "." + (isNot ? "NotPrincipal" : "Principal");
        if (value.isTextual()) {
            if (!value.asText().equals("*")) {
                throw new MalformedPolicyException(
                        path + " must be \"*\" or an object such as {\"AWS\": \"arn:...\"}, not " + value + ".");
            }
            return new Principals(isNot, true, Map.of());
        }
        if (!value.isObject()) {
            throw new MalformedPolicyException(
                    path + " must be \"*\" or an object such as {\"AWS\": \"arn:...\"}, not " + describe(value) + ".");
        }
        if (value.isEmpty()) {
            throw new MalformedPolicyException(path + " is an empty object: name who it applies to, such as "
                    + "{\"AWS\": \"arn:aws:iam::123456789012:role/NAME\"}.");
        }
        Map<String, List<String>> byType = new LinkedHashMap<>();
        var fields = value.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (!PRINCIPAL_TYPES.contains(field.getKey())) {
                throw new MalformedPolicyException(path + " has an unknown principal type \"" + field.getKey()
                        + "\": use AWS, Service, Federated or CanonicalUser.");
            }
            byType.put(field.getKey(), strings(field.getValue(), path + "." + field.getKey()));
        }
        return new Principals(isNot, false, byType);
    }

    static String describe(JsonNode node) {
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isTextual()) {
            return "the string " + node;
        }
        if (node.isNull()) {
            return "null";
        }
        if (node.isBoolean()) {
            return "the boolean " + node;
        }
        return "the number " + node;
    }
}
