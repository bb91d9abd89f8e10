package com.workerrolewizard.core.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A parsed IAM policy document. The JSON tree is kept as read, keys in their original order, so a
 * read-modify-write keeps everything the admin wrote (unknown keys included).
 */
public final class PolicyDocument {
    private final PolicyKind kind;
    private final ObjectNode json;
    private final String version;
    private final List<Statement> statements;

    PolicyDocument(PolicyKind kind, ObjectNode json, String version, List<Statement> statements) {
        this.kind = kind;
        this.json = json;
        this.version = version;
        this.statements = List.copyOf(statements);
    }

    public static PolicyDocument parse(String text, PolicyKind kind) {
        return PolicyParser.parse(text, kind);
    }

    public PolicyKind kind() {
        return kind;
    }

    /** The {@code Version}, or null when the document has none (IAM then reads it as 2008-10-17). */
    public String version() {
        return version;
    }

    public List<Statement> statements() {
        return statements;
    }

    /** A copy of the document's JSON, safe to change. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The document as compact JSON, keys in their original order. */
    public String toJson() {
        return json.toString();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
