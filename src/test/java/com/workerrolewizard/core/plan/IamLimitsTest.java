package com.workerrolewizard.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;

/**
 * IAM's rules for names, paths, descriptions, session durations, tags and document sizes, as tables of
 * values IAM accepts and values it rejects (IAM API reference: CreateRole, CreateInstanceProfile,
 * PutRolePolicy, CreatePolicy, Tag; IAM quotas).
 */
class IamLimitsTest {

    record Row(String what, String value, boolean valid) {
        @Override
        public String toString() {
            return what + (valid ? " is valid" : " is rejected");
        }
    }

    static Row ok(String what, String value) {
        return new Row(what, value, true);
    }

    static Row bad(String what, String value) {
        return new Row(what, value, false);
    }

    // ---------------------------------------------------------------- names

    /** Rows shared by every kind of name: IAM's pattern [\w+=,.@-]+ with ASCII \w. */
    static Stream<Row> commonNames() {
        return Stream.of(
                ok("one letter", "a"),
                ok("one digit", "7"),
                ok("every allowed symbol", "a_b+c=d,e.f@g-h"),
                ok("only symbols", "+=,.@-_"),
                ok("mixed case", "VeeamWorkerRole"),
                bad("empty", ""),
                bad("a space", "Veeam Worker"),
                bad("a leading space", " Veeam"),
                bad("a trailing newline", "Veeam\n"),
                bad("a tab", "a\tb"),
                bad("a slash", "veeam/worker"),
                bad("a colon", "a:b"),
                bad("a star", "worker*"),
                bad("a question mark", "worker?"),
                bad("a quote", "o'brien"),
                bad("a hash", "a#b"),
                bad("an accented letter", "Rôle"),
                bad("a non-Latin letter", "Роль"),
                bad("an Arabic-Indic digit", "role\u0661"),
                bad("a non-breaking space", "a\u00A0b"),
                bad("a fullwidth letter", "\uFF21"));
    }

    static Stream<Row> roleNames() {
        return Stream.concat(
                commonNames(),
                Stream.of(
                        ok("64 characters", "r".repeat(64)),
                        bad("65 characters", "r".repeat(65)),
                        bad("128 characters", "r".repeat(128))));
    }

    static Stream<Row> longNames() {
        return Stream.concat(
                commonNames(),
                Stream.of(
                        ok("64 characters", "p".repeat(64)),
                        ok("65 characters", "p".repeat(65)),
                        ok("128 characters", "p".repeat(128)),
                        bad("129 characters", "p".repeat(129))));
    }

    static void expect(Row row, Optional<String> problem, String what, int max) {
        if (row.valid()) {
            assertThat(problem).as(row.toString()).isEmpty();
        } else {
            assertThat(problem)
                    .as(row.toString())
                    .hasValueSatisfying(p -> assertThat(p)
                            .startsWith(what)
                            .contains("\"" + row.value() + "\"")
                            .contains(String.valueOf(max)));
        }
    }

    @ParameterizedTest(name = "role name: {0}")
    @MethodSource("roleNames")
    void roleNames(Row row) {
        expect(row, IamLimits.roleName(row.value()), "Role name", 64);
    }

    @ParameterizedTest(name = "instance profile name: {0}")
    @MethodSource("longNames")
    void instanceProfileNames(Row row) {
        expect(row, IamLimits.instanceProfileName(row.value()), "Instance profile name", 128);
    }

    @ParameterizedTest(name = "policy name: {0}")
    @MethodSource("longNames")
    void policyNames(Row row) {
        expect(row, IamLimits.policyName(row.value()), "Policy name", 128);
    }

    @ParameterizedTest
    @NullSource
    void aMissingNameIsRejected(String missing) {
        assertThat(IamLimits.roleName(missing))
                .hasValueSatisfying(p -> assertThat(p).doesNotContain("null"));
        assertThat(IamLimits.instanceProfileName(missing)).isPresent();
        assertThat(IamLimits.policyName(missing)).isPresent();
    }

