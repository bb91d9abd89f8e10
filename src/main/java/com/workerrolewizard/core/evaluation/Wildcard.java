package com.workerrolewizard.core.evaluation;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (none included), {@code ?} exactly
 * one. Linear in practice and never worse than pattern length times text length, so hostile patterns
 * cannot hang a check.
 */
public final class Wildcard {
    private Wildcard() {
    }

    /** Action names: IAM compares them without regard to case. */
    public static boolean matchesAction(String pattern, String action) {
        return matches(pattern, action, true);
    }

    /** Resource ARNs: IAM compares them as written. */
    public static boolean matchesResource(String pattern, String resource) {
        return matches(pattern, resource, false);
    }

    public static boolean matches(String pattern, String text, boolean ignoreCase) {
        int p = 0;
        int t = 0;
        int starAt = -1;
        int resumeAt = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starAt = p++;
                resumeAt = t;
            } else if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
                p++;
                t++;
            } else if (starAt >= 0) {
                p = starAt + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase && (Character.toLowerCase(a) == Character.toLowerCase(b)
                || Character.toUpperCase(a) == Character.toUpperCase(b));
    }
}
