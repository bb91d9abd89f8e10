package com.workerrolewizard.core.account;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IAM's own rules for the names, paths and ARNs it returns, to tell a file IAM wrote from one that was edited or
 * forged. They are IAM's API patterns: a path may hold any character from ! to DEL ($, backticks, quotes and ; are
 * all valid), so what passes here is still escaped wherever it is written.
 */
final class IamNames {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007F]+/");
    /** An IAM ARN is built from a partition, an account, a path and a name: nothing outside ! to DEL. */
    private static final Pattern ARN = Pattern.compile("arn:[\\u0021-\\u007F]+");

    private IamNames() {}

    /** Why IAM would not take this role name, or empty. */
    static Optional<String> roleName(String name) {
        return name(name, 64);
    }

    static Optional<String> instanceProfileName(String name) {
        return name(name, 128);
    }

    static Optional<String> policyName(String name) {
        return name(name, 128);
    }

    private static Optional<String> name(String name, int max) {
        if (name.isEmpty() || name.length() > max || !NAME.matcher(name).matches()) {
            return Optional.of("1 to " + max + " letters, digits and + = , . @ _ -");
        }
        return Optional.empty();
    }

    static Optional<String> path(String path) {
        if (path.length() > 512 || !PATH.matcher(path).matches()) {
            return Optional.of("/ alone, or 1 to 510 characters from ! to DEL, no spaces, between two /");
        }
        return Optional.empty();
    }

    static Optional<String> arn(String arn) {
        if (arn.length() > 2048 || !ARN.matcher(arn).matches()) {
            return Optional.of("arn: followed by characters from ! to DEL, no spaces");
        }
        return Optional.empty();
    }
}
