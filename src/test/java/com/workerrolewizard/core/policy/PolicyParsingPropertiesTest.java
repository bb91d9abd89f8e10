package com.workerrolewizard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Property tests of the parser: whatever text arrives (random, or a valid policy with a few things
 * broken), the parser either reads it or says why not with a MalformedPolicyException; and documents
 * with keys of every kind, in every order, come back exactly as written.
 */
class PolicyParsingPropertiesTest {

    /** The page's two trust statements plus a Sid, a Condition and keys IAM does not know, pretty-printed. */
    static final String VALID = """
            {
              "Version": "2012-10-17",
              "Id": "worker",
              "Statement": [
                {
                  "Sid": "Appliance",
                  "Effect": "Allow",
                  "Action": "sts:AssumeRole",
                  "Principal": {"AWS": ["arn:aws:iam::111122223333:role/VeeamImpersonation", "111122223333"]},
                  "Condition": {"StringEquals": {"sts:ExternalId": "a+b%41"}}
                },
                {
                  "Effect": "Allow",
                  "NotAction": ["sts:TagSession", "sts:Set*"],
                  "Principal": {"Service": "ec2.amazonaws.com"},
                  "Resource": "*",
                  "x-note": [1, 2.5, true, null, {}]
                },
                {"Effect": "Deny", "Action": "sts:*", "NotPrincipal": "*"}
              ]
            }""";

    // ---------------------------------------------------------------- never anything but MalformedPolicyException

    @Property(tries = 2000)
    void randomTextParsesOrIsRejected(@ForAll String text, @ForAll PolicyKind kind) {
        outcome(text, kind);
    }

    @Property(tries = 2000)
    void jsonLikeTokenSoupParsesOrIsRejected(@ForAll("tokenSoup") String text, @ForAll PolicyKind kind) {
        outcome(text, kind);
    }

    @Property(tries = 2000)
    void mutatedPolicyParsesOrIsRejected(@ForAll("mutatedPolicies") String text, @ForAll PolicyKind kind) {
        String outcome = outcome(text, kind);
        // Both outcomes must occur, or the mutations are not exercising the parser.
        Statistics.label("outcome").collect(outcome).coverage(c -> {
            c.check("parsed").count(n -> n > 0);
            c.check("rejected").count(n -> n > 0);
        });
    }

    @Property(tries = 1000)
    void mutatedUrlEncodedPolicyParsesOrIsRejected(
            @ForAll("mutatedEncodedPolicies") String text, @ForAll PolicyKind kind) {
        outcome(text, kind);
    }

    @Property(tries = 2000)
    void valueOfAnotherTypeParsesOrIsRejected(@ForAll("typeSwaps") String text, @ForAll PolicyKind kind) {
        String outcome = outcome(text, kind);
        Statistics.label("outcome").collect(outcome).coverage(c -> {
            c.check("parsed").count(n -> n > 0);
            c.check("rejected").count(n -> n > 0);
        });
    }

    /**
     * Parses, and for a document that was accepted checks that what it would write back reads again to
     * the same text. Anything thrown other than MalformedPolicyException fails the property.
     */
    static String outcome(String text, PolicyKind kind) {
        PolicyDocument document;
        try {
            document = PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n");
            return "rejected";
        }
        assertThat(document.statements()).isNotNull();
        String written = document.toJson();
        assertThat(PolicyDocument.parse(written, kind).toJson()).isEqualTo(written);
        return "parsed";
    }

    @Provide
    Arbitrary<String> tokenSoup() {
        return Arbitraries.of(
                        "{",
                        "}",
                        "[",
                        "]",
                        ":",
                        ",",
                        "\"",
                        "\"Statement\"",
                        "\"Effect\"",
                        "\"Allow\"",
                        "\"Deny\"",
                        "\"Action\"",
                        "\"NotAction\"",
                        "\"Principal\"",
                        "\"NotPrincipal\"",
                        "\"AWS\"",
                        "\"*\"",
                        "\"Version\"",
                        "\"2012-10-17\"",
                        "\"Condition\"",
                        "\"Resource\"",
                        "1",
                        "-0.5e3",
                        "true",
                        "null",
                        " ",
                        "\n",
                        "%7B",
                        "%22",
                        "%",
                        "%2",
                        "\\",
                        "\\u00",
                        "+")
                .list()
                .ofMaxSize(40)
                .map(tokens -> String.join("", tokens));
    }

    enum EditKind {
        DELETE,
        INSERT,
        REPLACE,
        DUPLICATE
    }