    @Test
    void everyAsciiCharacterIsJudgedAsIamsPatternDoes() {
        for (char c = 0; c < 128; c++) {
            boolean allowed = Character.isLetterOrDigit(c) || "_+=,.@-".indexOf(c) >= 0;
            String name = "a" + c + "b";
            assertThat(IamLimits.roleName(name).isEmpty())
                    .as("character U+%04X", (int) c)
                    .isEqualTo(allowed);
        }
    }

    // ---------------------------------------------------------------- paths: (\u002F)|(\u002F[\u0021-\u007E]+\u002F),
    // 1 to 512

    static Stream<Row> paths() {
        return Stream.of(
                ok("the root", "/"),
                ok("one level", "/a/"),
                ok("two levels", "/a/b/"),
                ok("a typical path", "/veeam/workers/"),
                ok("punctuation", "/a-b_c.d@e+f=g,h!~/"),
                ok("an empty segment inside (allowed by the pattern)", "/a//b/"),
                ok("three slashes (allowed by the pattern)", "///"),
                ok("512 characters", "/" + "p".repeat(510) + "/"),
                bad("513 characters", "/" + "p".repeat(511) + "/"),
                bad("empty", ""),
                bad("no slashes", "veeam"),
                bad("no leading slash", "a/"),
                bad("no trailing slash", "/a"),
                bad("two slashes only", "//"),
                bad("a space", "/a b/"),
                bad("a tab", "/a\tb/"),
                bad("a newline at the end", "/a/\n"),
                bad("an accented letter", "/rôle/"),
                bad("a DEL character", "/a\u007Fb/"),
                bad("a backslash instead of a slash", "\\a\\"));
    }

    @ParameterizedTest(name = "path: {0}")
    @MethodSource("paths")
    void paths(Row row) {
        Optional<String> problem = IamLimits.path(row.value());
        if (row.valid()) {
            assertThat(problem).as(row.toString()).isEmpty();
        } else {
            assertThat(problem)
                    .as(row.toString())
                    .hasValueSatisfying(p -> assertThat(p).startsWith("Path").contains("/"));
        }
    }

    @Test
    void aMissingPathIsRejected() {
        assertThat(IamLimits.path(null)).isPresent();
    }

    // ---------------------------------------------------------------- description, session, tags

    static Stream<Row> descriptions() {
        return Stream.of(
                ok("empty", ""),
                ok("a sentence", "Role of Veeam Backup for AWS worker instances."),
                ok("1,000 characters", "d".repeat(1000)),
                ok("tab, newline and carriage return", "a\tb\nc\rd"),
                ok("Latin-1 letters", "Rôle de sauvegarde, ÀÿÑ"),
                ok("the last Latin-1 character", "\u00FF"),
                bad("1,001 characters", "d".repeat(1001)),
                bad("a non-breaking space (U+00A0 is outside the pattern)", "a\u00A0b"),
                bad("an en dash", "Veeam \u2013 workers"),
                bad("a curly apostrophe", "Veeam\u2019s workers"),
                bad("an emoji", "workers \uD83D\uDE80"),
                bad("a NUL character", "a\u0000b"),
                bad("a DEL character", "a\u007Fb"),
                bad("a vertical tab", "a\u000Bb"));
    }

    @ParameterizedTest(name = "description: {0}")
    @MethodSource("descriptions")
    void descriptions(Row row) {
        Optional<String> problem = IamLimits.description(row.value());
        assertThat(problem.isEmpty()).as(row.toString()).isEqualTo(row.valid());
        problem.ifPresent(p -> assertThat(p).contains("1,000"));
    }

    @Test
    void noDescriptionIsFine() {
        assertThat(IamLimits.description(null)).isEmpty();
    }

