package com.workerrolewizard.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.core.policy.PolicyJson;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IAM's rules for names, paths and document sizes, checked before a plan would run so that a plan never
 * holds a request IAM would reject. Sizes count characters without whitespace, as IAM does.
 */
public final class IamLimits {
    public static final int INLINE_POLICIES_PER_ROLE = 10_240;
    public static final int MANAGED_POLICY_SIZE = 6_144;
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]+/");
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
    private static final Pattern DESCRIPTION =
            Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*");

    private IamLimits() {}

    public static Optional<String> roleName(String name) {
        return name("Role name", name, 64);
    }

    public static Optional<String> instanceProfileName(String name) {
        return name("Instance profile name", name, 128);
    }

    public static Optional<String> policyName(String name) {
        return name("Policy name", name, 128);
    }

    private static Optional<String> name(String what, String name, int max) {
        if (name == null
                || name.isEmpty()
                || name.length() > max
                || !NAME.matcher(name).matches()) {
            return Optional.of(what + " \"" + (name == null ? "" : name) + "\" is not valid: use 1 to " + max
                    + " letters, digits and + = , . @ _ - (no spaces).");
        }
        return Optional.empty();
    }

    public static Optional<String> path(String path) {
        if (path == null || path.length() > 512 || !PATH.matcher(path).matches()) {
            return Optional.of("Path \"" + path + "\" is not valid: it starts and ends with / (such as /veeam/), "
                    + "holds no spaces, and has at most 512 characters.");
        }
        return Optional.empty();
    }

    public static Optional<String> description(String description) {
        if (description == null) {
            return Optional.empty();
        }
        if (description.length() > 1000 || !DESCRIPTION.matcher(description).matches()) {
            return Optional.of("The description is not valid: at most 1,000 characters of Latin-1 text.");
        }
        return Optional.empty();
    }

    public static Optional<String> maxSessionDuration(Integer seconds) {
        if (seconds != null && (seconds < 3600 || seconds > 43200)) {
            return Optional.of(
                    "The maximum session duration " + seconds + " is out of range: give 3600 to 43200 seconds.");
        }
        return Optional.empty();
    }

    /**
     * A permissions boundary is a managed policy: {@code arn:PARTITION:iam::ACCOUNT:policy/PATH/NAME}, of an account or
     * AWS's own ({@code aws} in place of the account). Empty (no boundary) is fine.
     */
    public static Optional<String> permissionsBoundary(String arn) {
        if (arn == null || arn.isBlank()) {
            return Optional.empty();
        }
        boolean policy = com.workerrolewizard.core.arn.Arn.parse(arn.strip())
                .filter(a -> a.service().equals("iam")
                        && a.region().isEmpty()
                        && (a.account().equals("aws") || com.workerrolewizard.core.arn.Arn.isAccountId(a.account()))
                        && a.resource().startsWith("policy/")
                        && a.resource().length() > "policy/".length())
                .isPresent();
        return policy
                ? Optional.empty()
                : Optional.of("The permissions boundary \"" + arn.strip() + "\" is not a managed "
                        + "policy ARN such as arn:aws:iam::123456789012:policy/NAME.");
    }

    /**
     * Tags written as {@code KEY=VALUE}, one per entry (blank entries skipped, spaces around key and value dropped);
     * one sentence for an entry that is not one.
     */
    public static List<IamOperation.Tag> parseTags(List<String> entries) {
        List<IamOperation.Tag> tags = new java.util.ArrayList<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new com.workerrolewizard.core.UserFacingException(
                        "Tag \"" + entry.strip() + "\" is not KEY=VALUE: " + "write it as team=backup.");
            }
            tags.add(new IamOperation.Tag(
                    entry.substring(0, equals).strip(),
                    entry.substring(equals + 1).strip()));
        }
        return tags;
    }

    public static Optional<String> tags(List<IamOperation.Tag> tags) {
        if (tags.size() > 50) {
            return Optional.of("A role holds at most 50 tags, not " + tags.size() + ".");
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (IamOperation.Tag tag : tags) {
            if (!keys.add(tag.key().toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of("Tag key \"" + tag.key()
                        + "\" is given twice (tag keys are unique regardless of case): " + "keep one.");
            }
            if (!TAG_TEXT.matcher(tag.key()).matches()
                    || !TAG_TEXT.matcher(tag.value()).matches()) {
                return Optional.of(
                        "Tag \"" + tag.key() + "\" is not valid: keys and values hold letters, digits, spaces "
                                + "and _ . : / = + - @ only.");
            }
            if (tag.key().isEmpty()
                    || tag.key().length() > 128
                    || tag.key().startsWith("aws:")
                    || tag.value().length() > 256) {
                return Optional.of("Tag \"" + tag.key() + "\" is not valid: keys have 1 to 128 characters and do not "
                        + "start with aws:, values at most 256.");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> trustPolicySize(JsonNode document, int quota) {
        int size = PolicyJson.iamSize(document);
        if (size > quota) {
            return Optional.of("The trust policy would be " + size + " characters, over the account's quota of "
                    + String.format("%,d", quota)
                    + ": remove statements that are no longer needed, or ask AWS to raise "
                    + "the role trust policy length quota (up to 4,096).");
        }
        return Optional.empty();
    }

    public static Optional<String> inlinePoliciesSize(int existing, JsonNode added) {
        int total = existing + PolicyJson.iamSize(added);
        if (total > INLINE_POLICIES_PER_ROLE) {
            return Optional.of("The role's inline policies would total " + String.format("%,d", total)
                    + " characters, over IAM's limit of 10,240: use a managed policy (--permissions managed) instead.");
        }
        return Optional.empty();
    }

    public static Optional<String> managedPolicySize(JsonNode document) {
        int size = PolicyJson.iamSize(document);
        if (size > MANAGED_POLICY_SIZE) {
            return Optional.of("The managed policy would be " + size + " characters, over IAM's limit of 6,144.");
        }
        return Optional.empty();
    }
}
