package com.workerrolewizard.core.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of requirement 4 over the page's 33 actions: however they are split across policies or
 * spelled, the check finds exactly the ones left out, in catalog order.
 */
class PermissionsCheckPropertiesTest {
    private static final ActionCatalog PAGE = ReferenceDocuments.load().builtInCatalog();

    @Property(tries = 200)
    void missingIsExactlyWhatWasLeftOutInCatalogOrder(
            @ForAll("subsets") Set<String> leftOut, @ForAll("splits") List<Integer> split, @ForAll boolean managed) {
        List<String> granted =
                PAGE.actions().stream().filter(a -> !leftOut.contains(a)).toList();
        RequirementResult result = PermissionsCheck.check(role(policies(granted, split, managed)), PAGE);

        List<String> expected =
                PAGE.actions().stream().filter(leftOut::contains).toList();
        assertThat(result.missing()).containsExactlyElementsOf(expected);
        assertThat(result.status()).isEqualTo(leftOut.isEmpty() ? Status.PASS : Status.FAIL);
        assertThat(result.detail()).doesNotContain("null");
    }

    @Property(tries = 100)
    void caseOfActionNamesNeverMatters(@ForAll("caseFlips") List<Boolean> flips) {
        // IAM compares action names without regard to case: any mix of upper and lower case still passes
        List<String> spelled = new ArrayList<>();
        for (int i = 0; i < PAGE.size(); i++) {
            String action = PAGE.actions().get(i);
            spelled.add(flips.get(i) ? action.toUpperCase(Locale.ROOT) : action.toLowerCase(Locale.ROOT));
        }
        RequirementResult result = PermissionsCheck.check(role(policies(spelled, List.of(), false)), PAGE);
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Property(tries = 100)
    void aDenyOfAnyOneActionFailsExactlyThatAction(@ForAll("pageActions") String denied) {
        List<IdentityPolicy> policies = new ArrayList<>(policies(PAGE.actions(), List.of(), false));
        policies.add(IdentityPolicy.inline("Guard", document(List.of(), denied)));
        RequirementResult result = PermissionsCheck.check(role(policies), PAGE);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.missing()).containsExactly(denied);
        assertThat(result.reasons().get(denied)).contains("denied by statement 1 of inline policy \"Guard\"");
    }

    // ---------------------------------------------------------------- NotResource in the Allow

    /** ARNs that can match no resource any of the page's actions acts on. */
    private static final List<String> UNRELATED = List.of(
            "arn:aws:s3:::backups/*",
            "arn:aws-cn:sqs:*:*:*",
            "arn:aws:kms:*:*:key/*",
            "arn:aws:ec2:*:*:volume/*",
            "arn:aws:iam::*:policy/*",
            "arn:aws-us-gov:iam::*:role/*");

    @Property(tries = 150)
    void anExclusionThatCannotMatchIsLikeResourceStar(
            @ForAll("subsets") Set<String> leftOut,
            @ForAll("splits") List<Integer> split,
            @ForAll("unrelated") List<String> notResource) {
        List<String> granted =
                PAGE.actions().stream().filter(a -> !leftOut.contains(a)).toList();
        RequirementResult star = PermissionsCheck.check(role(policies(granted, split, false)), PAGE);
        RequirementResult except = PermissionsCheck.check(role(policies(granted, split, false, notResource)), PAGE);
        assertThat(except.status()).isEqualTo(star.status());
        assertThat(except.missing()).isEqualTo(star.missing());
    }

