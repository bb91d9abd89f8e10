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
    void missingIsExactlyWhatWasLeftOutInCatalogOrder(@ForAll("subsets") Set<String> leftOut,
            @ForAll("splits") List<Integer> split, @ForAll boolean managed) {
        List<String> granted = PAGE.actions().stream().filter(a -> !leftOut.contains(a)).toList();
        RequirementResult result = PermissionsCheck.check(role(policies(granted, split, managed)), PAGE);

        List<String> expected = PAGE.actions().stream().filter(leftOut::contains).toList();
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

    @Provide
    Arbitrary<Set<String>> subsets() {
        return Arbitraries.subsetOf(PAGE.actions());
    }

    /** Cut points: where the granted actions are split into separate policies. */
    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.integers().between(1, 32).list().ofMaxSize(6).map(l -> l.stream().distinct().sorted().toList());
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
        List<IdentityPolicy> result = new ArrayList<>();
        int from = 0;
        List<Integer> bounds = new ArrayList<>(cuts);
        bounds.add(actions.size());
        for (int to : bounds) {
            int end = Math.min(to, actions.size());
            if (end > from) {
                PolicyDocument doc = document(actions.subList(from, end), null);
                String name = "P" + result.size();
                result.add(managed ? new IdentityPolicy(IdentityPolicy.Kind.MANAGED, name,
                        "arn:aws:iam::444455556666:policy/" + name, "v1", Known.of(doc)) : IdentityPolicy.inline(name, doc));
                from = end;
            }
        }
        return result;
    }

    /** An Allow of the given actions on "*", or (when denied is set) a Deny of that one action on "*". */
    private static PolicyDocument document(List<String> allowed, String denied) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("Version", "2012-10-17");
        ObjectNode statement = doc.putArray("Statement").addObject();
        statement.put("Effect", denied == null ? "Allow" : "Deny");
        ArrayNode action = statement.putArray("Action");
        (denied == null ? allowed : List.of(denied)).forEach(action::add);
        statement.put("Resource", "*");
        return PolicyDocument.parse(doc.toString(), PolicyKind.IDENTITY);
    }

    private static RoleSnapshot role(List<IdentityPolicy> policies) {
        PolicyDocument trust = PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}", PolicyKind.TRUST);
        return new RoleSnapshot("R", "/", "arn:aws:iam::444455556666:role/R", "AROAX", Known.of(trust),
                Known.of(List.of()), Known.of(policies), Known.of(Optional.empty()));
    }
}