    record Edit(EditKind kind, int at, int length, char c) {
        String apply(String text) {
            int i = text.isEmpty() ? 0 : at % (text.length() + 1);
            int end = Math.min(text.length(), i + length);
            return switch (kind) {
                case DELETE -> text.substring(0, i) + text.substring(end);
                case INSERT -> text.substring(0, i) + c + text.substring(i);
                case REPLACE -> i == text.length() ? text + c : text.substring(0, i) + c + text.substring(i + 1);
                case DUPLICATE -> text.substring(0, end) + text.substring(i, end) + text.substring(end);
            };
        }
    }

    Arbitrary<List<Edit>> edits() {
        Arbitrary<Character> chars = Arbitraries.of(
                '{', '}', '[', ']', '"', ':', ',', '%', '\\', ' ', '\n', '*', '?', '0', '9', 'e', '-', '+', 'a', 'A',
                'x', '\u0000', '\u00e9', '\ud800', '\ufeff');
        return Combinators.combine(
                        Arbitraries.of(EditKind.class),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(1, 40),
                        chars)
                .as(Edit::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> mutatedPolicies() {
        return edits().map(list -> applyAll(VALID, list));
    }

    @Provide
    Arbitrary<String> mutatedEncodedPolicies() {
        String encoded = URLEncoder.encode(VALID, StandardCharsets.UTF_8).replace("+", "%20");
        return edits().map(list -> applyAll(encoded, list));
    }

    static String applyAll(String text, List<Edit> edits) {
        String result = text;
        for (Edit edit : edits) {
            result = edit.apply(result);
        }
        return result;
    }

    /** Each value of the valid document, by position, replaced with a value of another JSON type. */
    @Provide
    Arbitrary<String> typeSwaps() {
        Arbitrary<String> replacements = Arbitraries.of(
                "\"x\"",
                "\"*\"",
                "\"Allow\"",
                "\"\"",
                "0",
                "-1.5",
                "1e400",
                "true",
                "false",
                "null",
                "[]",
                "{}",
                "[\"sts:AssumeRole\"]",
                "[1]",
                "[[]]",
                "[null]",
                "{\"AWS\":\"*\"}",
                "{\"AWS\":1}",
                "{\"StringEquals\":\"x\"}",
                "{\"a\":{}}");
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), replacements, Arbitraries.of(true, false))
                .as((pick, replacement, encode) -> {
                    JsonNode root = read(VALID);
                    List<Consumer<JsonNode>> slots = new ArrayList<>();
                    slots(root, slots);
                    slots.get(pick % slots.size()).accept(read(replacement));
                    String json = root.toString();
                    return encode ? URLEncoder.encode(json, StandardCharsets.UTF_8) : json;
                });
    }