    /**
     * Excluding whole services ({@code arn:aws:sqs:*}) takes away every resource of the actions all of whose resource
     * types are in them (FAIL), some of those with types elsewhere too (WARN), and nothing from actions without a
     * resource type. The oracle reads the reference data itself and reasons by service only.
     */
    @Property(tries = 100)
    void excludingWholeServicesFailsTheActionsWhoseEveryResourceIsThere(@ForAll("services") Set<String> services) {
        List<String> notResource =
                services.stream().sorted().map(s -> "arn:aws:" + s + ":*").toList();
        RequirementResult result =
                PermissionsCheck.check(role(policies(PAGE.actions(), List.of(), false, notResource)), PAGE);
        List<String> expectedMissing = new ArrayList<>();
        boolean risk = false;
        for (String action : PAGE.actions()) {
            List<String> typeServices = new ArrayList<>();
            REFERENCE
                    .path("actions")
                    .path(action)
                    .forEach(t -> typeServices.add(t.asText().split(":")[0]));
            long inside = typeServices.stream().filter(services::contains).count();
            if (!typeServices.isEmpty() && inside == typeServices.size()) {
                expectedMissing.add(action);
            } else if (inside > 0) {
                risk = true;
            }
        }
        assertThat(result.missing()).containsExactlyElementsOf(expectedMissing);
        assertThat(result.status())
                .isEqualTo(!expectedMissing.isEmpty() ? Status.FAIL : risk ? Status.WARN : Status.PASS);
    }

    /**
     * Never a false PASS: whatever a NotResource names, if it matches a real resource of any required action (an
     * instance of the action's ARN formats with concrete names), the requirement is not PASS.
     */
    @Property(tries = 300)
    void aNotResourceThatMatchesARealResourceIsNeverAPass(
            @ForAll("exclusions") String pattern, @ForAll("names") List<String> names) {
        RequirementResult result =
                PermissionsCheck.check(role(policies(PAGE.actions(), List.of(), false, List.of(pattern))), PAGE);
        boolean excludesSomething = false;
        for (String action : PAGE.actions()) {
            for (var type : REFERENCE.path("actions").path(action)) {
                String format =
                        REFERENCE.path("resourceTypes").path(type.asText()).asText();
                String arn = instance(format, names);
                excludesSomething |= com.workerrolewizard.core.evaluation.Wildcard.matchesResource(pattern, arn);
            }
        }
        net.jqwik.api.statistics.Statistics.label("excludes a real resource")
                .collect(excludesSomething)
                .coverage(c -> c.check(true).percentage(pct -> pct > 12));
        if (excludesSomething) {
            assertThat(result.status())
                    .as("%s excludes a resource; detail: %s", pattern, result.detail())
                    .isNotEqualTo(Status.PASS);
        }
    }

    private static final com.fasterxml.jackson.databind.JsonNode REFERENCE = readReference();

