package com.workerrolewizard.core.policy;

/** What a document is for decides which elements IAM requires in its statements. */
public enum PolicyKind {
    /** A role's trust policy: every statement names a Principal (or NotPrincipal). */
    TRUST("trust policy"),
    /** A permissions policy or boundary: every statement names a Resource (or NotResource). */
    IDENTITY("permissions policy");

    private final String label;

    PolicyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
