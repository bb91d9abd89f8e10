package com.workerrolewizard.core.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IAM's {@code *}/{@code ?} matching, checked against an independent reference built from
 * java.util.regex, on a small alphabet so that matches and near misses are both common.
 */
class WildcardPropertiesTest {

    /** The reference: literal runs quoted, {@code *} as {@code .*}, {@code ?} as {@code .}. */
    static boolean reference(String pattern, String text, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(text).matches();
    }

    @Provide
    Arbitrary<String> patterns() {
        // '*' weighted up, so that patterns match often enough to test both outcomes.
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(3, Arbitraries.of('*')),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of('?')),
                        net.jqwik.api.Tuple.of(4, Arbitraries.of('s', 'S', 't', ':', 'a', 'A')))
                .list()
                .ofMaxSize(8)
                .map(chars -> chars.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining()));
    }

    @Provide
    Arbitrary<String> texts() {
        // Texts may hold '*' and '?' too: in a text they are plain characters.
        return Arbitraries.strings().withChars("sSt:aA*?").ofMaxLength(8);
    }

    @Property(tries = 3000)
    void actionMatchingAgreesWithTheRegexReference(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        boolean expected = reference(pattern, text, true);
        assertThat(Wildcard.matchesAction(pattern, text))
                .as("matchesAction(%s, %s)", pattern, text)
                .isEqualTo(expected);
        // The generators must produce both outcomes, or agreement proves little.
        Statistics.label("matches").collect(expected).coverage(c -> {
            c.check(true).percentage(p -> p > 5);
            c.check(false).percentage(p -> p > 5);
        });
    }

    @Property(tries = 3000)
    void resourceMatchingAgreesWithTheCaseSensitiveReference(
            @ForAll("patterns") String pattern, @ForAll("texts") String text) {
        assertThat(Wildcard.matchesResource(pattern, text))
                .as("matchesResource(%s, %s)", pattern, text)
                .isEqualTo(reference(pattern, text, false));
    }

    @Property(tries = 1000)
    void actionMatchingIgnoresCaseOnBothSides(@ForAll("patterns") String pattern, @ForAll("texts") String text) {
        boolean plain = Wildcard.matchesAction(pattern, text);
        assertThat(Wildcard.matchesAction(pattern.toUpperCase(Locale.ROOT), text.toLowerCase(Locale.ROOT)))
                .isEqualTo(plain);
        assertThat(Wildcard.matchesAction(pattern.toLowerCase(Locale.ROOT), text.toUpperCase(Locale.ROOT)))
                .isEqualTo(plain);
    }

    @Property(tries = 1000)
    void resourceMatchingIsCaseSensitive(@ForAll("literals") String literal) {
        String other = literal.toUpperCase(Locale.ROOT).equals(literal)
                ? literal.toLowerCase(Locale.ROOT)
                : literal.toUpperCase(Locale.ROOT);
        assertThat(Wildcard.matchesResource(literal, literal)).isTrue();
        assertThat(Wildcard.matchesResource(literal, other)).isEqualTo(literal.equals(other));
        assertThat(Wildcard.matchesAction(literal, other)).isTrue();
    }

    @Provide
    Arbitrary<String> literals() {
        return Arbitraries.strings().withChars("sStT:aA").ofMinLength(1).ofMaxLength(10);
    }

    @Property(tries = 2000)
    void withoutWildcardsOnlyTheEqualStringMatches(
            @ForAll("literalsOrEmpty") String pattern, @ForAll("literalsOrEmpty") String text) {
        assertThat(Wildcard.matchesAction(pattern, text)).isEqualTo(pattern.equalsIgnoreCase(text));
        assertThat(Wildcard.matchesResource(pattern, text)).isEqualTo(pattern.equals(text));
    }

    @Provide
    Arbitrary<String> literalsOrEmpty() {
        return Arbitraries.strings().withChars("sS:aA").ofMaxLength(4);
    }

    /** A text made from a pattern by filling each {@code *} with any run and each {@code ?} with one character. */
    @Property(tries = 2000)
    void aTextBuiltFromThePatternAlwaysMatches(@ForAll("patternsWithTheirTexts") String[] patternAndText) {
        assertThat(Wildcard.matchesAction(patternAndText[0], patternAndText[1])).isTrue();
        assertThat(Wildcard.matchesResource(patternAndText[0], patternAndText[1]))
                .isTrue();
    }

    @Provide
    Arbitrary<String[]> patternsWithTheirTexts() {
        Arbitrary<String> fill = Arbitraries.strings().withChars("sStT:aA*?").ofMaxLength(4);
        Arbitrary<Character> one = Arbitraries.of('s', 'S', 'T', ':', 'a', '*', '?');
        return Combinators.combine(patterns(), fill.list().ofSize(8), one.list().ofSize(8))
                .as((pattern, fills, ones) -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < pattern.length(); i++) {
                        char c = pattern.charAt(i);
                        text.append(
                                c == '*' ? fills.get(i) : c == '?' ? String.valueOf(ones.get(i)) : String.valueOf(c));
                    }
                    return new String[] {pattern, text.toString()};
                });
    }

    // ---------------------------------------------------------------- the names IAM admins actually write

    static Stream<Arguments> actionCases() {
        return Stream.of(
                Arguments.of("sts:*", "sts:AssumeRole", true),
                Arguments.of("sts:Assume*", "sts:AssumeRole", true),
                Arguments.of("*", "sts:AssumeRole", true),
                Arguments.of("STS:ASSUMEROLE", "sts:AssumeRole", true),
                Arguments.of("sts:assumerole", "sts:AssumeRole", true),
                Arguments.of("sts:AssumeRol?", "sts:AssumeRole", true),
                Arguments.of("sts:AssumeRole?", "sts:AssumeRole", false),
                Arguments.of("sts:AssumeRoleWith*", "sts:AssumeRole", false),
                Arguments.of("sts:AssumeRoleWithSAML", "sts:AssumeRole", false),
                Arguments.of("sts:AssumeRole", "sts:AssumeRoleWithSAML", false),
                Arguments.of("sts:*Role", "sts:AssumeRole", true),
                Arguments.of("*:AssumeRole", "sts:AssumeRole", true),
                Arguments.of("s*s:*", "sts:AssumeRole", true),
                Arguments.of("iam:*", "sts:AssumeRole", false),
                Arguments.of("sts", "sts:AssumeRole", false),
                Arguments.of("", "sts:AssumeRole", false),
                Arguments.of("*", "", true),
                Arguments.of("", "", true),
                Arguments.of("?", "", false),
                Arguments.of("**", "x", true),
                Arguments.of("ec2:Describe*", "ec2:DescribeInstances", true),
                Arguments.of("ec2:describe*", "EC2:DESCRIBEINSTANCES", true));
    }

    @ParameterizedTest(name = "action {0} vs {1}: {2}")
    @MethodSource("actionCases")
    void actionMatching(String pattern, String action, boolean expected) {
        assertThat(Wildcard.matchesAction(pattern, action)).isEqualTo(expected);
    }

    static Stream<Arguments> resourceCases() {
        return Stream.of(
                Arguments.of("*", "arn:aws:sqs:eu-west-1:111122223333:queue", true),
                Arguments.of("arn:aws:sqs:*:*:queue", "arn:aws:sqs:eu-west-1:111122223333:queue", true),
                Arguments.of("arn:aws:sqs:*:*:Queue", "arn:aws:sqs:eu-west-1:111122223333:queue", false),
                Arguments.of("ARN:AWS:SQS:*", "arn:aws:sqs:eu-west-1:111122223333:queue", false),
                Arguments.of("arn:aws:sqs:eu-west-?:*", "arn:aws:sqs:eu-west-1:111122223333:queue", true),
                Arguments.of("arn:aws:sqs:*:*:queue", "*", false));
    }

    @ParameterizedTest(name = "resource {0} vs {1}: {2}")
    @MethodSource("resourceCases")
    void resourceMatching(String pattern, String resource, boolean expected) {
        assertThat(Wildcard.matchesResource(pattern, resource)).isEqualTo(expected);
    }

    @Test
    void hostilePatternsFinishQuickly() {
        // Backtracking matchers go exponential on "*a*a*a...b"; IAM's policy size limits still allow this shape.
        String pattern = "*a".repeat(200) + "b";
        String text = "a".repeat(20_000);
        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Wildcard.matchesAction(pattern, text));
        assertThat(matched).isFalse();
    }
}