    /** Every place in the tree a value sits (object member or array element), as a setter. */
    static void slots(JsonNode node, List<Consumer<JsonNode>> slots) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                slots.add(value -> object.set(name, value));
                slots(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                slots.add(value -> array.set(index, value));
                slots(array.get(i), slots);
            }
        }
    }

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- key order and unknown keys survive

    record Generated(String json, int statements) {}

    @Property(tries = 500)
    void generatedDocumentsComeBackKeysInOrder(@ForAll("documents") Generated generated) {
        PolicyDocument plain = PolicyDocument.parse(generated.json(), PolicyKind.TRUST);
        assertThat(plain.toJson()).isEqualTo(generated.json());
        assertThat(plain.statements()).hasSize(generated.statements());
        // IAM's URL-encoded form of the same document reads to the same text.
        String encoded =
                URLEncoder.encode(generated.json(), StandardCharsets.UTF_8).replace("+", "%20");
        assertThat(PolicyDocument.parse(encoded, PolicyKind.TRUST).toJson()).isEqualTo(generated.json());
    }

    static final Set<String> KNOWN_KEYS = Set.of(
            "Version",
            "Statement",
            "Id",
            "Sid",
            "Effect",
            "Action",
            "NotAction",
            "Resource",
            "NotResource",
            "Principal",
            "NotPrincipal",
            "Condition");

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static net.jqwik.api.arbitraries.StringArbitrary text() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars("-_:./*?+% \"\\\u00e9\u4e2d")
                .ofMaxLength(10);
    }

    static Arbitrary<String> unknownKey() {
        return text().ofMinLength(1).filter(k -> !KNOWN_KEYS.contains(k));
    }

    /** A compact JSON value of any type, nested up to the given depth. */
    static Arbitrary<String> value(int depth) {
        Arbitrary<String> leaf = Arbitraries.oneOf(
                text().map(PolicyParsingPropertiesTest::quote),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array =
                value(depth - 1).list().ofMaxSize(3).map(values -> "[" + String.join(",", values) + "]");
        Arbitrary<String> object =
                members(unknownKey(), value(depth - 1), 0, 3).map(members -> "{" + String.join(",", members) + "}");
        return Arbitraries.oneOf(leaf, array, object);
    }

    /** "key":value members with distinct keys. */
    static Arbitrary<List<String>> members(Arbitrary<String> keys, Arbitrary<String> values, int min, int max) {
        return keys.list()
                .uniqueElements()
                .ofMinSize(min)
                .ofMaxSize(max)
                .flatMap(names -> values.list().ofSize(names.size()).map(vals -> {
                    List<String> members = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        members.add(quote(names.get(i)) + ":" + vals.get(i));
                    }
                    return members;
                }));
    }

    /** A string, or an array of one to three (IAM refuses an empty Action array; the parser does too). */
    static Arbitrary<String> stringOrArray(Arbitrary<String> strings) {
        return Arbitraries.oneOf(
                strings.map(PolicyParsingPropertiesTest::quote),
                strings.list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(list -> list.stream()
                                .map(PolicyParsingPropertiesTest::quote)
                                .collect(Collectors.joining(",", "[", "]"))));
    }

    static Arbitrary<String> statement() {
        Arbitrary<String> effect = Arbitraries.of("Allow", "Deny").map(e -> "\"Effect\":" + quote(e));
        Arbitrary<String> action = Combinators.combine(
                        Arbitraries.of("Action", "NotAction"),
                        stringOrArray(
                                Arbitraries.of("sts:AssumeRole", "sts:*", "*", "sts:TagSession", "STS:assume?ole")))
                .as((name, value) -> quote(name) + ":" + value);
        Arbitrary<String> principalValue = Arbitraries.oneOf(
                Arbitraries.just("\"*\""),
                members(
                                Arbitraries.of("AWS", "Service", "Federated", "CanonicalUser"),
                                stringOrArray(Arbitraries.of(
                                        "*",
                                        "111122223333",
                                        "arn:aws:iam::111122223333:root",
                                        "ec2.amazonaws.com",
                                        "AROA1234567890EXAMPLE")),
                                1,
                                4)
                        .map(m -> "{" + String.join(",", m) + "}"));
        Arbitrary<String> principal = Combinators.combine(Arbitraries.of("Principal", "NotPrincipal"), principalValue)
                .as((name, value) -> quote(name) + ":" + value);
        Arbitrary<List<String>> optional = Combinators.combine(
                        text().map(s -> "\"Sid\":" + quote(s)).optional(),
                        members(
                                        Arbitraries.of("StringEquals", "StringLike", "Bool", "IpAddress"),
                                        members(text().ofMinLength(1), stringOrArray(text()), 1, 2)
                                                .map(m -> "{" + String.join(",", m) + "}"),
                                        0,
                                        2)
                                .map(m -> "\"Condition\":{" + String.join(",", m) + "}")
                                .optional(),
                        Combinators.combine(Arbitraries.of("Resource", "NotResource"), stringOrArray(text()))
                                .as((name, value) -> quote(name) + ":" + value)
                                .optional(),
                        members(unknownKey(), value(2), 0, 3))
                .as((sid, condition, resource, unknown) -> {
                    List<String> all = new ArrayList<>(unknown);
                    sid.ifPresent(all::add);
                    condition.ifPresent(all::add);
                    resource.ifPresent(all::add);
                    return all;
                });
        return Combinators.combine(effect, action, principal, optional)
                .as((e, a, p, rest) -> {
                    List<String> all = new ArrayList<>(rest);
                    all.add(e);
                    all.add(a);
                    all.add(p);
                    return all;
                })
                .flatMap(Arbitraries::shuffle)
                .map(members -> "{" + String.join(",", members) + "}");
    }

    @Provide
    Arbitrary<Generated> documents() {
        Arbitrary<Generated> statements = Arbitraries.oneOf(
                statement().map(s -> new Generated(s, 1)),
                statement()
                        .list()
                        .ofMinSize(1)
                        .ofMaxSize(3)
                        .map(list -> new Generated("[" + String.join(",", list) + "]", list.size())));
        return Combinators.combine(
                        statements,
                        Arbitraries.of("2012-10-17", "2008-10-17")
                                .map(v -> "\"Version\":" + quote(v))
                                .optional(),
                        members(unknownKey(), value(3), 0, 3))
                .as((st, version, unknown) -> {
                    List<String> members = new ArrayList<>(unknown);
                    version.ifPresent(members::add);
                    members.add("\"Statement\":" + st.json());
                    return new Generated(String.join("\u0000", members), st.statements());
                })
                .flatMap(g -> Arbitraries.shuffle(List.of(g.json().split("\u0000")))
                        .map(members -> new Generated("{" + String.join(",", members) + "}", g.statements())));
    }
}
