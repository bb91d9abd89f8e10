package com.workerrolewizard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table-driven tests of the policy parser: every shape IAM accepts reads the way IAM reads it, every
 * shape it rejects gives a MalformedPolicyException that says where, and nothing the admin wrote is lost.
 */
class PolicyParserTest {

    /** Single quotes keep the tables readable; no value below contains an apostrophe. */
    static String j(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    /** RFC 3986 percent-encoding, as IAM returns documents (space as %20, a plus sign as %2B). */
    static String urlEncode(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static PolicyDocument trust(String text) {
        return PolicyDocument.parse(text, PolicyKind.TRUST);
    }

    static final String APPLIANCE_STATEMENT =
            "{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'AWS':'arn:aws:iam::111122223333:role/VeeamImpersonation'}}";
    static final String EC2_STATEMENT =
            "{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':'ec2.amazonaws.com'}}";
    static final String PAGE_TRUST =
            j("{'Version':'2012-10-17','Statement':[" + APPLIANCE_STATEMENT + "," + EC2_STATEMENT + "]}");

    // ---------------------------------------------------------------- accepted shapes

    static Stream<Arguments> acceptedDocuments() {
        return Stream.of(
                accepted("Statement as an array of two", PolicyKind.TRUST, PAGE_TRUST, d -> {
                    assertThat(d.statements()).hasSize(2);
                    assertThat(d.statements()).extracting(Statement::index).containsExactly(0, 1);
                    assertThat(d.statements().get(1).label()).isEqualTo("statement 2");
                }),
                accepted(
                        "Statement as a single object",
                        PolicyKind.TRUST,
                        j("{'Version':'2012-10-17','Statement':" + EC2_STATEMENT + "}"),
                        d -> {
                            assertThat(d.statements()).hasSize(1);
                            assertThat(d.statements().get(0).label()).isEqualTo("statement 1");
                            assertThat(d.statements().get(0).principals().values("Service"))
                                    .containsExactly("ec2.amazonaws.com");
                        }),
                accepted(
                        "Action as a string",
                        PolicyKind.TRUST,
                        PAGE_TRUST,
                        d -> assertThat(d.statements().get(0).actions())
                                .isEqualTo(new ValueList(false, List.of("sts:AssumeRole")))),
                accepted(
                        "Action as an array",
                        PolicyKind.TRUST,
                        j(
                                "{'Statement':{'Effect':'Allow','Action':['sts:AssumeRole','sts:TagSession'],'Principal':'*'}}"),
                        d -> assertThat(d.statements().get(0).actions())
                                .isEqualTo(new ValueList(false, List.of("sts:AssumeRole", "sts:TagSession")))),
                accepted(
                        "NotAction as a string",
                        PolicyKind.TRUST,
                        j("{'Statement':{'Effect':'Allow','NotAction':'sts:TagSession','Principal':'*'}}"),
                        d -> assertThat(d.statements().get(0).actions())
                                .isEqualTo(new ValueList(true, List.of("sts:TagSession")))),
                accepted(
                        "NotAction as an array",
                        PolicyKind.TRUST,
                        j("{'Statement':{'Effect':'Deny','NotAction':['a:b','c:*'],'Principal':'*'}}"),
                        d -> {
                            assertThat(d.statements().get(0).actions())
                                    .isEqualTo(new ValueList(true, List.of("a:b", "c:*")));
                            assertThat(d.statements().get(0).allow()).isFalse();
                        }),
                accepted(
                        "Resource as a string",
                        PolicyKind.IDENTITY,
                        j("{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'ec2:*','Resource':'*'}}"),
                        d -> assertThat(d.statements().get(0).resources())
                                .isEqualTo(new ValueList(false, List.of("*")))),
                accepted(
                        "Resource as an array",
                        PolicyKind.IDENTITY,
                        j(
                                "{'Statement':[{'Action':'sqs:*','Resource':['arn:aws:sqs:*:*:a','arn:aws:sqs:*:*:b'],'Effect':'Allow'}]}"),
                        d -> assertThat(d.statements().get(0).resources())
                                .isEqualTo(new ValueList(false, List.of("arn:aws:sqs:*:*:a", "arn:aws:sqs:*:*:b")))),
                accepted(
                        "NotResource",
                        PolicyKind.IDENTITY,
                        j("{'Statement':{'Effect':'Deny','Action':'*','NotResource':['arn:aws:s3:::x']}}"),
                        d -> assertThat(d.statements().get(0).resources())
                                .isEqualTo(new ValueList(true, List.of("arn:aws:s3:::x")))),
                accepted(
                        "a trust statement needs no Resource",
                        PolicyKind.TRUST,
                        PAGE_TRUST,
                        d -> assertThat(d.statements().get(0).resources()).isNull()),
                accepted(
                        "Principal \"*\"",
                        PolicyKind.TRUST,
                        j("{'Statement':{'Effect':'Allow','Action':'sts:AssumeRole','Principal':'*'}}"),
                        d -> {
                            Principals p = d.statements().get(0).principals();
                            assertThat(p.everyone()).isTrue();
                            assertThat(p.negated()).isFalse();
                            assertThat(p.grantsEveryone()).isTrue();
                        }),
                accepted(
                        "Principal {\"AWS\": \"*\"} grants everyone",
                        PolicyKind.TRUST,
                        j("{'Statement':{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'AWS':'*'}}}"),
                        d -> {
                            Principals p = d.statements().get(0).principals();
                            assertThat(p.everyone()).isFalse();
                            assertThat(p.grantsEveryone()).isTrue();
                        }),
                accepted(
                        "principal values as an array, every type, in document order",
                        PolicyKind.TRUST,
                        j(
                                "{'Statement':{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{"
                                        + "'Service':['ec2.amazonaws.com','ssm.amazonaws.com'],"
                                        + "'AWS':['arn:aws:iam::111122223333:root','444455556666'],"
                                        + "'Federated':'cognito-identity.amazonaws.com',"
                                        + "'CanonicalUser':'79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be'}}}"),
                        d -> {
                            Principals p = d.statements().get(0).principals();
                            assertThat(p.byType().keySet())
                                    .containsExactly("Service", "AWS", "Federated", "CanonicalUser");
                            assertThat(p.values("AWS"))
                                    .containsExactly("arn:aws:iam::111122223333:root", "444455556666");
                            assertThat(p.values("Service")).containsExactly("ec2.amazonaws.com", "ssm.amazonaws.com");
                            assertThat(p.grantsEveryone()).isFalse();
                        }),
                accepted(
                        "NotPrincipal",
                        PolicyKind.TRUST,
                        j(
                                "{'Statement':{'Effect':'Deny','Action':'sts:AssumeRole','NotPrincipal':{'AWS':['arn:aws:iam::111122223333:root']}}}"),
                        d -> {
                            Principals p = d.statements().get(0).principals();
                            assertThat(p.negated()).isTrue();
                            assertThat(p.values("AWS")).containsExactly("arn:aws:iam::111122223333:root");
                        }),
                accepted(
                        "Sid and Condition",
                        PolicyKind.TRUST,
                        j("{'Statement':{'Sid':'AllowVeeam','Effect':'Allow','Action':'sts:AssumeRole','Principal':'*',"
                                + "'Condition':{'StringEquals':{'sts:ExternalId':'x','aws:PrincipalAccount':'1'},"
                                + "'Bool':{'aws:SecureTransport':'true','sts:ExternalId':'y'}}}}"),
                        d -> {
                            Statement s = d.statements().get(0);
                            assertThat(s.sid()).isEqualTo("AllowVeeam");
                            assertThat(s.label()).isEqualTo("statement 1 (Sid \"AllowVeeam\")");
                            assertThat(s.conditional()).isTrue();
                            // each key once, in the order written
                            assertThat(s.conditionKeys())
                                    .containsExactly("sts:ExternalId", "aws:PrincipalAccount", "aws:SecureTransport");
                        }),
                accepted(
                        "an empty Condition block imposes no condition",
                        PolicyKind.TRUST,
                        j("{'Statement':{'Effect':'Allow','Action':'sts:AssumeRole','Principal':'*','Condition':{}}}"),
                        d -> assertThat(d.statements().get(0).conditional()).isFalse()),
                accepted("no Sid, no Condition", PolicyKind.TRUST, PAGE_TRUST, d -> {
                    assertThat(d.statements().get(0).sid()).isNull();
                    assertThat(d.statements().get(0).condition()).isNull();
                    assertThat(d.statements().get(0).conditional()).isFalse();
                }),
                accepted(
                        "Version 2012-10-17",
                        PolicyKind.TRUST,
                        PAGE_TRUST,
                        d -> assertThat(d.version()).isEqualTo("2012-10-17")),
                accepted(
                        "Version 2008-10-17",
                        PolicyKind.TRUST,
                        j("{'Version':'2008-10-17','Statement':[" + EC2_STATEMENT + "]}"),
                        d -> assertThat(d.version()).isEqualTo("2008-10-17")),
                accepted("Version missing", PolicyKind.TRUST, j("{'Statement':[" + EC2_STATEMENT + "]}"), d -> {
                    assertThat(d.version()).isNull();
                    assertThat(d.statements()).hasSize(1);
                }),
                accepted(
                        "Effect Deny",
                        PolicyKind.TRUST,
                        j("{'Statement':{'Effect':'Deny','Action':'sts:AssumeRole','Principal':'*'}}"),
                        d -> assertThat(d.statements().get(0).allow()).isFalse()),
                accepted(
                        "kind is kept",
                        PolicyKind.IDENTITY,
                        j("{'Statement':{'Effect':'Allow','Action':'*','Resource':'*'}}"),
                        d -> assertThat(d.kind()).isEqualTo(PolicyKind.IDENTITY)));
    }

    static Arguments accepted(String name, PolicyKind kind, String json, Consumer<PolicyDocument> expectation) {
        return Arguments.of(name, kind, json, expectation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedDocuments")
    void readsWhatIamAccepts(String name, PolicyKind kind, String json, Consumer<PolicyDocument> expectation) {
        expectation.accept(PolicyDocument.parse(json, kind));
    }

    @ParameterizedTest(name = "URL-encoded: {0}")
    @MethodSource("acceptedDocuments")
    void readsTheSameDocumentUrlEncoded(
            String name, PolicyKind kind, String json, Consumer<PolicyDocument> expectation) {
        PolicyDocument decoded = PolicyDocument.parse(urlEncode(json), kind);
        expectation.accept(decoded);
        assertThat(decoded.toJson()).isEqualTo(json);
    }

    // ---------------------------------------------------------------- URL-encoded or plain

    @Test
    void readsAPolicyExactlyAsIamReturnsIt() {
        // GetRole's AssumeRolePolicyDocument for the page's EC2 trust policy, byte for byte.
        String raw = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C"
                + "%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Principal%22%3A%7B%22Service%22%3A%22ec2.amazonaws.com%22%7D%7D%5D%7D";
        PolicyDocument d = trust(raw);
        assertThat(d.toJson()).isEqualTo(j("{'Version':'2012-10-17','Statement':[" + EC2_STATEMENT + "]}"));
    }

    static Stream<Arguments> textsThatMustNotBeDecoded() {
        String withPlusAndPercent =
                j("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'sts:AssumeRole',"
                        + "'Principal':{'AWS':'arn:aws:iam::111122223333:root'},"
                        + "'Condition':{'StringEquals':{'sts:ExternalId':'a+b%41c%2B%zz 100%'}}}]}");
        return Stream.of(
                Arguments.of("compact", withPlusAndPercent),
                Arguments.of(
                        "pretty-printed with leading blank lines",
                        "\n\n  " + withPlusAndPercent.replace(",", ",\n    ")),
                Arguments.of(
                        "only a plus sign",
                        j("{'Statement':{'Sid':'a+b','Effect':'Allow','Action':'sts:AssumeRole','Principal':'*'}}")));
    }

    @ParameterizedTest(name = "plain JSON is left alone: {0}")
    @MethodSource("textsThatMustNotBeDecoded")
    void plainJsonWithPlusOrPercentIsNotAltered(String name, String json) throws Exception {
        PolicyDocument d = trust(json);
        // The document as written, compacted: literal '+' and '%' sequences are values, not encodings.
        String compact = Json.MAPPER.readTree(json).toString();
        assertThat(d.toJson()).isEqualTo(compact);
        if (json.contains("ExternalId")) {
            assertThat(d.statements()
                            .get(0)
                            .condition()
                            .get("StringEquals")
                            .get("sts:ExternalId")
                            .asText())
                    .isEqualTo("a+b%41c%2B%zz 100%");
        }
    }

    @Test
    void urlEncodedPlusAndPercentDecodeOnceAndAPlusStaysAPlus() {
        // IAM encodes per RFC 3986: '+' in the raw text is a plus sign (not a space), '%2525' is the text '%25'.
        String raw = "%7B%22Statement%22%3A%7B%22Sid%22%3A%22a+b%2Bc%2525%20d%22%2C%22Effect%22%3A%22Allow%22%2C"
                + "%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Principal%22%3A%22*%22%7D%7D";
        assertThat(trust(raw).statements().get(0).sid()).isEqualTo("a+b+c%25 d");
    }

    @Test
    void nonBreakingSpacesBetweenTokensAreWhitespaceButKeptInsideValues() {
        // JSON copied from a web page is indented with U+00A0; inside a value it is part of the value.
        String text =
                "{\u00A0\"Statement\":\u00A0{\"Sid\":\"a\u00A0b\",\u00A0\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":\"*\"}}";
        assertThat(trust(text).statements().get(0).sid()).isEqualTo("a\u00A0b");
    }

    static Stream<String> leadingOddSpaces() {
        return Stream.of("\u00A0", "\uFEFF", "\u00A0\n  ");
    }

    @ParameterizedTest(name = "leading U+{0}")
    @MethodSource("leadingOddSpaces")
    void plainJsonAfterALeadingNonBreakingSpaceOrBomIsNotUrlDecoded(String lead) {
        String json = j("{'Statement':{'Sid':'a%41b','Effect':'Allow','Action':'sts:AssumeRole','Principal':'*'}}");
        assertThat(trust(lead + json).statements().get(0).sid()).isEqualTo("a%41b");
    }

    @Test
    void urlEncodedUtf8DecodesToTheCharacters() {
        String json = j("{'Statement':{'Sid':'é中','Effect':'Allow','Action':'sts:AssumeRole','Principal':'*'}}");
        assertThat(trust(urlEncode(json)).statements().get(0).sid()).isEqualTo("é中");
    }

    // ---------------------------------------------------------------- nothing dropped, nothing reordered

    static Stream<Arguments> compactDocuments() {
        return Stream.of(
                Arguments.of("the page's trust policy", PolicyKind.TRUST, PAGE_TRUST),
                Arguments.of(
                        "keys in unusual order",
                        PolicyKind.TRUST,
                        j(
                                "{'Statement':[{'Principal':{'Service':'ec2.amazonaws.com'},'Action':'sts:AssumeRole','Effect':'Allow','Sid':'Z'}],'Version':'2012-10-17'}")),
                Arguments.of(
                        "unknown keys at every level",
                        PolicyKind.TRUST,
                        j(
                                "{'Id':'doc-1','Version':'2012-10-17','x-note':{'b':[1,true,null,{'c':'d'}],'a':2},'Statement':["
                                        + "{'Effect':'Allow','Comment':'why','Action':['sts:AssumeRole'],'Principal':{'AWS':['111122223333']},"
                                        + "'Condition':{'StringLike':{'aws:userid':['AROA*:x','y']}},'Zeta':false}],'Alpha':'last'}")),
                Arguments.of(
                        "permissions policy in the page's key order",
                        PolicyKind.IDENTITY,
                        j(
                                "{'Version':'2012-10-17','Statement':[{'Action':['ec2:DescribeInstances','sqs:SendMessage'],'Resource':'*','Effect':'Allow'}]}")),
                Arguments.of(
                        "empty strings and arrays",
                        PolicyKind.IDENTITY,
                        j(
                                "{'Statement':{'Sid':'','Effect':'Allow','Action':['a:b'],'Resource':['*'],'Extra':[],'More':{}}}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compactDocuments")
    void toJsonGivesBackTheCompactInputKeysInOrder(String name, PolicyKind kind, String compact) {
        assertThat(PolicyDocument.parse(compact, kind).toJson()).isEqualTo(compact);
        assertThat(PolicyDocument.parse(urlEncode(compact), kind).toJson()).isEqualTo(compact);
    }

    @Test
    void statementJsonIsTheStatementAsWritten() {
        String statement = j("{'Zed':1,'Effect':'Allow','Principal':'*','Action':'sts:AssumeRole','Alpha':[2]}");
        PolicyDocument d = trust(j("{'Statement':[" + statement + "]}"));
        assertThat(d.statements().get(0).json().toString()).isEqualTo(statement);
    }

    @Test
    void jsonIsACopySoChangingItLeavesTheDocumentAlone() {
        PolicyDocument d = trust(PAGE_TRUST);
        d.json().put("Version", "changed");
        d.json().remove("Statement");
        assertThat(d.toJson()).isEqualTo(PAGE_TRUST);
    }

    @Test
    void decimalNumbersSurviveExactly() {
        String compact = j("{'Statement':{'Effect':'Allow','Action':'sts:AssumeRole','Principal':'*',"
                + "'Condition':{'NumericLessThan':{'aws:MultiFactorAuthAge':0.12345678901234567890123}}}}");
        assertThat(trust(compact).toJson()).isEqualTo(compact);
    }

    // ---------------------------------------------------------------- malformed documents

    static final String DEEP_ARRAYS = "[".repeat(100_000) + "]".repeat(100_000);

    static Stream<Arguments> malformedDocuments() {
        String valid = PAGE_TRUST;
        return Stream.of(
                malformed("not JSON at all", PolicyKind.TRUST, "hello", "line 1"),
                malformed("trailing garbage", PolicyKind.TRUST, valid + " x", "line 1"),
                malformed("a second document after the first", PolicyKind.TRUST, valid + "{}", "line 1"),
                malformed("truncated", PolicyKind.TRUST, valid.substring(0, valid.length() - 3), "line 1"),
                malformed(
                        "duplicate key in the document",
                        PolicyKind.TRUST,
                        j("{'Version':'2012-10-17','Version':'2012-10-17','Statement':[" + EC2_STATEMENT + "]}"),
                        "line 1",
                        "Version"),
                malformed(
                        "duplicate key in a statement",
                        PolicyKind.TRUST,
                        j(
                                "{'Statement':[{'Effect':'Allow','Effect':'Deny','Action':'sts:AssumeRole','Principal':'*'}]}"),
                        "line 1",
                        "Effect"),
                malformed(
                        "duplicate key on line 3",
                        PolicyKind.TRUST,
                        "{\n \"Statement\": [],\n \"Statement\": []\n}",
                        "line 3"),
                malformed(
                        "Effect \"allow\" in the second statement",
                        PolicyKind.TRUST,
                        j("{'Statement':[" + EC2_STATEMENT
                                + ",{'Effect':'allow','Action':'sts:AssumeRole','Principal':'*'}]}"),
                        "Statement[1].Effect"),
                malformed(
                        "Effect missing",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Action':'sts:AssumeRole','Principal':'*'}]}"),
                        "Statement[0]",
                        "Effect"),
                malformed(
                        "Effect a boolean",
                        PolicyKind.TRUST,
                        j("{'Statement':{'Effect':true,'Action':'sts:AssumeRole','Principal':'*'}}"),
                        "Statement.Effect"),
                // Shapes IAM refuses when the policy is saved (issue 10): never read as a policy that allows nothing.
                malformed(
                        "Statement an empty array",
                        PolicyKind.TRUST,
                        j("{'Version':'2012-10-17','Statement':[]}"),
                        "Statement",
                        "empty array"),
                malformed(
                        "Statement an empty array (permissions)",
                        PolicyKind.IDENTITY,
                        j("{'Version':'2012-10-17','Statement':[]}"),
                        "Statement",
                        "at least one statement"),
                malformed(
                        "Principal an empty object",
                        PolicyKind.TRUST,
                        j("{'Statement':[" + EC2_STATEMENT
                                + ",{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{}}]}"),
                        "Statement[1].Principal",
                        "empty object"),
                malformed(
                        "NotPrincipal an empty object",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Deny','Action':'sts:AssumeRole','NotPrincipal':{}}]}"),
                        "Statement[0].NotPrincipal",
                        "empty object"),
                malformed(
                        "Action an empty array",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Action':[],'Principal':'*'}]}"),
                        "Statement[0].Action",
                        "at least one action"),
                malformed(
                        "NotAction an empty array",
                        PolicyKind.IDENTITY,
                        j("{'Statement':{'Effect':'Allow','NotAction':[],'Resource':'*'}}"),
                        "Statement.NotAction",
                        "empty array"),
                malformed("Statement missing", PolicyKind.TRUST, j("{'Version':'2012-10-17'}"), "Statement"),
                malformed(
                        "Statement a string",
                        PolicyKind.TRUST,
                        j("{'Version':'2012-10-17','Statement':'Allow'}"),
                        "Statement"),
                malformed("Statement null", PolicyKind.TRUST, j("{'Statement':null}"), "Statement"),
                malformed(
                        "a statement that is a string",
                        PolicyKind.TRUST,
                        j("{'Statement':[" + EC2_STATEMENT + ",'x']}"),
                        "Statement[1]"),
                malformed(
                        "Action a number",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Action':42,'Principal':'*'}]}"),
                        "Statement[0].Action"),
                malformed(
                        "Action array holding a number",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Action':['sts:AssumeRole',42],'Principal':'*'}]}"),
                        "Statement[0].Action[1]"),
                malformed(
                        "Action null",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Action':null,'Principal':'*'}]}"),
                        "Statement[0].Action"),
                malformed(
                        "both Action and NotAction",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Action':'a:b','NotAction':'c:d','Principal':'*'}]}"),
                        "Statement[0]",
                        "NotAction"),
                malformed(
                        "neither Action nor NotAction",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Principal':'*'}]}"),
                        "Statement[0]",
                        "Action"),
                malformed(
                        "both Resource and NotResource",
                        PolicyKind.IDENTITY,
                        j("{'Statement':[{'Effect':'Allow','Action':'a:b','Resource':'*','NotResource':'x'}]}"),
                        "Statement[0]",
                        "NotResource"),
                malformed(
                        "permissions statement without Resource",
                        PolicyKind.IDENTITY,
                        j("{'Statement':[{'Effect':'Allow','Action':'a:b'}]}"),
                        "Statement[0]",
                        "Resource"),
                malformed(
                        "Resource an object",
                        PolicyKind.IDENTITY,
                        j("{'Statement':[{'Effect':'Allow','Action':'a:b','Resource':{'a':'b'}}]}"),
                        "Statement[0].Resource"),
                malformed(
                        "trust statement without Principal",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Action':'sts:AssumeRole'}]}"),
                        "Statement[0]",
                        "Principal"),
                malformed(
                        "both Principal and NotPrincipal",
                        PolicyKind.TRUST,
                        j(
                                "{'Statement':[{'Effect':'Deny','Action':'sts:AssumeRole','Principal':'*','NotPrincipal':{'AWS':'1'}}]}"),
                        "Statement[0]",
                        "NotPrincipal"),
                malformed(
                        "Principal \"foo\"",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Action':'sts:AssumeRole','Principal':'foo'}]}"),
                        "Statement[0].Principal"),
                malformed(
                        "Principal an array",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Action':'sts:AssumeRole','Principal':['*']}]}"),
                        "Statement[0].Principal"),
                malformed(
                        "unknown principal type",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'User':'bob'}}]}"),
                        "Statement[0].Principal",
                        "User"),
                malformed(
                        "principal value a number",
                        PolicyKind.TRUST,
                        j(
                                "{'Statement':[{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'AWS':111122223333}}]}"),
                        "Statement[0].Principal.AWS"),
                malformed(
                        "NotPrincipal \"foo\"",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Effect':'Deny','Action':'sts:AssumeRole','NotPrincipal':'foo'}]}"),
                        "Statement[0].NotPrincipal"),
                malformed(
                        "Condition a string",
                        PolicyKind.TRUST,
                        j(
                                "{'Statement':[{'Effect':'Allow','Action':'sts:AssumeRole','Principal':'*','Condition':'x'}]}"),
                        "Statement[0].Condition"),
                malformed(
                        "Sid a number",
                        PolicyKind.TRUST,
                        j("{'Statement':[{'Sid':1,'Effect':'Allow','Action':'sts:AssumeRole','Principal':'*'}]}"),
                        "Statement[0].Sid"),
                malformed(
                        "unknown Version",
                        PolicyKind.TRUST,
                        j("{'Version':'2012-10-18','Statement':[" + EC2_STATEMENT + "]}"),
                        "Version"),
                malformed(
                        "Version a number",
                        PolicyKind.TRUST,
                        j("{'Version':2012,'Statement':[" + EC2_STATEMENT + "]}"),
                        "Version"),
                malformed("a JSON array instead of an object", PolicyKind.TRUST, "[" + PAGE_TRUST + "]", "object"),
                malformed("a JSON string instead of an object", PolicyKind.TRUST, "\"x\"", "object"),
                malformed("bad percent escape", PolicyKind.TRUST, "%7B%2", "character 4"),
                malformed(
                        "percent sign followed by non-hex",
                        PolicyKind.TRUST,
                        "%7B%22Statement%22%3A%ZZ",
                        "character 22"),
                malformed("URL-encoded text that is not JSON", PolicyKind.TRUST, "%7B%22Statement%22", "line 1"),
                malformed("empty text", PolicyKind.TRUST, "", "empty"),
                malformed("blank text", PolicyKind.IDENTITY, " \n\t ", "empty"),
                malformed("no text at all", PolicyKind.TRUST, null, "empty"),
                malformed("arrays nested 100000 deep", PolicyKind.TRUST, DEEP_ARRAYS, "not valid JSON"),
                malformed(
                        "unclosed arrays nested 100000 deep", PolicyKind.TRUST, "[".repeat(100_000), "not valid JSON"),
                malformed("objects nested 100000 deep", PolicyKind.TRUST, "{\"a\":".repeat(100_000), "not valid JSON"),
                malformed(
                        "arrays nested 100000 deep inside a statement",
                        PolicyKind.TRUST,
                        j("{'Statement':{'Effect':'Allow','Action':'sts:AssumeRole','Principal':'*','X':") + DEEP_ARRAYS
                                + "}}",
                        "not valid JSON"),
                malformed(
                        "arrays nested 100000 deep, URL-encoded",
                        PolicyKind.TRUST,
                        "%5B".repeat(100_000) + "%5D".repeat(100_000),
                        "not valid JSON"));
    }

    static Arguments malformed(String name, PolicyKind kind, String text, String... where) {
        return Arguments.of(name, kind, text, List.of(where));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedDocuments")
    void rejectsMalformedInputNamingWhere(String name, PolicyKind kind, String text, List<String> where) {
        Throwable thrown = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> catchAny(text, kind));
        assertThat(thrown).as("what parsing %s threw", name).isExactlyInstanceOf(MalformedPolicyException.class);
        assertThat(thrown.getMessage()).contains(where);
        // One line, a sentence for an admin: no stack trace, no Java exception names.
        assertThat(thrown.getMessage())
                .doesNotContain("\n", "Exception", "\tat ")
                .endsWith(".");
        assertThat(thrown.getCause()).isNull();
    }

    @Test
    void namesTheLineOfASyntaxErrorInAPrettyPrintedDocument() {
        String text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\",, }\n  ]\n}";
        assertThatThrownBy(() -> trust(text))
                .isExactlyInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining("line 4");
    }

    static Throwable catchAny(String text, PolicyKind kind) {
        try {
            PolicyDocument.parse(text, kind);
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    // ---------------------------------------------------------------- suspected bugs, kept visible

    static Stream<Arguments> messagesWithJavaJargon() {
        return Stream.of(
                Arguments.of("a second document after the first", PAGE_TRUST + "{}"),
                Arguments.of("arrays nested 100000 deep", DEEP_ARRAYS),
                Arguments.of("a number 5000 digits long", j("{'Statement':[],'x':") + "1".repeat(5000) + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messagesWithJavaJargon")
    void everySyntaxErrorSpeaksToAnAdminAndSaysWhere(String name, String text) {
        // Limits on depth and length concern the whole document, so only the trailing text has a position.
        assertThatThrownBy(() -> trust(text))
                .isExactlyInstanceOf(MalformedPolicyException.class)
                .hasMessageMatching(
                        name.startsWith("a second") ? "(?s).*line \\d+.*" : "(?s).*(nested too deeply|too long).*")
                .hasMessageNotContaining("com.fasterxml")
                .hasMessageNotContaining("`")
                .hasMessageNotContaining("Feature")
                .hasMessageNotContaining("StreamReadConstraints");
    }

    @Test
    void rejectsAConditionOperatorThatIsNotAnObject() {
        String text = j(
                "{'Statement':[{'Effect':'Allow','Action':'sts:AssumeRole','Principal':'*','Condition':{'StringEquals':'x'}}]}");
        assertThatThrownBy(() -> trust(text))
                .isExactlyInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining("Statement[0].Condition");
    }

    @Test
    void onlyAsciiHexDigitsFormAPercentEscape() {
        assertThatThrownBy(() -> trust("%\u0663\u0663"))
                .isExactlyInstanceOf(MalformedPolicyException.class)
                .hasMessageContaining("character 1");
    }

    @Test
    void rejectsUrlEncodedBytesThatAreNotUtf8() {
        String raw = "%7B%22Statement%22%3A%7B%22Sid%22%3A%22%C3%22%2C%22Effect%22%3A%22Allow%22%2C"
                + "%22Action%22%3A%22sts%3AAssumeRole%22%2C%22Principal%22%3A%22*%22%7D%7D";
        assertThatThrownBy(() -> trust(raw)).isExactlyInstanceOf(MalformedPolicyException.class);
    }

    @Test
    void principalTypesAreKeptInAnUnmodifiableMap() {
        Principals p = trust(PAGE_TRUST).statements().get(0).principals();
        assertThat(p.byType()).isEqualTo(Map.of("AWS", List.of("arn:aws:iam::111122223333:role/VeeamImpersonation")));
        assertThatThrownBy(() -> p.byType().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
