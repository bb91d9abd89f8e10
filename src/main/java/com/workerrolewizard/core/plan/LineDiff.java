package com.workerrolewizard.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two small texts (policy documents) as typed lines, for a view to colour: unchanged lines far from
 * any change fold into one gap line, so an admin sees each change with a few lines of context around it.
 */
public final class LineDiff {
    private LineDiff() {}

    /** One line of a diff; a {@link Kind#GAP} stands for {@code folded} unchanged lines and has no text. */
    public record Line(Kind kind, String text, int folded) {
        public static Line same(String text) {
            return new Line(Kind.SAME, text, 0);
        }

        public static Line removed(String text) {
            return new Line(Kind.REMOVED, text, 0);
        }

        public static Line added(String text) {
            return new Line(Kind.ADDED, text, 0);
        }

        public boolean changed() {
            return kind == Kind.REMOVED || kind == Kind.ADDED;
        }
    }

    public enum Kind {
        SAME,
        REMOVED,
        ADDED,
        GAP
    }

    /** Every line of both texts, each unchanged, removed or added (a longest-common-subsequence diff). */
    public static List<Line> full(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                out.add(Line.same(a.get(i++)));
                j++;
            } else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
                out.add(Line.removed(a.get(i++)));
            } else {
                out.add(Line.added(b.get(j++)));
            }
        }
        return out;
    }

    /**
     * The changed lines with {@code context} unchanged lines before and after each; longer runs of unchanged lines
     * become one gap line saying how many were folded (a run of one line is shown). Two texts that are equal give one gap line (or none if empty).
     */
    public static List<Line> withContext(String before, String after, int context) {
        List<Line> all = full(before, after);
        boolean[] keep = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).changed()) {
                for (int k = Math.max(0, i - context); k <= Math.min(all.size() - 1, i + context); k++) {
                    keep[k] = true;
                }
            }
        }
        List<Line> out = new ArrayList<>();
        int folded = 0;
        for (int i = 0; i < all.size(); i++) {
            if (keep[i]) {
                fold(out, all, i, folded);
                folded = 0;
                out.add(all.get(i));
            } else {
                folded++;
            }
        }
        fold(out, all, all.size(), folded);
        return out;
    }

    /** The {@code folded} lines before {@code end} as one gap line; a single line is shown, a gap would not be shorter. */
    private static void fold(List<Line> out, List<Line> all, int end, int folded) {
        if (folded == 1) {
            out.add(all.get(end - 1));
        } else if (folded > 1) {
            out.add(new Line(Kind.GAP, "", folded));
        }
    }
}
