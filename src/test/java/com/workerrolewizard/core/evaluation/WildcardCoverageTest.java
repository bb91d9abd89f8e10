package com.workerrolewizard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How far a NotResource pattern reaches into an ARN format: {@link Wildcard#covers} (every ARN of the format) and
 * {@link Wildcard#intersects} (some ARN of it), checked against brute force on a small alphabet, where a format's
 * {@code *} stands for any run of non-colon characters.
 */
class WildcardCoverageTest {

    @ParameterizedTest(name = "{0} vs {1}: covers {2}, intersects {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "arn:aws:sqs:*:*:*            | arn:aws:sqs:*:*:*                 | true  | true",
                "arn:aws:sqs:*                | arn:aws:sqs:*:*:*                 | true  | true",
                "arn:*:sqs:*:*:*              | arn:aws:sqs:*:*:*                 | true  | true",
                "arn:aws:sqs:us-east-1:1:q    | arn:aws:sqs:*:*:*                 | false | true",
                "arn:aws:sqs:??-west-1:*:*    | arn:aws:sqs:*:*:*                 | false | true",
                "arn:aws:s3:::b/*             | arn:aws:sqs:*:*:*                 | false | false",
                "arn:aws-cn:sqs:*:*:*         | arn:aws:sqs:*:*:*                 | false | false",
                "arn:aws:iam::*:role/*        | arn:aws:iam::*:role/*             | true  | true",
                "arn:aws:iam::*:role/*        | arn:aws:iam::*:user/*             | false | false",
                "arn:aws:iam::*:role/admin/*  | arn:aws:iam::*:role/*             | false | true",
                "arn:aws:ssm:*:*:document/*   | arn:aws:ssm:*:*:association/*     | false | false",
                "arn:aws:ssm:*:*:document/*   | arn:aws:ssm:*:*:document/*        | true  | true",
                "arn:aws:*                    | arn:aws:ec2:*:*:instance/*        | true  | true",
                "*                            | arn:aws:ec2:*:*:instance/*        | true  | true",
                "arn:aws:ec2:*:*:instance/i-1 | arn:aws:ec2:*:*:instance/*        | false | true",
                "arn:aws:sqs:*:*:?            | arn:aws:sqs:*:*:*                 | false | true"
            })
    void arnFormats(String pattern, String format, boolean covers, boolean intersects) {
        assertThat(Wildcard.covers(pattern, format)).as("covers").isEqualTo(covers);
        assertThat(Wildcard.intersects(pattern, format)).as("intersects").isEqualTo(intersects);
    }

    // ---------------------------------------------------------------- brute force

    private static final char[] PART = {'a', 'b'};

    /** Every text the format stands for with parts of at most {@code max} characters of {a, b}. */
    static List<String> instances(String format, int max) {
        List<String> texts = new ArrayList<>(List.of(""));
        for (char c : format.toCharArray()) {
            List<String> next = new ArrayList<>();
            for (String prefix : texts) {
                if (c == '*') {
                    for (String part : words(max)) {
                        next.add(prefix + part);
                    }
                } else {
                    next.add(prefix + c);
                }
            }
            texts = next;
        }
        return texts;
    }

    static List<String> words(int max) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> layer = List.of("");
        for (int length = 1; length <= max; length++) {
            List<String> grown = new ArrayList<>();
            for (String w : layer) {
                for (char c : PART) {
                    grown.add(w + c);
                }
            }
            all.addAll(grown);
            layer = grown;
        }
        return all;
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.of('*')),
                        Tuple.of(1, Arbitraries.of('?')),
                        Tuple.of(5, Arbitraries.of('a', 'b', ':')))
                .list()
                .ofMaxSize(6)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    /** Up to four characters each, so that texts as long as both together can be enumerated. */
    @Provide
    Arbitrary<String> shortPatterns() {
        return patterns().filter(p -> p.length() <= 4);
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of('*')), Tuple.of(5, Arbitraries.of('a', 'b', ':')))
                .list()
                .ofMaxSize(5)
                .map(cs -> cs.stream().map(String::valueOf).collect(Collectors.joining()))
                .filter(f -> !f.contains("**"));
    }

    @Property(tries = 400)
    void coversMeansEveryInstanceMatches(@ForAll("patterns") String pattern, @ForAll("formats") String format) {
        if (Wildcard.covers(pattern, format)) {
            for (String text : instances(format, 3)) {
                assertThat(Wildcard.matchesResource(pattern, text))
                        .as("%s covers %s, so it matches %s", pattern, format, text)
                        .isTrue();
            }
        }
    }

    @Property(tries = 400)
    void intersectsExactlyWhenSomeInstanceMatches(
            @ForAll("patterns") String pattern, @ForAll("formats") String format) {
        // Parts longer than the pattern never make a new match possible.
        boolean some =
                instances(format, pattern.length() + 1).stream().anyMatch(t -> Wildcard.matchesResource(pattern, t));
        assertThat(Wildcard.intersects(pattern, format))
                .as("%s and %s", pattern, format)
                .isEqualTo(some);
    }

    @Property(tries = 300)
    void overlapsExactlyWhenSomeTextMatchesBoth(@ForAll("shortPatterns") String a, @ForAll("shortPatterns") String b) {
        List<String> texts = new ArrayList<>();
        for (String w : wordsOver(new char[] {'a', 'b', ':'}, a.length() + b.length() + 1)) {
            texts.add(w);
        }
        boolean some = texts.stream().anyMatch(t -> Wildcard.matchesResource(a, t) && Wildcard.matchesResource(b, t));
        assertThat(Wildcard.overlaps(a, b)).as("%s and %s", a, b).isEqualTo(some);
    }

    static List<String> wordsOver(char[] alphabet, int max) {
        List<String> all = new ArrayList<>(List.of(""));
        List<String> layer = List.of("");
        for (int length = 1; length <= max; length++) {
            List<String> grown = new ArrayList<>();
            for (String w : layer) {
                for (char c : alphabet) {
                    grown.add(w + c);
                }
            }
            all.addAll(grown);
            layer = grown;
        }
        return all;
    }
}
