package com.workerrolewizard.core.account;

import com.workerrolewizard.core.policy.PolicyDocument;

/**
 * A permissions document of a role: inline, attached managed (its default version), or the role's
 * permissions boundary.
 */
public record IdentityPolicy(Kind kind, String name, String arn, String versionId, Known<PolicyDocument> document) {

    public enum Kind {
        INLINE,
        MANAGED,
        BOUNDARY
    }

    public static IdentityPolicy inline(String name, PolicyDocument document) {
        return new IdentityPolicy(Kind.INLINE, name, null, null, Known.of(document));
    }

    /** How a detail names it: {@code inline policy "x"}, {@code managed policy "y"}. */
    public String label() {
        return switch (kind) {
            case INLINE -> "inline policy \"" + name + "\"";
            case MANAGED -> "managed policy \"" + name + "\"";
            case BOUNDARY -> "the permissions boundary \"" + name + "\"";
        };
    }
}
