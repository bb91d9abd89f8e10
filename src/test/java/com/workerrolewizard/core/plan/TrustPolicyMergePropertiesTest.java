package com.workerrolewizard.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.ApplianceTrustCheck;
import com.workerrolewizard.core.requirement.Ec2TrustCheck;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Issue 3, "Fix plans": the role's new trust policy is its current one with the page's missing statements
 * appended. For random existing trust policies (every shape IAM accepts: Statement as object or array,
 * Sids, Conditions, unknown keys, any key order, Allow and Deny, every principal type, Action and
 * NotAction, with or without Version), the merge keeps every original statement byte for byte, makes both
 * trust checks hold unless a Deny blocks, is a no-op the second time, and appends exactly the page's
 * statements.
 */
class TrustPolicyMergePropertiesTest {

    static final String APPLIANCE_ARN = "arn:aws:iam::111122223333:role/VeeamImpersonation";
    static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(APPLIANCE_ARN);
    static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();
    static final WorkerDocuments DOCUMENTS = new WorkerDocuments(REFERENCES, REFERENCES.builtInCatalog());

    /** The page's statements as compact JSON, written out here by hand (key order Effect, Action, Principal). */
    static String pageApplianceStatement(String principalArn) {
        return "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"" + principalArn + "\"}}";
    }

    static final String PAGE_EC2_STATEMENT =
            "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}";

    // ---------------------------------------------------------------- generated documents

    /** A trust policy as text, with the compact JSON of each of its statements, in order. */
    record Generated(String json, List<String> statements, boolean statementIsObject, List<String> topLevelKeys) {
        @Override
        public String toString() {
            return json;
        }
    }

    /** One "key":value member, value already JSON. */
    record Member(String key, String value) {
        String json() {
            return "\"" + key + "\":" + value;
        }
    }

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    static String object(List<Member> members) {
        return "{" + String.join(",", members.stream().map(Member::json).toList()) + "}";
    }

    /** A string, or an array of one to three strings, from the pool. */
    static Arbitrary<String> stringOrArray(Arbitrary<String> pool) {
        Arbitrary<String> single = pool.map(TrustPolicyMergePropertiesTest::quoted);
        Arbitrary<String> array = pool.list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(values -> "["
                        + String.join(
                                ",",
                                values.stream()
                                        .map(TrustPolicyMergePropertiesTest::quoted)
                                        .toList()) + "]");
        return Arbitraries.oneOf(single, array);
    }

    static Arbitrary<String> awsPrincipals() {
        return Arbitraries.of(
                APPLIANCE_ARN,
                "arn:aws:iam::111122223333:root",
                "111122223333",
                "arn:aws:iam::999988887777:root",
                "999988887777",
                "arn:aws:iam::999988887777:role/VeeamImpersonation",
                "arn:aws:iam::111122223333:role/veeamimpersonation",
                "arn:aws:iam::111122223333:role/veeam/VeeamImpersonation",
                "arn:aws:iam::111122223333:role/Admin",
                "AROA1234567890EXAMPLE",
                "*",
                "arn:aws-cn:iam::111122223333:role/VeeamImpersonation",
                "arn:aws-us-gov:iam::111122223333:root");
    }

    static Arbitrary<String> servicePrincipals() {
        return Arbitraries.of(
                "ec2.amazonaws.com",
                "ec2.amazonaws.com.cn",
                "lambda.amazonaws.com",
                "ssm.amazonaws.com",
                "ecs-tasks.amazonaws.com");
    }

    static Arbitrary<String> federatedPrincipals() {
        return Arbitraries.of(
                "cognito-identity.amazonaws.com",
                "accounts.google.com",
                "arn:aws:iam::444455556666:saml-provider/ADFS");
    }

