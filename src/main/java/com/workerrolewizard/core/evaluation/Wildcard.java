package com.workerrolewizard.core.evaluation;

/**
 * IAM's wildcard matching: {@code *} matches any run of characters (none included), {@code ?} exactly
 * one. Linear in practice and never worse than pattern length times text length, so hostile patterns
 * cannot hang a check.
 */
public final class Wildcard {
    private Wildcard() {}

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
            } else if (p < pattern.length()
                    && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t), ignoreCase))) {
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

    /**
     * Whether every text {@code template} can stand for is matched by {@code pattern}. In the template each
     * {@code *} is a part of unknown length (an ARN format's {@code ${Account}}), which only a {@code *} of the
     * pattern can cover. Sound: true means covered; an exotic cover made of several patterns together is not seen.
     */
    public static boolean covers(String pattern, String template) {
        int n = pattern.length();
        int m = template.length();
        // covered[i][j]: pattern from i covers template from j.
        boolean[][] covered = new boolean[n + 1][m + 1];
        covered[n][m] = true;
        for (int i = n - 1; i >= 0; i--) {
            char p = pattern.charAt(i);
            for (int j = m; j >= 0; j--) {
                if (p == '*') {
                    covered[i][j] = covered[i + 1][j] || (j < m && covered[i][j + 1]);
                } else if (j < m && template.charAt(j) != '*' && (p == '?' || p == template.charAt(j))) {
                    covered[i][j] = covered[i + 1][j + 1];
                }
            }
        }
        return covered[0][0];
    }

    /**
     * Whether some ARN matched by {@code pattern} is also one that {@code template} stands for. In the template each
     * {@code *} is a part of an ARN (an account, a region, a name), which never holds a colon; the pattern's
     * {@code *} matches any run of characters, as IAM's does. Resources are compared as written.
     */
    public static boolean intersects(String pattern, String template) {
        return intersects(pattern, template, true);
    }

    /** Whether some text is matched by both patterns, each {@code *} matching any run of characters. */
    public static boolean overlaps(String a, String b) {
        return intersects(a, b, false);
    }

    private static boolean intersects(String pattern, String template, boolean partsWithoutColon) {
        int n = pattern.length();
        int m = template.length();
        // both[i][j]: some text is matched by the pattern from i and by the template from j.
        boolean[][] both = new boolean[n + 1][m + 1];
        both[n][m] = true;
        for (int i = n; i >= 0; i--) {
            for (int j = m; j >= 0; j--) {
                if (i == n && j == m) {
                    continue;
                }
                boolean result = false;
                if (i < n && pattern.charAt(i) == '*') {
                    // the pattern's star matches nothing more, or one more character of what the template produces
                    result = both[i + 1][j] || (j < m && both[i][j + 1]);
                } else if (j < m && template.charAt(j) == '*') {
                    // the template's part ends, or produces the pattern's next character (never a colon)
                    result = both[i][j + 1]
                            || (i < n && (!partsWithoutColon || pattern.charAt(i) != ':') && both[i + 1][j]);
                } else if (i < n && j < m) {
                    char x = pattern.charAt(i);
                    char y = template.charAt(j);
                    result = (x == '?' || y == '?' || x == y) && both[i + 1][j + 1];
                }
                both[i][j] = result;
            }
        }
        return both[0][0];
    }

    private static boolean same(char a, char b, boolean ignoreCase) {
        if (a == b) {
            return true;
        }
        return ignoreCase
                && (Character.toLowerCase(a) == Character.toLowerCase(b)
                        || Character.toUpperCase(a) == Character.toUpperCase(b));
    }
}