    static Stream<Arguments> sessions() {
        return Stream.of(
                Arguments.of(null, true),
                Arguments.of(3600, true),
                Arguments.of(7200, true),
                Arguments.of(43_200, true),
                Arguments.of(3599, false),
                Arguments.of(43_201, false),
                Arguments.of(100, false),
                Arguments.of(0, false),
                Arguments.of(-3600, false),
                Arguments.of(Integer.MAX_VALUE, false));
    }

    @ParameterizedTest(name = "max session {0}s valid: {1}")
    @MethodSource("sessions")
    void maximumSessionDurations(Integer seconds, boolean valid) {
        Optional<String> problem = IamLimits.maxSessionDuration(seconds);
        assertThat(problem.isEmpty()).isEqualTo(valid);
        problem.ifPresent(p -> assertThat(p).contains(String.valueOf(seconds), "3600", "43200"));
    }

    static List<IamOperation.Tag> tags(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new IamOperation.Tag("key" + i, "value" + i))
                .toList();
    }

    static Stream<Arguments> tagLists() {
        IamOperation.Tag t = new IamOperation.Tag("Team", "backup");
        return Stream.of(
                Arguments.of("no tags", List.of(), true),
                Arguments.of("one tag", List.of(t), true),
                Arguments.of("50 tags", tags(50), true),
                Arguments.of("51 tags", tags(51), false),
                Arguments.of("an empty value", List.of(new IamOperation.Tag("Team", "")), true),
                Arguments.of("a key of 128", List.of(new IamOperation.Tag("k".repeat(128), "v")), true),
                Arguments.of("a key of 129", List.of(new IamOperation.Tag("k".repeat(129), "v")), false),
                Arguments.of("an empty key", List.of(new IamOperation.Tag("", "v")), false),
                Arguments.of("a value of 256", List.of(new IamOperation.Tag("k", "v".repeat(256))), true),
                Arguments.of("a value of 257", List.of(new IamOperation.Tag("k", "v".repeat(257))), false),
                Arguments.of("the reserved aws: prefix", List.of(new IamOperation.Tag("aws:cost", "v")), false),
                Arguments.of("aws without a colon", List.of(new IamOperation.Tag("awsome", "v")), true),
                Arguments.of(
                        "letters, spaces and symbols IAM allows",
                        List.of(new IamOperation.Tag("Cost Center", "Équipe 1 _.:/=+-@")),
                        true),
                Arguments.of(
                        "a bad tag after good ones",
                        Stream.concat(tags(3).stream(), Stream.of(new IamOperation.Tag("", "v")))
                                .toList(),
                        false));
    }

    @ParameterizedTest(name = "tags: {0}")
    @MethodSource("tagLists")
    void tags(String what, List<IamOperation.Tag> tags, boolean valid) {
        assertThat(IamLimits.tags(tags).isEmpty()).as(what).isEqualTo(valid);
    }

    @Test
    void tooManyTagsSaysHowMany() {
        assertThat(IamLimits.tags(tags(51)))
                .hasValueSatisfying(p -> assertThat(p).contains("50", "51"));
    }

    // ---------------------------------------------------------------- document sizes

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A compact document of exactly {@code size} characters: a trust policy whose Sid pads it. */
    static String trustOfSize(int size) {
        String shell =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
        String json = shell.replace("\"Sid\":\"\"", "\"Sid\":\"" + "S".repeat(size - shell.length()) + "\"");
        assertThat(json).hasSize(size);
        return json;
    }

    static Stream<Arguments> trustSizes() {
        return Stream.of(
                Arguments.of(2048, 2048, true),
                Arguments.of(2049, 2048, false),
                Arguments.of(300, 2048, true),
                Arguments.of(4096, 4096, true),
                Arguments.of(4097, 4096, false),
                Arguments.of(2049, 4096, true),
                Arguments.of(301, 300, false),
                Arguments.of(300, 300, true));
    }

    @ParameterizedTest(name = "{0} characters against quota {1}: fits {2}")
    @MethodSource("trustSizes")
    void trustPolicySizeAgainstTheQuota(int size, int quota, boolean fits) {
        Optional<String> problem = IamLimits.trustPolicySize(read(trustOfSize(size)), quota);
        assertThat(problem.isEmpty()).isEqualTo(fits);
        problem.ifPresent(p -> assertThat(p).contains(String.valueOf(size), String.format("%,d", quota)));
    }

    @Test
    void whitespaceBetweenTokensDoesNotCountButWhitespaceInValuesDoes() {
        String compact = trustOfSize(2048);
        String pretty = com.workerrolewizard.core.policy.PolicyJson.pretty(read(compact))
                .replace("\n", "\r\n\t ");
        PolicyDocument parsed = PolicyDocument.parse(pretty, PolicyKind.TRUST);
        assertThat(pretty.length()).isGreaterThan(2100);
        assertThat(IamLimits.trustPolicySize(parsed.json(), 2048)).isEmpty();
        // The same size, but two of the Sid's characters are spaces inside the value: still 2,048.
        String spaced = compact.replace("SS\"", "  \"");
        assertThat(IamLimits.trustPolicySize(read(spaced), 2048)).isEmpty();
        assertThat(IamLimits.trustPolicySize(read(spaced), 2047)).isPresent();
    }

    static String identityOfSize(int size) {
        String shell =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"\",\"Effect\":\"Allow\",\"Action\":\"ssm:GetDocument\",\"Resource\":\"*\"}]}";
        String json = shell.replace("\"Sid\":\"\"", "\"Sid\":\"" + "S".repeat(size - shell.length()) + "\"");
        assertThat(json).hasSize(size);
        return json;
    }

    static Stream<Arguments> inlineTotals() {
        int page = ReferenceDocuments.load().permissionsPolicy().toString().length();
        return Stream.of(
                Arguments.of(0, 200, true),
                Arguments.of(10_240 - 200, 200, true),
                Arguments.of(10_241 - 200, 200, false),
                Arguments.of(10_240 - page, page, true),
                Arguments.of(10_241 - page, page, false),
                Arguments.of(0, 10_240, true),
                Arguments.of(0, 10_241, false));
    }

    @ParameterizedTest(name = "existing {0} + added {1}: fits {2}")
    @MethodSource("inlineTotals")
    void inlinePoliciesOfARoleTotalAtMost10240(int existing, int added, boolean fits) {
        Optional<String> problem = IamLimits.inlinePoliciesSize(existing, read(identityOfSize(added)));
        assertThat(problem.isEmpty()).isEqualTo(fits);
        problem.ifPresent(
                p -> assertThat(p).contains(String.format("%,d", existing + added), "10,240", "--permissions managed"));
    }

    @ParameterizedTest(name = "managed policy of {0} characters")
    @org.junit.jupiter.params.provider.ValueSource(ints = {200, 6_143, 6_144, 6_145, 10_000})
    void aManagedPolicyHoldsAtMost6144Characters(int size) {
        Optional<String> problem = IamLimits.managedPolicySize(read(identityOfSize(size)));
        assertThat(problem.isEmpty()).isEqualTo(size <= 6_144);
        problem.ifPresent(p -> assertThat(p).contains(String.valueOf(size), "6,144"));
    }

    @Test
    void thePagesDocumentsFitEveryLimit() {
        ReferenceDocuments references = ReferenceDocuments.load();
        assertThat(IamLimits.managedPolicySize(references.permissionsPolicy())).isEmpty();
        assertThat(IamLimits.inlinePoliciesSize(0, references.permissionsPolicy()))
                .isEmpty();
        Function<JsonNode, Optional<String>> trust = d -> IamLimits.trustPolicySize(d, 2048);
        assertThat(trust.apply(references.applianceTrustPolicy())).isEmpty();
        assertThat(trust.apply(references.ec2TrustPolicy())).isEmpty();
    }
}