    /** "*", or an object of one to three principal types in any order. */
    static Arbitrary<String> principalValue() {
        Arbitrary<Member> aws = stringOrArray(awsPrincipals()).map(v -> new Member("AWS", v));
        Arbitrary<Member> service = stringOrArray(servicePrincipals()).map(v -> new Member("Service", v));
        Arbitrary<Member> federated = stringOrArray(federatedPrincipals()).map(v -> new Member("Federated", v));
        Arbitrary<String> map = Combinators.combine(
                        aws, service, federated, Arbitraries.integers().between(1, 7))
                .as((a, s, f, mask) -> {
                    List<Member> members = new ArrayList<>();
                    if ((mask & 1) != 0) {
                        members.add(a);
                    }
                    if ((mask & 2) != 0) {
                        members.add(s);
                    }
                    if ((mask & 4) != 0) {
                        members.add(f);
                    }
                    return members;
                })
                .flatMap(members -> Arbitraries.shuffle(members).map(TrustPolicyMergePropertiesTest::object));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(quoted("*"))), Tuple.of(9, map));
    }

    static Arbitrary<String> actionValue() {
        return stringOrArray(Arbitraries.of(
                "sts:AssumeRole",
                "sts:*",
                "*",
                "sts:Assume*",
                "STS:assumerole",
                "sts:AssumeRol?",
                "sts:AssumeRoleWithSAML",
                "sts:AssumeRoleWithWebIdentity",
                "sts:TagSession",
                "sts:SetSourceIdentity",
                "s3:GetObject"));
    }

    static Arbitrary<String> conditionValue() {
        return Arbitraries.of(
                "{\"StringEquals\":{\"sts:ExternalId\":\"veeam-7731\"}}",
                "{\"Bool\":{\"aws:SecureTransport\":\"true\"}}",
                "{\"StringLike\":{\"aws:PrincipalArn\":[\"arn:aws:iam::111122223333:role/*\"]}}",
                "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},\"StringEquals\":{\"aws:SourceAccount\":\"444455556666\"}}",
                "{}");
    }

    static Arbitrary<Optional<Member>> optional(Arbitrary<Member> member, int percent) {
        return Arbitraries.integers()
                .between(1, 100)
                .flatMap(roll ->
                        roll <= percent ? member.map(Optional::of) : Arbitraries.just(Optional.<Member>empty()));
    }

    /** One statement: Effect, Action/NotAction, Principal/NotPrincipal, maybe Sid, Condition, unknown keys; shuffled. */
    static Arbitrary<String> statement() {
        Arbitrary<Member> effect = Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.just("Allow")), Tuple.of(1, Arbitraries.just("Deny")))
                .map(e -> new Member("Effect", quoted(e)));
        Arbitrary<Member> action = Combinators.combine(
                        Arbitraries.frequencyOf(
                                Tuple.of(4, Arbitraries.just("Action")), Tuple.of(1, Arbitraries.just("NotAction"))),
                        actionValue())
                .as(Member::new);
        Arbitrary<Member> principal = Combinators.combine(
                        Arbitraries.frequencyOf(
                                Tuple.of(9, Arbitraries.just("Principal")),
                                Tuple.of(1, Arbitraries.just("NotPrincipal"))),
                        principalValue())
                .as(Member::new);
        Arbitrary<Optional<Member>> sid = optional(
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .ofMinLength(0)
                        .ofMaxLength(12)
                        .map(s -> new Member("Sid", quoted(s))),
                40);
        Arbitrary<Optional<Member>> condition = optional(conditionValue().map(c -> new Member("Condition", c)), 30);
        Arbitrary<Optional<Member>> unknown = optional(
                Arbitraries.of(
                        new Member("Comment", quoted("kept as written")),
                        new Member("x-owner", "{\"team\":\"backup\",\"ids\":[1,2,3],\"active\":true}")),
                20);
        return Combinators.combine(effect, action, principal, sid, condition, unknown)
                .as((e, a, p, s, c, u) -> {
                    List<Member> members = new ArrayList<>(List.of(e, a, p));
                    s.ifPresent(members::add);
                    c.ifPresent(members::add);
                    u.ifPresent(members::add);
                    return members;
                })
                .flatMap(members -> Arbitraries.shuffle(members).map(TrustPolicyMergePropertiesTest::object));
    }

    @Provide
    Arbitrary<Generated> trustPolicies() {
        // IAM refuses an empty Statement array (the parser does too), so at least one.
        Arbitrary<List<String>> statements = statement().list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<Optional<String>> version =
                Arbitraries.of(Optional.empty(), Optional.of("2008-10-17"), Optional.of("2012-10-17"));
        Arbitrary<Optional<Member>> id = optional(Arbitraries.just(new Member("Id", quoted("worker-trust-1"))), 30);
        Arbitrary<Optional<Member>> unknown =
                optional(Arbitraries.just(new Member("Comment", "{\"ticket\":\"CHG-42\"}")), 20);
        return Combinators.combine(statements, version, id, unknown, Arbitraries.of(true, false))
                .as((list, v, i, u, asObject) -> {
                    boolean object = asObject && list.size() == 1;
                    List<Member> members = new ArrayList<>();
                    v.ifPresent(value -> members.add(new Member("Version", quoted(value))));
                    members.add(new Member("Statement", object ? list.get(0) : "[" + String.join(",", list) + "]"));
                    i.ifPresent(members::add);
                    u.ifPresent(members::add);
                    return Tuple.of(members, list, object);
                })
                .flatMap(t -> Arbitraries.shuffle(t.get1())
                        .map(members -> new Generated(
                                object(members),
                                t.get2(),
                                t.get3(),
                                members.stream().map(Member::key).toList())));
    }

    // ---------------------------------------------------------------- helpers

    static RoleSnapshot role(PolicyDocument trust, Partition partition) {
        return new RoleSnapshot(
                "WorkerRole",
                "/",
                "arn:" + partition.id() + ":iam::444455556666:role/WorkerRole",
                "AROAEXAMPLE",
                Known.of(trust),
                Known.of(List.of()),
                Known.of(List.of()),
                Known.of(Optional.empty()));
    }

    static TrustPolicyMerge.Result merge(PolicyDocument doc) {
        return TrustPolicyMerge.merge(doc, APPLIANCE, Partition.AWS, DOCUMENTS);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> statementTexts(JsonNode document) {
        List<String> texts = new ArrayList<>();
        document.get("Statement").forEach(s -> texts.add(s.toString()));
        return texts;
    }

    static boolean blocksAppliance(TrustPolicyMerge.Result result) {
        return result.blocked().stream().anyMatch(b -> b.contains("appliance"));
    }

    static boolean blocksEc2(TrustPolicyMerge.Result result) {
        return result.blocked().stream().anyMatch(b -> b.contains("EC2 service"));
    }

    private static final String DELETED_PRINCIPAL = "AROA1234567890EXAMPLE";

    // ---------------------------------------------------------------- (a) originals kept

    @Property(tries = 1000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void everyOriginalStatementAndTopLevelKeyIsKeptAsWritten(@ForAll("trustPolicies") Generated generated) {
        PolicyDocument doc = PolicyDocument.parse(generated.json(), PolicyKind.TRUST);
        TrustPolicyMerge.Result result = merge(doc);
        ObjectNode after = result.after();

        // The generator reaches every shape: several statements, one in an array, a lone object; changed and
        // unchanged merges. (No statement at all is a shape IAM refuses.)
        Statistics.label("shape")
                .collect(
                        generated.statementIsObject()
                                ? "object"
                                : generated.statements().size() > 1 ? "several" : "one in an array");
        Statistics.label("shape").coverage(c -> {
            c.check("object").count(n -> n > 0);
            c.check("one in an array").count(n -> n > 0);
            c.check("several").count(n -> n > 0);
        });
        Statistics.label("changed").collect(result.changed());
        Statistics.label("changed").coverage(c -> {
            c.check(true).count(n -> n > 0);
            c.check(false).count(n -> n > 0);
        });

        // The merged Statement is an array whose first elements are the originals, byte for byte (a lone
        // statement object becomes the first element of an array when something is appended).
        assertThat(after.get("Statement").isArray()).isEqualTo(result.changed() || !generated.statementIsObject());
        List<String> merged = after.get("Statement").isArray()
                ? statementTexts(after)
                : List.of(after.get("Statement").toString());
        if (result.removed().isEmpty()) {
            assertThat(merged.size())
                    .isGreaterThanOrEqualTo(generated.statements().size());
            assertThat(merged.subList(0, generated.statements().size()))
                    .containsExactlyElementsOf(generated.statements());
        } else {
            // A write must take out the unique ID of a deleted principal (IAM refuses to save it); every statement
            // without one is kept byte for byte, in order, and no ID is left.
            List<String> untouched = generated.statements().stream()
                    .filter(t -> !t.contains(DELETED_PRINCIPAL))
                    .toList();
            if (!untouched.isEmpty()) {
                assertThat(merged).containsSubsequence(untouched);
            }
            assertThat(after.toString()).doesNotContain(DELETED_PRINCIPAL);
        }
        // Top-level keys: same keys, same order, every key other than Statement unchanged.
        assertThat(fieldNames(after)).containsExactlyElementsOf(generated.topLevelKeys());
        JsonNode original = read(generated.json());
        for (String key : generated.topLevelKeys()) {
            if (!key.equals("Statement")) {
                assertThat(after.get(key).toString())
                        .as(key)
                        .isEqualTo(original.get(key).toString());
            }
        }
        // "before" is the document as read, and the input document is not changed by the merge.
        assertThat(result.before().toString()).isEqualTo(generated.json());
        assertThat(doc.toJson()).isEqualTo(generated.json());
        // An unchanged merge gives back the document exactly (a lone statement object stays an object).
        if (!result.changed()) {
            assertThat(after.toString()).isEqualTo(generated.json());
        }
        // What comes out is a trust policy IAM's grammar accepts.
        assertThat(PolicyDocument.parse(after.toString(), PolicyKind.TRUST).statements())
                .hasSize(merged.size());
    }

    // ---------------------------------------------------------------- (b) both checks hold afterwards

    @Property(tries = 1000)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void bothTrustChecksHoldAfterwardsUnlessADenyBlocks(@ForAll("trustPolicies") Generated generated) {
        PolicyDocument doc = PolicyDocument.parse(generated.json(), PolicyKind.TRUST);
        TrustPolicyMerge.Result result = merge(doc);
        RoleSnapshot after = role(PolicyDocument.parse(result.after().toString(), PolicyKind.TRUST), Partition.AWS);
        RequirementResult appliance = ApplianceTrustCheck.check(after, APPLIANCE);
        RequirementResult ec2 = Ec2TrustCheck.check(after);

        Statistics.label("blocked").collect(blocksAppliance(result), blocksEc2(result));
        Statistics.label("blocked").coverage(c -> {
            c.check(true, false).count(n -> n > 0);
            c.check(false, true).count(n -> n > 0);
            c.check(false, false).percentage(p -> p > 50);
        });
        if (blocksAppliance(result)) {
            assertThat(appliance.status()).as(appliance.detail()).isEqualTo(Status.FAIL);
            assertThat(appliance.detail()).containsIgnoringCase("denies");
        } else {
            assertThat(appliance.status().holds()).as(appliance.detail()).isTrue();
        }
        if (blocksEc2(result)) {
            assertThat(ec2.status()).as(ec2.detail()).isEqualTo(Status.FAIL);
            assertThat(ec2.detail()).containsIgnoringCase("denies");
        } else {
            assertThat(ec2.status().holds()).as(ec2.detail()).isTrue();
        }
        // Only a Deny blocks, and each blocker names the Deny statement.
        boolean anyDeny = doc.statements().stream().anyMatch(s -> !s.allow());
        if (!anyDeny) {
            assertThat(result.blocked()).isEmpty();
        }
        for (String blocker : result.blocked()) {
            assertThat(blocker).containsPattern("statement \\d+").contains("denies");
            int index = Integer.parseInt(blocker.replaceAll("(?s).*?statement (\\d+).*", "$1")) - 1;
            assertThat(doc.statements().get(index).allow()).as(blocker).isFalse();
        }
    }

    // ---------------------------------------------------------------- (c) merging again changes nothing

    @Property(tries = 1000)
    void mergingTheMergedPolicyAgainIsANoOp(@ForAll("trustPolicies") Generated generated) {
        TrustPolicyMerge.Result first = merge(PolicyDocument.parse(generated.json(), PolicyKind.TRUST));
        String once = first.after().toString();
        TrustPolicyMerge.Result second = merge(PolicyDocument.parse(once, PolicyKind.TRUST));

        assertThat(second.changed()).isFalse();
        assertThat(second.added()).isEmpty();
        assertThat(second.after().toString()).isEqualTo(once);
        assertThat(second.before().toString()).isEqualTo(once);
        // The same principals stay blocked; a statement taken out with a deleted principal's ID renumbers the rest.
        assertThat(second.blocked().stream()
                        .map(b -> b.replaceAll("statement \\d+", "statement N"))
                        .toList())
                .containsExactlyElementsOf(first.blocked().stream()
                        .map(b -> b.replaceAll("statement \\d+", "statement N"))
                        .toList());
    }

    // ---------------------------------------------------------------- (d) exactly the page's statements are appended

    @Property(tries = 1000)
    void theAppendedStatementsAreExactlyThePagesOnesThatWereMissing(@ForAll("trustPolicies") Generated generated) {
        PolicyDocument doc = PolicyDocument.parse(generated.json(), PolicyKind.TRUST);
        RoleSnapshot before = role(doc, Partition.AWS);
        RequirementResult applianceBefore = ApplianceTrustCheck.check(before, APPLIANCE);
        RequirementResult ec2Before = Ec2TrustCheck.check(before);
        TrustPolicyMerge.Result result = merge(doc);

        // Needed: the check fails and no Deny keeps the principal out. Already granted (even under a Condition): not
        // added.
        boolean applianceNeeded = applianceBefore.status() == Status.FAIL && !blocksAppliance(result);
        boolean ec2Needed = ec2Before.status() == Status.FAIL && !blocksEc2(result);
        List<String> expected = new ArrayList<>();
        if (applianceNeeded) {
            expected.add(pageApplianceStatement(APPLIANCE_ARN));
        }
        if (ec2Needed) {
            expected.add(PAGE_EC2_STATEMENT);
        }
        List<String> merged = result.after().get("Statement").isArray()
                ? statementTexts(result.after())
                : List.of(result.after().get("Statement").toString());
        assertThat(merged.subList(merged.size() - result.added().size(), merged.size()))
                .containsExactlyElementsOf(expected);
        assertThat(result.added()).hasSize(expected.size());
        assertThat(result.changed()).isEqualTo(!expected.isEmpty());
        // The page's key order, not just the same keys.
        if (result.changed()) {
            JsonNode statements = result.after().get("Statement");
            for (int i = statements.size() - result.added().size(); i < statements.size(); i++) {
                assertThat(fieldNames(statements.get(i))).containsExactly("Effect", "Action", "Principal");
            }
        }
    }

    // ---------------------------------------------------------------- other appliance forms and partitions

    /** The appliance as a role ARN, an account root ARN, or a bare account ID, in some partition. */
    @Provide
    Arbitrary<String> appliances() {
        return Arbitraries.of(
                APPLIANCE_ARN,
                "arn:aws:iam::111122223333:root",
                "111122223333",
                "arn:aws-cn:iam::111122223333:role/VeeamImpersonation",
                "arn:aws-us-gov:iam::111122223333:root",
                "arn:aws:iam::111122223333:role/veeam/VeeamImpersonation");
    }

    @Property(tries = 600)
    void anyApplianceFormInAnyPartitionEndsUpTrustedOrReported(
            @ForAll("trustPolicies") Generated generated,
            @ForAll("appliances") String applianceText,
            @ForAll Partition partition) {
        AppliancePrincipal appliance = AppliancePrincipal.parse(applianceText);
        PolicyDocument doc = PolicyDocument.parse(generated.json(), PolicyKind.TRUST);
        TrustPolicyMerge.Result result = TrustPolicyMerge.merge(doc, appliance, partition, DOCUMENTS);
        RoleSnapshot after = role(PolicyDocument.parse(result.after().toString(), PolicyKind.TRUST), partition);
        RequirementResult applianceAfter = ApplianceTrustCheck.check(after, appliance);
        RequirementResult ec2After = Ec2TrustCheck.check(after);

        boolean otherPartition =
                appliance.partition().isPresent() && appliance.partition().get() != partition;
        if (otherPartition) {
            assertThat(result.blocked()).anySatisfy(b -> assertThat(b).contains("partition"));
            assertThat(result.added()).noneMatch(a -> a.contains("appliance"));
            if (result.changed()) {
                List<String> merged = statementTexts(result.after());
                assertThat(merged.subList(merged.size() - result.added().size(), merged.size()))
                        .containsExactly(PAGE_EC2_STATEMENT);
            }
            assertThat(applianceAfter.status()).isEqualTo(Status.FAIL);
        } else if (!blocksAppliance(result)) {
            assertThat(applianceAfter.status().holds())
                    .as(applianceAfter.detail())
                    .isTrue();
        }
        if (!blocksEc2(result)) {
            assertThat(ec2After.status().holds()).as(ec2After.detail()).isTrue();
        }
        // An appended appliance statement names the appliance in the role's partition.
        if (result.added().stream().anyMatch(a -> a.contains("appliance"))) {
            List<String> merged = statementTexts(result.after());
            assertThat(merged.get(merged.size() - result.added().size()))
                    .isEqualTo(pageApplianceStatement(appliance.arn(partition)));
            assertThat(appliance.arn(partition)).startsWith("arn:" + partition.id() + ":");
        }
        // And merging again changes nothing, in every partition.
        TrustPolicyMerge.Result again = TrustPolicyMerge.merge(
                PolicyDocument.parse(result.after().toString(), PolicyKind.TRUST), appliance, partition, DOCUMENTS);
        assertThat(again.changed()).isFalse();
        assertThat(again.after().toString()).isEqualTo(result.after().toString());
    }

    // ---------------------------------------------------------------- numbers in an existing statement

    static String withNumber(String number) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Condition\":{\"NumericLessThan\":"
                + "{\"aws:MultiFactorAuthAge\":" + number + "}}}]}";
    }

    static java.math.BigDecimal numberIn(JsonNode document) {
        return document.get("Statement")
                .get(0)
                .get("Condition")
                .get("NumericLessThan")
                .get("aws:MultiFactorAuthAge")
                .decimalValue();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"3600", "1.50", "0.0", "12345678901234567890", "1e3", "3.6e3", "1.0e-2", "-0"})
    void aNumberInAnExistingConditionKeepsItsValue(String number) {
        TrustPolicyMerge.Result result = merge(PolicyDocument.parse(withNumber(number), PolicyKind.TRUST));
        assertThat(result.changed()).isTrue();
        assertThat(numberIn(result.after())).isEqualByComparingTo(new java.math.BigDecimal(number));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"3600", "1.50", "0.0", "12345678901234567890"})
    void aNumberInAnExistingConditionKeepsItsText(String number) {
        TrustPolicyMerge.Result result = merge(PolicyDocument.parse(withNumber(number), PolicyKind.TRUST));
        assertThat(result.after().get("Statement").get(0).toString())
                .contains("\"aws:MultiFactorAuthAge\":" + number + "}");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e3", "3.6e3", "1.0e-2", "-0"})
    void aNumberInExponentFormKeepsItsText(String number) {
        TrustPolicyMerge.Result result = merge(PolicyDocument.parse(withNumber(number), PolicyKind.TRUST));
        assertThat(result.after().get("Statement").get(0).toString())
                .contains("\"aws:MultiFactorAuthAge\":" + number + "}");
    }

    static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