    private static com.fasterxml.jackson.databind.JsonNode readReference() {
        try (var in = PermissionsCheckPropertiesTest.class.getResourceAsStream("/reference/action-resources.json")) {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The ARN format with the partition "aws" and each other variable replaced by the next of the names. */
    private static String instance(String format, List<String> names) {
        String text = format.replace("${Partition}", "aws");
        int i = 0;
        while (text.contains("${")) {
            int start = text.indexOf("${");
            text = text.substring(0, start)
                    + names.get(i++ % names.size())
                    + text.substring(text.indexOf('}', start) + 1);
        }
        return text;
    }

    @Provide
    Arbitrary<List<String>> unrelated() {
        return Arbitraries.of(UNRELATED).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
    }

    @Provide
    Arbitrary<Set<String>> services() {
        return Arbitraries.subsetOf("ec2", "iam", "sqs", "ssm", "s3");
    }

    @Provide
    Arbitrary<List<String>> names() {
        return Arbitraries.of("q", "444455556666", "us-east-1", "i-0abc", "doc", "admin/role", "x")
                .list()
                .ofMinSize(1)
                .ofMaxSize(4);
    }

    /**
     * Patterns made from the reference's own ARN formats: each variable a wildcard, a concrete name or a near miss,
     * the partition sometimes another, and sometimes a whole format replaced by pieces put together at random.
     */
    @Provide
    Arbitrary<String> exclusions() {
        List<String> formats = new ArrayList<>();
        REFERENCE.path("resourceTypes").forEach(f -> formats.add(f.asText()));
        Arbitrary<String> value =
                Arbitraries.of("*", "?", "q", "444455556666", "us-east-1", "i-0abc", "doc", "admin/*", "x*", "*q", "");
        Arbitrary<String> fromFormat = Combinators.combine(
                        Arbitraries.of(formats),
                        Arbitraries.of("aws", "aws", "*", "aws-cn"),
                        value.list().ofSize(4))
                .as((format, partition, values) -> {
                    String text = format.replace("${Partition}", partition);
                    int i = 0;
                    while (text.contains("${")) {
                        int start = text.indexOf("${");
                        text = text.substring(0, start)
                                + values.get(i++ % values.size())
                                + text.substring(text.indexOf('}', start) + 1);
                    }
                    return text;
                });
        Arbitrary<String> piece = Arbitraries.of(
                "*",
                "?",
                "aws",
                "sqs",
                "ssm",
                "iam",
                "ec2",
                "us-east-1",
                "444455556666",
                "role/*",
                "document/*",
                "instance/*",
                "x",
                "");
        Arbitrary<String> pieces = piece.list().ofSize(5).map(p -> "arn:" + String.join(":", p));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, fromFormat),
                net.jqwik.api.Tuple.of(1, pieces),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("*", "arn:*", "arn:aws:*", "arn:aws:s*")));
    }

    @Provide
    Arbitrary<Set<String>> subsets() {
        return Arbitraries.subsetOf(PAGE.actions());
    }

    /** Cut points: where the granted actions are split into separate policies. */
    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.integers()
                .between(1, 32)
                .list()
                .ofMaxSize(6)
                .map(l -> l.stream().distinct().sorted().toList());
    }

    @Provide
    Arbitrary<List<Boolean>> caseFlips() {
        return Arbitraries.of(true, false).list().ofSize(PAGE.size());
    }

    @Provide
    Arbitrary<String> pageActions() {
        return Arbitraries.of(PAGE.actions());
    }

    private static List<IdentityPolicy> policies(List<String> actions, List<Integer> cuts, boolean managed) {
        return policies(actions, cuts, managed, null);
    }

    /** The actions split into policies; each Allow on "*", or on NotResource of the given values when not null. */
    private static List<IdentityPolicy> policies(
            List<String> actions, List<Integer> cuts, boolean managed, List<String> notResource) {
        List<IdentityPolicy> result = new ArrayList<>();
        int from = 0;
        List<Integer> bounds = new ArrayList<>(cuts);
        bounds.add(actions.size());
        for (int to : bounds) {
            int end = Math.min(to, actions.size());
            if (end > from) {
                PolicyDocument doc = document(actions.subList(from, end), null, notResource);
                String name = "P" + result.size();
                result.add(
                        managed
                                ? new IdentityPolicy(
                                        IdentityPolicy.Kind.MANAGED,
                                        name,
                                        "arn:aws:iam::444455556666:policy/" + name,
                                        "v1",
                                        Known.of(doc))
                                : IdentityPolicy.inline(name, doc));
                from = end;
            }
        }
        return result;
    }

    /** An Allow of the given actions on "*", or (when denied is set) a Deny of that one action on "*". */
    private static PolicyDocument document(List<String> allowed, String denied) {
        return document(allowed, denied, null);
    }

    private static PolicyDocument document(List<String> allowed, String denied, List<String> notResource) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("Version", "2012-10-17");
        ObjectNode statement = doc.putArray("Statement").addObject();
        statement.put("Effect", denied == null ? "Allow" : "Deny");
        ArrayNode action = statement.putArray("Action");
        (denied == null ? allowed : List.of(denied)).forEach(action::add);
        if (notResource == null) {
            statement.put("Resource", "*");
        } else {
            notResource.forEach(statement.putArray("NotResource")::add);
        }
        return PolicyDocument.parse(doc.toString(), PolicyKind.IDENTITY);
    }

    private static RoleSnapshot role(List<IdentityPolicy> policies) {
        PolicyDocument trust = PolicyDocument.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}",
                PolicyKind.TRUST);
        return new RoleSnapshot(
                "R",
                "/",
                "arn:aws:iam::444455556666:role/R",
                "AROAX",
                Known.of(trust),
                Known.of(List.of()),
                Known.of(policies),
                Known.of(Optional.empty()));
    }
}
