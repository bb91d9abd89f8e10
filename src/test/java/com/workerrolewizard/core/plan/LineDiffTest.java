package com.workerrolewizard.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.plan.LineDiff.Kind;
import com.workerrolewizard.core.plan.LineDiff.Line;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The change preview's diff: both texts come back from it, and unchanged runs fold to context around each change. */
class LineDiffTest {

    private static String numbered(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    private static String side(List<Line> diff, Kind dropped) {
        return diff.stream()
                .filter(l -> l.kind() != dropped)
                .map(l -> l.text() + "\n")
                .collect(Collectors.joining());
    }

    @Property
    void theFullDiffGivesBackBothTexts(
            @ForAll @Size(max = 12) List<@IntRange(max = 4) Integer> a,
            @ForAll @Size(max = 12) List<@IntRange(max = 4) Integer> b) {
        String before = a.stream().map(i -> "x" + i + "\n").collect(Collectors.joining());
        String after = b.stream().map(i -> "x" + i + "\n").collect(Collectors.joining());
        List<Line> diff = LineDiff.full(before, after);
        assertThat(side(diff, Kind.ADDED)).isEqualTo(before);
        assertThat(side(diff, Kind.REMOVED)).isEqualTo(after);
    }

    @Test
    void aChangeInALongTextShowsThreeLinesAroundItAndFoldsTheRest() {
        String before = numbered(1, 20);
        String after = before.replace("line 10\n", "line 10\nline 10b\n");
        List<Line> diff = LineDiff.withContext(before, after, 3);
        assertThat(diff)
                .containsExactly(
                        new Line(Kind.GAP, "", 7),
                        Line.same("line 8"),
                        Line.same("line 9"),
                        Line.same("line 10"),
                        Line.added("line 10b"),
                        Line.same("line 11"),
                        Line.same("line 12"),
                        Line.same("line 13"),
                        new Line(Kind.GAP, "", 7));
    }

    @Test
    void twoChangesCloseTogetherShareTheirContext() {
        String before = numbered(1, 10);
        String after = before.replace("line 3\n", "line three\n").replace("line 6\n", "line six\n");
        List<Line> diff = LineDiff.withContext(before, after, 3);
        // The one unchanged line after the context is shown rather than folded: a gap would not be shorter.
        assertThat(diff).noneMatch(l -> l.kind() == Kind.GAP);
        assertThat(diff).hasSize(12);
        assertThat(diff).contains(Line.removed("line 3"), Line.added("line three"), Line.added("line six"));
    }

    @Test
    void equalTextsFoldToOneGapAndANewDocumentIsAllAdded() {
        assertThat(LineDiff.withContext("a\nb\n", "a\nb\n", 3)).containsExactly(new Line(Kind.GAP, "", 2));
        assertThat(LineDiff.full("", "{\n}\n")).containsExactly(Line.added("{"), Line.added("}"));
    }
}
