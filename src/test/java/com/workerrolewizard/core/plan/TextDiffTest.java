package com.workerrolewizard.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The line diff a plan shows for a trust policy: every line of both texts, each marked {@code "  "}
 * (kept), {@code "+ "} (added) or {@code "- "} (removed), as few marked lines as possible.
 */
class TextDiffTest {

    static String text(String... lines) {
        return Stream.of(lines).map(l -> l + "\n").reduce("", String::concat);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("identical", text("a", "b", "c"), text("a", "b", "c"), List.of("  a", "  b", "  c")),
                Arguments.of("both empty", "", "", List.of()),
                Arguments.of("everything added", "", text("a", "b"), List.of("+ a", "+ b")),
                Arguments.of("everything removed", text("a", "b"), "", List.of("- a", "- b")),
                Arguments.of(
                        "a line added in the middle",
                        text("a", "c"),
                        text("a", "b", "c"),
                        List.of("  a", "+ b", "  c")),
                Arguments.of("lines added at the end", text("a"), text("a", "b", "c"), List.of("  a", "+ b", "+ c")),
                Arguments.of("a line added at the start", text("b"), text("a", "b"), List.of("+ a", "  b")),
                Arguments.of(
                        "a line removed in the middle",
                        text("a", "b", "c"),
                        text("a", "c"),
                        List.of("  a", "- b", "  c")),
                Arguments.of("a missing last newline changes nothing", "a\nb", text("a", "b"), List.of("  a", "  b")),
                Arguments.of("Windows line ends read as lines", "a\r\nb\r\n", text("a", "b"), List.of("  a", "  b")),
                Arguments.of(
                        "indentation is part of the line", text("  x"), text("    x"), List.of("-   x", "+     x")),
                Arguments.of(
                        "a JSON statement appended",
                        text("[", "    {", "        \"a\": 1", "    }", "]"),
                        text("[", "    {", "        \"a\": 1", "    },", "    {", "        \"b\": 2", "    }", "]"),
                        List.of(
                                "  [",
                                "      {",
                                "          \"a\": 1",
                                "+     },",
                                "+     {",
                                "+         \"b\": 2",
                                "      }",
                                "  ]")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void table(String name, String before, String after, List<String> expected) {
        assertThat(TextDiff.lines(before, after)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aChangedLineIsShownOnceAsRemovedAndOnceAsAdded(
            String name, String before, String after, List<String> expected) {
        List<String> diff = TextDiff.lines(before, after);
        assertThat(diff.stream().filter(l -> l.startsWith("- ")).count()
                        + diff.stream().filter(l -> l.startsWith("  ")).count())
                .isEqualTo(before.lines().count());
        assertThat(diff.stream().filter(l -> l.startsWith("+ ")).count()
                        + diff.stream().filter(l -> l.startsWith("  ")).count())
                .isEqualTo(after.lines().count());
    }

    // ---------------------------------------------------------------- properties

    /** Texts of up to 12 lines over a small alphabet, so that lines repeat and match often. */
    @Provide
    Arbitrary<List<String>> texts() {
        return Arbitraries.of("{", "}", "},", "[", "]", "\"a\": 1", "\"b\": 2", "", "    x")
                .list()
                .ofMaxSize(12);
    }

    static List<String> side(List<String> diff, String keep) {
        List<String> out = new ArrayList<>();
        for (String line : diff) {
            if (line.startsWith("  ") || line.startsWith(keep)) {
                out.add(line.substring(2));
            }
        }
        return out;
    }

    static int longestCommonSubsequence(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }

    static String join(List<String> lines) {
        return String.join("\n", lines) + (lines.isEmpty() ? "" : "\n");
    }

    @Property(tries = 1000)
    void bothTextsCanBeReadBackFromTheDiff(@ForAll("texts") List<String> before, @ForAll("texts") List<String> after) {
        List<String> diff = TextDiff.lines(join(before), join(after));
        assertThat(diff).allSatisfy(l -> assertThat(l).matches("(?s)^(  |\\+ |- ).*"));
        assertThat(side(diff, "- ")).containsExactlyElementsOf(before);
        assertThat(side(diff, "+ ")).containsExactlyElementsOf(after);
    }

    @Property(tries = 1000)
    void theDiffKeepsAsManyLinesAsPossible(@ForAll("texts") List<String> before, @ForAll("texts") List<String> after) {
        List<String> diff = TextDiff.lines(join(before), join(after));
        long kept = diff.stream().filter(l -> l.startsWith("  ")).count();
        assertThat(kept).isEqualTo(longestCommonSubsequence(before, after));
    }

    @Property(tries = 1000)
    void pureInsertionsShowNoRemovedLine(
            @ForAll("texts") List<String> before, @ForAll("texts") List<String> inserted, @ForAll("positions") int at) {
        int position = before.isEmpty() ? 0 : at % (before.size() + 1);
        List<String> after = new ArrayList<>(before.subList(0, position));
        after.addAll(inserted);
        after.addAll(before.subList(position, before.size()));
        List<String> diff = TextDiff.lines(join(before), join(after));
        assertThat(diff).noneMatch(l -> l.startsWith("- "));
        assertThat(diff.stream().filter(l -> l.startsWith("+ ")).count()).isEqualTo(inserted.size());
    }

    @Property(tries = 300)
    void aTextComparedWithItselfIsAllKept(@ForAll("texts") List<String> lines) {
        assertThat(TextDiff.lines(join(lines), join(lines)))
                .containsExactlyElementsOf(lines.stream().map(l -> "  " + l).toList());
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1000);
    }
}
