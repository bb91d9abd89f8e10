package com.workerrolewizard.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.InstanceProfileRef;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 3, "Fix plans": for a role snapshot and an appliance, the IAM operations that make each failing
 * requirement pass, in the order they must run, with the limits checked before anything would run.
 * Roles come from the 36-role authorization-details fixture or are made by hand; account facts from the
 * fixture or from a stub.
 */
class FixPlannerTest {

    static final String APPLIANCE_ARN = "arn:aws:iam::111122223333:role/VeeamImpersonation";
    static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(APPLIANCE_ARN);
    static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();
    static final WorkerDocuments DOCUMENTS = new WorkerDocuments(REFERENCES, REFERENCES.builtInCatalog());
    static final FixPlanner PLANNER = new FixPlanner(DOCUMENTS);
    static final AuthorizationDetails DETAILS = fixture();
    static final AccountFacts FACTS = DETAILS.facts();
    static final String MANAGED_ARN = "arn:aws:iam::444455556666:policy/VeeamWorkerPermissions";

    static final String PAGE_APPLIANCE_STATEMENT =
            "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"" + APPLIANCE_ARN + "\"}}";
    static final String PAGE_EC2_STATEMENT =
            "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}";

    static AuthorizationDetails fixture() {
        try {
            return AuthorizationDetails.read(Path.of(FixPlannerTest.class
                    .getResource("/fixtures/authorization-details.json")
                    .toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- helpers

    static String q(String json) {
        return json.replace('\'', '"');
    }

    static PolicyDocument trust(String json) {
        return PolicyDocument.parse(q(json), PolicyKind.TRUST);
    }

    static PolicyDocument identity(String json) {
        return PolicyDocument.parse(q(json), PolicyKind.IDENTITY);
    }

    static final String BOTH_TRUSTED =
            "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'sts:AssumeRole',"
                    + "'Principal':{'AWS':'" + APPLIANCE_ARN + "'}},{'Effect':'Allow','Action':'sts:AssumeRole',"
                    + "'Principal':{'Service':'ec2.amazonaws.com'}}]}";
    static final String ONLY_GET_DOCUMENT =
            "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'ssm:GetDocument','Resource':'*'}]}";

    static String pagePolicy() {
        return REFERENCES.permissionsPolicy().toString();
    }

    /** A role made by hand: name, trust policy, instance profiles, identity policies, boundary. */
    static RoleSnapshot role(
            String name,
            String trustJson,
            List<String> profiles,
            List<IdentityPolicy> policies,
            Optional<IdentityPolicy> boundary) {
        return new RoleSnapshot(
                name,
                "/",
                "arn:aws:iam::444455556666:role/" + name,
                "AROA" + name.toUpperCase(Locale.ROOT),
                Known.of(trust(trustJson)),
                Known.of(profiles.stream()
                        .map(p -> new InstanceProfileRef(p, "arn:aws:iam::444455556666:instance-profile/" + p))
                        .toList()),
                Known.of(policies),
                Known.of(boundary));
    }

    /** A role that passes all but what its arguments leave out. */
    static RoleSnapshot role(String name, List<String> profiles, List<IdentityPolicy> policies) {
        return role(name, BOTH_TRUSTED, profiles, policies, Optional.empty());
    }

    static IdentityPolicy inline(String name, String json) {
        return IdentityPolicy.inline(name, identity(json));
    }

    static FixPlan plan(String roleName) {
        return PLANNER.planFix(DETAILS.role(roleName), APPLIANCE, FACTS, PermissionsMode.INLINE);
    }

    static RoleReport check(RoleSnapshot role) {
        return new RoleChecker(DOCUMENTS.catalog()).check(role, APPLIANCE);
    }

    static Status status(RoleReport report, RequirementId id) {
        return report.requirements().stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow()
                .status();
    }

    static List<String> actions(FixPlan plan) {
        return plan.operations().stream().map(IamOperation::action).toList();
    }

    static <T extends IamOperation> T only(FixPlan plan, Class<T> type) {
        List<T> found = plan.operations().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
        assertThat(found).as(type.getSimpleName() + " in " + actions(plan)).hasSize(1);
        return found.get(0);
    }

    static List<String> statementTexts(JsonNode document) {
        List<String> texts = new ArrayList<>();
        JsonNode statement = document.get("Statement");
        if (statement.isArray()) {
            statement.forEach(s -> texts.add(s.toString()));
        } else {
            texts.add(statement.toString());
        }
        return texts;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * What the account would look like after the plan ran: the plan's operations applied to the snapshot,
     * as IAM would apply them.
     */
    static RoleSnapshot apply(RoleSnapshot role, FixPlan plan) {
        Known<PolicyDocument> trust = role.trustPolicy();
        List<InstanceProfileRef> profiles = new ArrayList<>(
                role.instanceProfiles().isKnown() ? role.instanceProfiles().value() : List.of());
        List<IdentityPolicy> policies =
                new ArrayList<>(role.policies().isKnown() ? role.policies().value() : List.of());
        Map<String, ObjectNode> created = new HashMap<>();
        for (IamOperation operation : plan.operations()) {
            if (operation instanceof IamOperation.UpdateAssumeRolePolicy update) {
                assertThat(update.roleName()).isEqualTo(role.name());
                trust = Known.of(PolicyDocument.parse(update.after().toString(), PolicyKind.TRUST));
            } else if (operation instanceof IamOperation.PutRolePolicy put) {
                assertThat(put.roleName()).isEqualTo(role.name());
                assertThat(policies)
                        .noneMatch(p -> p.kind() == IdentityPolicy.Kind.INLINE
                                && p.name().equalsIgnoreCase(put.policyName()));
                policies.add(IdentityPolicy.inline(
                        put.policyName(), PolicyDocument.parse(put.policy().toString(), PolicyKind.IDENTITY)));
            } else if (operation instanceof IamOperation.CreatePolicy create) {
                created.put(create.policyName(), create.policy());
            } else if (operation instanceof IamOperation.AttachRolePolicy attach) {
                String name = attach.policyArn().substring(attach.policyArn().lastIndexOf('/') + 1);
                assertThat(created).as("attached policy was created first").containsKey(name);
                policies.add(new IdentityPolicy(
                        IdentityPolicy.Kind.MANAGED,
                        name,
                        attach.policyArn(),
                        "v1",
                        Known.of(PolicyDocument.parse(created.get(name).toString(), PolicyKind.IDENTITY))));
            } else if (operation instanceof IamOperation.AddRoleToInstanceProfile add) {
                assertThat(add.roleName()).isEqualTo(role.name());
                profiles.add(new InstanceProfileRef(
                        add.instanceProfileName(),
                        "arn:aws:iam::444455556666:instance-profile/" + add.instanceProfileName()));
            }
        }
        return new RoleSnapshot(
                role.name(),
                role.path(),
                role.arn(),
                role.roleId(),
                trust,
                role.instanceProfiles().isKnown() ? Known.of(profiles) : role.instanceProfiles(),
                role.policies().isKnown() ? Known.of(policies) : role.policies(),
                role.boundary());
    }

    /** Account facts made by hand. */
    static final class Facts implements AccountFacts {
        final Map<String, List<String>> profiles = new HashMap<>();
        final Set<String> roles = new HashSet<>();
        final Set<String> managedPolicies = new HashSet<>();
        int quota = DEFAULT_TRUST_POLICY_QUOTA;
        String account = "444455556666";
        Partition partition = Partition.AWS;
        final List<String> asked = new ArrayList<>();

        Facts profile(String name, String... roleNames) {
            profiles.put(name.toLowerCase(Locale.ROOT), List.of(roleNames));
            return this;
        }

        Facts role(String name) {
            roles.add(name.toLowerCase(Locale.ROOT));
            return this;
        }

        Facts quota(int value) {
            quota = value;
            return this;
        }

        @Override
        public Known<Optional<List<String>>> instanceProfile(String name) {
            asked.add(name);
            return Known.of(Optional.ofNullable(profiles.get(name.toLowerCase(Locale.ROOT))));
        }

        @Override
        public Known<Boolean> roleExists(String name) {
            return Known.of(roles.contains(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public Known<Boolean> customerManagedPolicyExists(String name) {
            return Known.of(managedPolicies.contains(name.toLowerCase(Locale.ROOT)));
        }

        @Override
        public int trustPolicySizeQuota() {
            return quota;
        }

        @Override
        public Optional<String> accountId() {
            return Optional.ofNullable(account);
        }

        @Override
        public Optional<Partition> partition() {
            return Optional.ofNullable(partition);
        }
    }

    // ---------------------------------------------------------------- passing roles: nothing to do

    static Stream<String> passingFixtureRoles() {
        return DETAILS.allRoles().stream()
                .filter(r -> check(r).requirements().stream()
                        .allMatch(x -> x.status().holds()))
                .map(RoleSnapshot::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("passingFixtureRoles")
    void aPassingRoleGetsAnEmptyPlan(String roleName) {
        for (PermissionsMode mode : PermissionsMode.values()) {
            FixPlan plan = PLANNER.planFix(DETAILS.role(roleName), APPLIANCE, FACTS, mode);
            assertThat(plan.empty()).as(actions(plan).toString()).isTrue();
            assertThat(plan.blockers()).isEmpty();
            assertThat(plan.problems()).isEmpty();
            assertThat(plan.runnable()).isTrue();
            assertThat(plan.newRole()).isFalse();
            assertThat(plan.before())
                    .extracting(RequirementResult::id)
                    .containsExactly(
                            RequirementId.INSTANCE_PROFILE,
                            RequirementId.APPLIANCE_TRUST,
                            RequirementId.EC2_TRUST,
                            RequirementId.PERMISSIONS);
        }
    }

    @Test
    void theFixtureHasPassingRolesToTest() {
        assertThat(passingFixtureRoles().toList())
                .contains(
                        "GoodWorker",
                        "ManagedPermissions",
                        "TwoInstanceProfiles",
                        "EveryoneTrust",
                        "ExternalIdTrust",
                        "ConditionalPermissions")
                .hasSizeGreaterThanOrEqualTo(15);
    }

    // ---------------------------------------------------------------- FailsAll: every kind of step, in order

    @Test
    void failsAllGetsTheFourStepsInOrderEachFixingItsRequirements() {
        FixPlan plan = plan("FailsAll");
        assertThat(actions(plan))
                .containsExactly(
                        "UpdateAssumeRolePolicy", "PutRolePolicy", "CreateInstanceProfile", "AddRoleToInstanceProfile");
        assertThat(plan.changes())
                .extracting(PlannedChange::fixes)
                .containsExactly(
                        List.of(RequirementId.APPLIANCE_TRUST, RequirementId.EC2_TRUST),
                        List.of(RequirementId.PERMISSIONS),
                        List.of(),
                        List.of(RequirementId.INSTANCE_PROFILE));
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.role()).isEqualTo("FailsAll");
        assertThat(plan.roleArn()).isEqualTo("arn:aws:iam::444455556666:role/FailsAll");
        assertThat(plan.appliance()).isEqualTo(APPLIANCE_ARN);

        IamOperation.UpdateAssumeRolePolicy update = only(plan, IamOperation.UpdateAssumeRolePolicy.class);
        assertThat(update.roleName()).isEqualTo("FailsAll");
        assertThat(statementTexts(update.after()))
                .containsExactly(
                        "{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"}}",
                        PAGE_APPLIANCE_STATEMENT,
                        PAGE_EC2_STATEMENT);
        assertThat(update.before().toString())
                .isEqualTo(DETAILS.role("FailsAll").trustPolicy().value().toJson());
        assertThat(fieldNames(update.after())).containsExactly("Version", "Statement");

        IamOperation.PutRolePolicy put = only(plan, IamOperation.PutRolePolicy.class);
        assertThat(put.roleName()).isEqualTo("FailsAll");
        assertThat(put.policyName()).isEqualTo("VeeamWorkerPermissions");
        assertThat(put.policy().toString()).isEqualTo(pagePolicy());

        IamOperation.CreateInstanceProfile create = only(plan, IamOperation.CreateInstanceProfile.class);
        assertThat(create.instanceProfileName()).isEqualTo("FailsAll");
        assertThat(create.path()).isEqualTo("/");
        IamOperation.AddRoleToInstanceProfile add = only(plan, IamOperation.AddRoleToInstanceProfile.class);
        assertThat(add.instanceProfileName()).isEqualTo("FailsAll");
        assertThat(add.roleName()).isEqualTo("FailsAll");
    }

    @Test
    void managedPermissionsCreateThePolicyThenAttachIt() {
        FixPlan plan = PLANNER.planFix(DETAILS.role("FailsAll"), APPLIANCE, FACTS, PermissionsMode.MANAGED);
        assertThat(actions(plan))
                .containsExactly(
                        "UpdateAssumeRolePolicy",
                        "CreatePolicy",
                        "AttachRolePolicy",
                        "CreateInstanceProfile",
                        "AddRoleToInstanceProfile");
        assertThat(plan.changes().get(1).fixes()).isEmpty();
        assertThat(plan.changes().get(2).fixes()).containsExactly(RequirementId.PERMISSIONS);
        IamOperation.CreatePolicy create = only(plan, IamOperation.CreatePolicy.class);
        assertThat(create.policyName()).isEqualTo("VeeamWorkerPermissions");
        assertThat(create.path()).isEqualTo("/");
        assertThat(create.policy().toString()).isEqualTo(pagePolicy());
        IamOperation.AttachRolePolicy attach = only(plan, IamOperation.AttachRolePolicy.class);
        assertThat(attach.roleName()).isEqualTo("FailsAll");
        assertThat(attach.policyArn()).isEqualTo(MANAGED_ARN);
        assertThat(plan.operations()).noneMatch(IamOperation.PutRolePolicy.class::isInstance);
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void aTakenManagedPolicyNameGetsASuffix() {
        Facts facts = new Facts();
        facts.managedPolicies.add("veeamworkerpermissions");
        FixPlan plan = PLANNER.planFix(DETAILS.role("FailsAll"), APPLIANCE, facts, PermissionsMode.MANAGED);
        assertThat(only(plan, IamOperation.CreatePolicy.class).policyName()).isEqualTo("VeeamWorkerPermissions-2");
        assertThat(only(plan, IamOperation.AttachRolePolicy.class).policyArn()).isEqualTo(MANAGED_ARN + "-2");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("VeeamWorkerPermissions-2"));
    }

    // ---------------------------------------------------------------- applying the plan makes the role pass

    static Stream<Arguments> everyFixtureRoleInBothModes() {
        return DETAILS.roleNames().stream()
                .flatMap(n ->
                        Stream.of(Arguments.of(n, PermissionsMode.INLINE), Arguments.of(n, PermissionsMode.MANAGED)));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource("everyFixtureRoleInBothModes")
    void applyingThePlanMakesEveryUnblockedRequirementPassAndPlanningAgainFindsNothing(
            String roleName, PermissionsMode mode) {
        RoleSnapshot role = DETAILS.role(roleName);
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, FACTS, mode);
        RoleSnapshot fixed = apply(role, plan);
        RoleReport after = check(fixed);

        for (PlannedChange change : plan.changes()) {
            for (RequirementId id : change.fixes()) {
                assertThat(status(after, id).holds())
                        .as(change.operation().action() + " fixes " + id)
                        .isTrue();
            }
        }
        if (plan.blockers().isEmpty()) {
            assertThat(after.requirements())
                    .allSatisfy(r -> assertThat(r.status().holds())
                            .as(r.id() + ": " + r.detail())
                            .isTrue());
        }
        // A requirement that held before still holds: the plan never breaks what works.
        for (RequirementResult before : plan.before()) {
            if (before.status().holds()) {
                assertThat(status(after, before.id()).holds())
                        .as(before.id().id())
                        .isTrue();
            }
        }
        FixPlan again = PLANNER.planFix(fixed, APPLIANCE, FACTS, mode);
        assertThat(actions(again)).isEmpty();
        assertThat(again.blockers()).containsExactlyElementsOf(plan.blockers());
    }

    // ---------------------------------------------------------------- what the plan cannot fix

    @Test
    void aDenyInTheTrustPolicyIsReportedNotWorkedAround() {
        RoleSnapshot role = DETAILS.role("DenyTrust");
        FixPlan plan = plan("DenyTrust");
        assertThat(plan.operations()).noneMatch(IamOperation.UpdateAssumeRolePolicy.class::isInstance);
        assertThat(plan.empty()).isTrue();
        assertThat(plan.blockers())
                .singleElement()
                .satisfies(b -> assertThat(b).contains("statement 3", "BlockVeeam", APPLIANCE_ARN, "denies"));
        // The trust policy is left as it is.
        assertThat(role.trustPolicy().value().statements()).hasSize(3);
    }

    @Test
    void aDenyOfTheApplianceStillLetsTheEc2StatementBeAddedWithoutTouchingTheDeny() {
        RoleSnapshot role = role(
                "DenyAndNoEc2",
                "{'Version':'2012-10-17','Statement':[{'Sid':'NoVeeam','Effect':'Deny',"
                        + "'Action':'sts:AssumeRole','Principal':{'AWS':'" + APPLIANCE_ARN + "'}}]}",
                List.of("DenyAndNoEc2"),
                List.of(inline("P", pagePolicy())),
                Optional.empty());
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, new Facts(), PermissionsMode.INLINE);
        IamOperation.UpdateAssumeRolePolicy update = only(plan, IamOperation.UpdateAssumeRolePolicy.class);
        assertThat(statementTexts(update.after()))
                .containsExactly(
                        role.trustPolicy().value().statements().get(0).json().toString(), PAGE_EC2_STATEMENT);
        assertThat(plan.changes().get(0).fixes()).containsExactly(RequirementId.EC2_TRUST);
        assertThat(plan.blockers()).singleElement().satisfies(b -> assertThat(b).contains("NoVeeam"));
    }

    @Test
    void anExplicitDenyOfOneActionIsABlockerAndNoPolicyIsAdded() {
        FixPlan plan = plan("DeniedPutInventory");
        assertThat(plan.blockers())
                .singleElement()
                .satisfies(b ->
                        assertThat(b).contains("ssm:PutInventory", "Guardrail").containsIgnoringCase("deny"));
        assertThat(plan.operations()).noneMatch(IamOperation.PutRolePolicy.class::isInstance);
        assertThat(plan.empty()).isTrue();
    }

    @Test
    void aBoundaryThatBlocksSsmIsABlocker() {
        FixPlan plan = plan("BoundaryBlocksSsm");
        assertThat(plan.blockers())
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .containsIgnoringCase("boundary")
                        .contains("BoundaryNoSsm", "ssm:GetDocument")
                        .startsWith("19 "));
        assertThat(plan.empty()).isTrue();
    }

    @Test
    void aQueueScopedSqsAllowGetsThePagesPolicy() {
        FixPlan plan = plan("QueueScopedSqs");
        assertThat(actions(plan)).containsExactly("PutRolePolicy");
        IamOperation.PutRolePolicy put = only(plan, IamOperation.PutRolePolicy.class);
        assertThat(put.policyName()).isEqualTo("VeeamWorkerPermissions");
        assertThat(put.policy().toString()).isEqualTo(pagePolicy());
        assertThat(plan.changes().get(0).fixes()).containsExactly(RequirementId.PERMISSIONS);
        assertThat(plan.blockers()).isEmpty();
    }

    @Test
    void anApplianceOfAnotherPartitionIsABlocker() {
        FixPlan plan = plan("ChinaWorker");
        assertThat(plan.blockers())
                .singleElement()
                .satisfies(b -> assertThat(b).contains("partition", "aws-cn", APPLIANCE_ARN));
        assertThat(plan.operations()).noneMatch(IamOperation.UpdateAssumeRolePolicy.class::isInstance);
        assertThat(plan.empty()).isTrue();
    }

    @Test
    void anUnreadableTrustPolicyIsABlockerWithTheReason() {
        RoleSnapshot role = new RoleSnapshot(
                "Unread",
                "/",
                "arn:aws:iam::444455556666:role/Unread",
                "AROAX",
                Known.unknown("The operator may not call iam:GetRole."),
                Known.of(List.of(new InstanceProfileRef("Unread", "x"))),
                Known.of(List.of(inline("P", pagePolicy()))),
                Known.of(Optional.empty()));
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, new Facts(), PermissionsMode.INLINE);
        assertThat(plan.empty()).isTrue();
        assertThat(plan.blockers()).singleElement().satisfies(b -> assertThat(b).contains("iam:GetRole"));
    }

    @Test
    void unreadablePermissionsPoliciesAreABlocker() {
        RoleSnapshot role = new RoleSnapshot(
                "Unread",
                "/",
                "arn:aws:iam::444455556666:role/Unread",
                "AROAX",
                Known.of(trust(BOTH_TRUSTED)),
                Known.of(List.of(new InstanceProfileRef("Unread", "x"))),
                Known.unknown("The operator may not call iam:ListRolePolicies."),
                Known.of(Optional.empty()));
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, new Facts(), PermissionsMode.INLINE);
        assertThat(plan.empty()).isTrue();
        assertThat(plan.blockers()).singleElement().satisfies(b -> assertThat(b).contains("iam:ListRolePolicies"));
    }

    // ---------------------------------------------------------------- names already taken

    static Stream<Arguments> takenInlineNames() {
        return Stream.of(
                Arguments.of(List.of("VeeamWorkerPermissions"), "VeeamWorkerPermissions-2"),
                Arguments.of(List.of("veeamworkerpermissions"), "VeeamWorkerPermissions-2"),
                Arguments.of(List.of("VeeamWorkerPermissions", "VeeamWorkerPermissions-2"), "VeeamWorkerPermissions-3"),
                Arguments.of(List.of("Other"), "VeeamWorkerPermissions"));
    }

    @ParameterizedTest(name = "inline {0} -> {1}")
    @MethodSource("takenInlineNames")
    void anInlinePolicyNameThatIsTakenGetsTheNextFreeOne(List<String> existing, String expected) {
        List<IdentityPolicy> policies =
                existing.stream().map(n -> inline(n, ONLY_GET_DOCUMENT)).toList();
        FixPlan plan = PLANNER.planFix(
                role("Partial", List.of("Partial"), policies), APPLIANCE, new Facts(), PermissionsMode.INLINE);
        assertThat(only(plan, IamOperation.PutRolePolicy.class).policyName()).isEqualTo(expected);
        if (!expected.equals(FixPlanner.POLICY_NAME)) {
            assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains(expected));
        }
    }

    @Test
    void aProfileNamedLikeTheRoleButHoldingAnotherRoleIsNeverUsed() {
        Facts facts = new Facts().profile("Worker", "SomeoneElse");
        FixPlan plan = PLANNER.planFix(
                role("Worker", List.of(), List.of(inline("P", pagePolicy()))),
                APPLIANCE,
                facts,
                PermissionsMode.INLINE);
        assertThat(actions(plan)).containsExactly("CreateInstanceProfile", "AddRoleToInstanceProfile");
        assertThat(only(plan, IamOperation.CreateInstanceProfile.class).instanceProfileName())
                .isEqualTo("Worker-profile");
        assertThat(only(plan, IamOperation.AddRoleToInstanceProfile.class).instanceProfileName())
                .isEqualTo("Worker-profile");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("Worker", "SomeoneElse"));
    }

    @Test
    void everyCandidateHoldingAnotherRoleIsSkipped() {
        Facts facts = new Facts()
                .profile("Worker", "A")
                .profile("Worker-profile", "B")
                .profile("worker-profile-2", "C");
        FixPlan plan = PLANNER.planFix(
                role("Worker", List.of(), List.of(inline("P", pagePolicy()))),
                APPLIANCE,
                facts,
                PermissionsMode.INLINE);
        assertThat(only(plan, IamOperation.AddRoleToInstanceProfile.class).instanceProfileName())
                .isEqualTo("Worker-profile-3");
        Set<String> heldByOthers = Set.of("worker", "worker-profile", "worker-profile-2");
        assertThat(plan.operations())
                .filteredOn(IamOperation.AddRoleToInstanceProfile.class::isInstance)
                .allSatisfy(op -> assertThat(heldByOthers)
                        .doesNotContain(((IamOperation.AddRoleToInstanceProfile) op)
                                .instanceProfileName()
                                .toLowerCase(Locale.ROOT)));
    }

    @Test
    void noFreeProfileNameIsAProblem() {
        Facts facts = new Facts().profile("W", "A").profile("W-profile", "B");
        IntStream.rangeClosed(2, 9).forEach(i -> facts.profile("W-profile-" + i, "X" + i));
        FixPlan plan = PLANNER.planFix(
                role("W", List.of(), List.of(inline("P", pagePolicy()))), APPLIANCE, facts, PermissionsMode.INLINE);
        assertThat(plan.operations()).noneMatch(IamOperation.AddRoleToInstanceProfile.class::isInstance);
        assertThat(plan.problems()).anySatisfy(p -> assertThat(p).contains("instance profile"));
        assertThat(plan.runnable()).isFalse();
    }

    @Test
    void aProfileInTheFixtureHoldingAnotherRoleIsNotReused() {
        // TwoInstanceProfiles is in WorkerProfileA; a new role named WorkerProfileA must not join that profile.
        RoleSnapshot role = role("WorkerProfileA", List.of(), List.of(inline("P", pagePolicy())));
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, FACTS, PermissionsMode.INLINE);
        assertThat(only(plan, IamOperation.AddRoleToInstanceProfile.class).instanceProfileName())
                .isEqualTo("WorkerProfileA-profile");
    }

    @Test
    void anExistingEmptyProfileGetsTheRoleWithoutBeingCreated() {
        Facts facts = new Facts().profile("Worker");
        FixPlan plan = PLANNER.planFix(
                role("Worker", List.of(), List.of(inline("P", pagePolicy()))),
                APPLIANCE,
                facts,
                PermissionsMode.INLINE);
        assertThat(actions(plan)).containsExactly("AddRoleToInstanceProfile");
        IamOperation.AddRoleToInstanceProfile add = only(plan, IamOperation.AddRoleToInstanceProfile.class);
        assertThat(add.instanceProfileName()).isEqualTo("Worker");
        assertThat(add.roleName()).isEqualTo("Worker");
        assertThat(plan.changes().get(0).fixes()).containsExactly(RequirementId.INSTANCE_PROFILE);
    }

    @Test
    void theInstanceProfileIsCreatedOnTheRolesPath() {
        RoleSnapshot role = DETAILS.role("PathedRole");
        RoleSnapshot noProfile = new RoleSnapshot(
                role.name(),
                role.path(),
                role.arn(),
                role.roleId(),
                role.trustPolicy(),
                Known.of(List.of()),
                role.policies(),
                role.boundary());
        assertThat(role.path()).isNotEqualTo("/");
        FixPlan plan = PLANNER.planFix(noProfile, APPLIANCE, new Facts(), PermissionsMode.INLINE);
        assertThat(only(plan, IamOperation.CreateInstanceProfile.class).path()).isEqualTo(role.path());
    }

    // ---------------------------------------------------------------- limits of an existing role

    @Test
    void aTrustPolicyOverTheQuotaIsAProblem() {
        FixPlan within = PLANNER.planFix(DETAILS.role("FailsAll"), APPLIANCE, new Facts(), PermissionsMode.INLINE);
        int size = only(within, IamOperation.UpdateAssumeRolePolicy.class)
                .after()
                .toString()
                .length();
        assertThat(within.problems()).isEmpty();

        FixPlan exact =
                PLANNER.planFix(DETAILS.role("FailsAll"), APPLIANCE, new Facts().quota(size), PermissionsMode.INLINE);
        assertThat(exact.problems()).isEmpty();
        FixPlan over = PLANNER.planFix(
                DETAILS.role("FailsAll"), APPLIANCE, new Facts().quota(size - 1), PermissionsMode.INLINE);
        assertThat(over.problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains(String.valueOf(size)).contains("quota"));
        assertThat(over.runnable()).isFalse();
        FixPlan small =
                PLANNER.planFix(DETAILS.role("FailsAll"), APPLIANCE, new Facts().quota(300), PermissionsMode.INLINE);
        assertThat(size).isGreaterThan(300);
        assertThat(small.problems()).hasSize(1);
    }

    @Test
    void aLargeExistingTrustPolicyThatGrowsPastTheDefaultQuotaIsAProblem() {
        // Fourteen statements for other accounts, then the EC2 statement: under 2,048 characters before the merge.
        List<String> statements = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            statements.add("{'Sid':'Partner" + i
                    + "','Effect':'Allow','Action':'sts:AssumeRole','Principal':{'AWS':'arn:aws:iam::"
                    + String.format("%012d", 900000000000L + i) + ":role/PartnerAccessRole'}}");
        }
        statements.add("{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':'ec2.amazonaws.com'}}");
        String json = "{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}";
        int before = q(json).length();
        assertThat(before).isLessThanOrEqualTo(2048).isGreaterThan(2048 - PAGE_APPLIANCE_STATEMENT.length() - 1);
        RoleSnapshot role = role("Big", json, List.of("Big"), List.of(inline("P", pagePolicy())), Optional.empty());
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, FACTS, PermissionsMode.INLINE);
        assertThat(plan.problems()).singleElement().satisfies(p -> assertThat(p).contains("2,048"));
        assertThat(plan.runnable()).isFalse();
    }

    static String padded(int size) {
        // {"Version":"2012-10-17","Statement":[{"Sid":"P...","Effect":"Allow","Action":"ssm:GetDocument","Resource":"*"}]}
        String shell = q(
                "{'Version':'2012-10-17','Statement':[{'Sid':'','Effect':'Allow','Action':'ssm:GetDocument','Resource':'*'}]}");
        return shell.replace("\"Sid\":\"\"", "\"Sid\":\"" + "P".repeat(size - shell.length()) + "\"");
    }

    @Test
    void inlinePoliciesOverTheTotalSuggestManaged() {
        int page = pagePolicy().length();
        int existing = IamLimits.INLINE_POLICIES_PER_ROLE - page + 1;
        RoleSnapshot role = role("Crowded", List.of("Crowded"), List.of(inline("Old", padded(existing))));
        assertThat(role.policies().value().get(0).document().value().toJson()).hasSize(existing);
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, new Facts(), PermissionsMode.INLINE);
        assertThat(plan.problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains("10,240", "10,241").contains("managed"));
        assertThat(plan.runnable()).isFalse();
        // Managed instead: no limit broken.
        FixPlan managed = PLANNER.planFix(role, APPLIANCE, new Facts(), PermissionsMode.MANAGED);
        assertThat(managed.problems()).isEmpty();
    }

    @Test
    void inlinePoliciesExactlyAtTheTotalAreFine() {
        int existing = IamLimits.INLINE_POLICIES_PER_ROLE - pagePolicy().length();
        RoleSnapshot role = role("Full", List.of("Full"), List.of(inline("Old", padded(existing))));
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, new Facts(), PermissionsMode.INLINE);
        assertThat(plan.operations()).anyMatch(IamOperation.PutRolePolicy.class::isInstance);
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void managedPoliciesDoNotCountTowardsTheInlineTotal() {
        RoleSnapshot role = role(
                "Mixed",
                List.of("Mixed"),
                List.of(new IdentityPolicy(
                        IdentityPolicy.Kind.MANAGED,
                        "Huge",
                        "arn:aws:iam::444455556666:policy/Huge",
                        "v1",
                        Known.of(identity(padded(9_900))))));
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, new Facts(), PermissionsMode.INLINE);
        assertThat(plan.operations()).anyMatch(IamOperation.PutRolePolicy.class::isInstance);
        assertThat(plan.problems()).isEmpty();
    }

    // ---------------------------------------------------------------- idempotence of the trust change

    static Stream<String> trustFailingFixtureRoles() {
        return DETAILS.allRoles().stream()
                .filter(r -> {
                    RoleReport report = check(r);
                    return status(report, RequirementId.APPLIANCE_TRUST) == Status.FAIL
                            || status(report, RequirementId.EC2_TRUST) == Status.FAIL;
                })
                .map(RoleSnapshot::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trustFailingFixtureRoles")
    void applyingTheTrustChangeAndPlanningAgainChangesNoTrust(String roleName) {
        RoleSnapshot role = DETAILS.role(roleName);
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, FACTS, PermissionsMode.INLINE);
        Optional<IamOperation.UpdateAssumeRolePolicy> update = plan.operations().stream()
                .filter(IamOperation.UpdateAssumeRolePolicy.class::isInstance)
                .map(IamOperation.UpdateAssumeRolePolicy.class::cast)
                .findFirst();
        if (update.isEmpty()) {
            assertThat(plan.blockers())
                    .as("a failing trust requirement without a trust change has a blocker")
                    .isNotEmpty();
            return;
        }
        // Every existing statement kept as it was, in order, at the start; only a deleted principal's unique ID,
        // which IAM refuses to save, is taken out (with its statement when it was the statement's only principal).
        List<String> original = statementTexts(role.trustPolicy().value().json()).stream()
                .filter(t -> !t.matches(".*\"A(ROA|IDA)[A-Z0-9]{12,}\".*"))
                .toList();
        List<String> after = statementTexts(update.get().after());
        int appended = update.get().addedStatements().size();
        assertThat(after.subList(0, after.size() - appended)).containsExactlyElementsOf(original);
        assertThat(after.subList(after.size() - appended, after.size()))
                .isSubsetOf(PAGE_APPLIANCE_STATEMENT, PAGE_EC2_STATEMENT)
                .doesNotHaveDuplicates()
                .isNotEmpty();

        RoleSnapshot applied = new RoleSnapshot(
                role.name(),
                role.path(),
                role.arn(),
                role.roleId(),
                Known.of(PolicyDocument.parse(update.get().after().toString(), PolicyKind.TRUST)),
                role.instanceProfiles(),
                role.policies(),
                role.boundary());
        FixPlan again = PLANNER.planFix(applied, APPLIANCE, FACTS, PermissionsMode.INLINE);
        assertThat(again.operations()).noneMatch(IamOperation.UpdateAssumeRolePolicy.class::isInstance);
    }

    @Test
    void theFixtureHasTrustFailingRolesToTest() {
        assertThat(trustFailingFixtureRoles().toList())
                .contains(
                        "FailsAll",
                        "NoApplianceTrust",
                        "NoEc2Trust",
                        "DenyTrust",
                        "DeletedPrincipalTrust",
                        "OtherAccountTrust",
                        "WrongPathTrust",
                        "ChinaWorker");
    }

    // ---------------------------------------------------------------- a new role

    @Test
    void aNewRoleIsCreatedWithBothTrustStatementsThenPermissionsThenTheProfile() {
        FixPlan plan =
                PLANNER.planNewRole(NewRoleRequest.named("VeeamWorkerRole"), APPLIANCE, FACTS, PermissionsMode.INLINE);
        assertThat(actions(plan))
                .containsExactly("CreateRole", "PutRolePolicy", "CreateInstanceProfile", "AddRoleToInstanceProfile");
        assertThat(plan.changes())
                .extracting(PlannedChange::fixes)
                .containsExactly(
                        List.of(RequirementId.APPLIANCE_TRUST, RequirementId.EC2_TRUST),
                        List.of(RequirementId.PERMISSIONS),
                        List.of(),
                        List.of(RequirementId.INSTANCE_PROFILE));
        assertThat(plan.newRole()).isTrue();
        assertThat(plan.before()).isEmpty();
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.blockers()).isEmpty();
        assertThat(plan.roleArn()).isEqualTo("arn:aws:iam::444455556666:role/VeeamWorkerRole");

        IamOperation.CreateRole create = only(plan, IamOperation.CreateRole.class);
        assertThat(create.roleName()).isEqualTo("VeeamWorkerRole");
        assertThat(create.path()).isEqualTo("/");
        // One trust policy, both of the page's statements, the page's key order.
        assertThat(create.trustPolicy().toString())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[" + PAGE_APPLIANCE_STATEMENT + ","
                        + PAGE_EC2_STATEMENT + "]}");
        for (JsonNode statement : create.trustPolicy().get("Statement")) {
            assertThat(fieldNames(statement)).containsExactly("Effect", "Action", "Principal");
        }
        assertThat(only(plan, IamOperation.PutRolePolicy.class).policy().toString())
                .isEqualTo(pagePolicy());
        assertThat(only(plan, IamOperation.PutRolePolicy.class).policyName()).isEqualTo("VeeamWorkerPermissions");
        assertThat(only(plan, IamOperation.CreateInstanceProfile.class).instanceProfileName())
                .isEqualTo("VeeamWorkerRole");
        assertThat(only(plan, IamOperation.AddRoleToInstanceProfile.class).roleName())
                .isEqualTo("VeeamWorkerRole");
    }

    @Test
    void aNewRoleAsCreatedPassesAllFourRequirements() {
        FixPlan plan =
                PLANNER.planNewRole(NewRoleRequest.named("VeeamWorkerRole"), APPLIANCE, FACTS, PermissionsMode.MANAGED);
        IamOperation.CreateRole create = only(plan, IamOperation.CreateRole.class);
        RoleSnapshot empty = new RoleSnapshot(
                "VeeamWorkerRole",
                "/",
                plan.roleArn(),
                "AROANEW",
                Known.of(PolicyDocument.parse(create.trustPolicy().toString(), PolicyKind.TRUST)),
                Known.of(List.of()),
                Known.of(List.of()),
                Known.of(Optional.empty()));
        RoleReport after = check(apply(empty, plan));
        assertThat(after.requirements())
                .allSatisfy(r ->
                        assertThat(r.status()).as(r.id() + ": " + r.detail()).isEqualTo(Status.PASS));
        assertThat(only(plan, IamOperation.AttachRolePolicy.class).policyArn()).isEqualTo(MANAGED_ARN);
    }

    @Test
    void aNewRoleOnAPathGetsItsProfileOnThatPath() {
        NewRoleRequest request = new NewRoleRequest("VeeamWorkerRole", "/veeam/", "Worker role", null, List.of(), 3600);
        FixPlan plan = PLANNER.planNewRole(request, APPLIANCE, FACTS, PermissionsMode.INLINE);
        assertThat(plan.problems()).isEmpty();
        assertThat(plan.roleArn()).isEqualTo("arn:aws:iam::444455556666:role/veeam/VeeamWorkerRole");
        assertThat(only(plan, IamOperation.CreateRole.class).path()).isEqualTo("/veeam/");
        assertThat(only(plan, IamOperation.CreateInstanceProfile.class).path()).isEqualTo("/veeam/");
        assertThat(only(plan, IamOperation.CreateRole.class).description()).isEqualTo("Worker role");
        assertThat(only(plan, IamOperation.CreateRole.class).maxSessionDuration())
                .isEqualTo(3600);
    }

    @Test
    void aNewRoleWithoutAnAccountHasNoArnAndAPlaceholderForTheManagedPolicy() {
        FixPlan plan = PLANNER.planNewRole(
                NewRoleRequest.named("VeeamWorkerRole"), APPLIANCE, AccountFacts.none(), PermissionsMode.MANAGED);
        assertThat(plan.roleArn()).isNull();
        assertThat(only(plan, IamOperation.AttachRolePolicy.class).policyArn())
                .isEqualTo("arn:aws:iam::ACCOUNT_ID:policy/VeeamWorkerPermissions");
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("ACCOUNT_ID"));
        assertThat(plan.problems()).isEmpty();
    }

    @Test
    void aNewRoleForAnAccountApplianceInAnotherPartitionTakesTheAccountsPartition() {
        Facts facts = new Facts();
        facts.partition = Partition.AWS_CN;
        FixPlan plan = PLANNER.planNewRole(
                NewRoleRequest.named("W"), AppliancePrincipal.parse("111122223333"), facts, PermissionsMode.INLINE);
        assertThat(plan.problems()).isEmpty();
        assertThat(only(plan, IamOperation.CreateRole.class).trustPolicy().toString())
                .contains("arn:aws-cn:iam::111122223333:root");
        assertThat(plan.roleArn()).startsWith("arn:aws-cn:");

        FixPlan mismatch = PLANNER.planNewRole(NewRoleRequest.named("W"), APPLIANCE, facts, PermissionsMode.INLINE);
        assertThat(mismatch.problems()).anySatisfy(p -> assertThat(p).contains("partition"));
    }

    static Stream<Arguments> badNewRoles() {
        String name64 = "R".repeat(64);
        return Stream.of(
                Arguments.of(
                        "65 characters",
                        new NewRoleRequest("R".repeat(65), "/", null, null, List.of(), null),
                        "R".repeat(65)),
                Arguments.of(
                        "a space",
                        new NewRoleRequest("Veeam Worker", "/", null, null, List.of(), null),
                        "Veeam Worker"),
                Arguments.of("empty name", new NewRoleRequest("", "/", null, null, List.of(), null), "Role name"),
                Arguments.of(
                        "a non-ASCII letter", new NewRoleRequest("Rôle", "/", null, null, List.of(), null), "Rôle"),
                Arguments.of(
                        "a slash in the name",
                        new NewRoleRequest("veeam/Worker", "/", null, null, List.of(), null),
                        "veeam/Worker"),
                Arguments.of(
                        "path without slashes",
                        new NewRoleRequest(name64, "veeam", null, null, List.of(), null),
                        "veeam"),
                Arguments.of(
                        "path with a space", new NewRoleRequest("W", "/a b/", null, null, List.of(), null), "/a b/"),
                Arguments.of(
                        "path without the last slash",
                        new NewRoleRequest("W", "/veeam", null, null, List.of(), null),
                        "/veeam"),
                Arguments.of(
                        "path without the first slash",
                        new NewRoleRequest("W", "veeam/", null, null, List.of(), null),
                        "veeam/"),
                Arguments.of("an existing role in another case", NewRoleRequest.named("failsall"), "already exists"),
                Arguments.of("an existing role in upper case", NewRoleRequest.named("GOODWORKER"), "already exists"),
                Arguments.of(
                        "description over 1,000",
                        new NewRoleRequest("W", "/", "d".repeat(1001), null, List.of(), null),
                        "description"),
                Arguments.of(
                        "description with a non-Latin-1 character",
                        new NewRoleRequest("W", "/", "Veeam \u2013 worker", null, List.of(), null),
                        "description"),
                Arguments.of("session of 100 seconds", new NewRoleRequest("W", "/", null, null, List.of(), 100), "100"),
                Arguments.of(
                        "session of 43,201 seconds",
                        new NewRoleRequest("W", "/", null, null, List.of(), 43_201),
                        "43201"),
                Arguments.of("51 tags", new NewRoleRequest("W", "/", null, null, tags(51), null), "51"),
                Arguments.of(
                        "a tag key starting with aws:",
                        new NewRoleRequest(
                                "W", "/", null, null, List.of(new IamOperation.Tag("aws:owner", "me")), null),
                        "aws:owner"),
                Arguments.of(
                        "a tag value over 256",
                        new NewRoleRequest(
                                "W", "/", null, null, List.of(new IamOperation.Tag("k", "v".repeat(257))), null),
                        "\"k\""),
                Arguments.of(
                        "a boundary that is not a policy ARN",
                        new NewRoleRequest("W", "/", null, "arn:aws:iam::444455556666:role/Boundary", List.of(), null),
                        "arn:aws:iam::444455556666:role/Boundary"));
    }

    static List<IamOperation.Tag> tags(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new IamOperation.Tag("k" + i, "v" + i))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNewRoles")
    void aNewRoleThatBreaksALimitIsAProblem(String why, NewRoleRequest request, String mentioned) {
        FixPlan plan = PLANNER.planNewRole(request, APPLIANCE, FACTS, PermissionsMode.INLINE);
        assertThat(plan.problems())
                .as(why)
                .isNotEmpty()
                .anySatisfy(p -> assertThat(p).contains(mentioned));
        // A name IAM rejects for the role is rejected for the instance profile named after it too, nothing else.
        assertThat(plan.problems()).as(why).hasSizeLessThanOrEqualTo(2);
        assertThat(plan.runnable()).isFalse();
    }

    static Stream<Arguments> goodNewRoles() {
        return Stream.of(
                Arguments.of("64 characters", new NewRoleRequest("R".repeat(64), "/", null, null, List.of(), null)),
                Arguments.of(
                        "every allowed character", new NewRoleRequest("aZ09_+=,.@-", "/", null, null, List.of(), null)),
                Arguments.of("nested path", new NewRoleRequest("W", "/a/b/c/", null, null, List.of(), null)),
                Arguments.of(
                        "description of 1,000", new NewRoleRequest("W", "/", "d".repeat(1000), null, List.of(), null)),
                Arguments.of(
                        "Latin-1 description",
                        new NewRoleRequest("W", "/", "Rôle de sauvegarde\tÀ", null, List.of(), null)),
                Arguments.of("sessions of 1 and 12 hours", new NewRoleRequest("W", "/", null, null, List.of(), 43_200)),
                Arguments.of("one hour", new NewRoleRequest("W", "/", null, null, List.of(), 3_600)),
                Arguments.of("50 tags", new NewRoleRequest("W", "/", null, null, tags(50), null)),
                Arguments.of(
                        "a boundary",
                        new NewRoleRequest(
                                "W", "/", null, "arn:aws:iam::444455556666:policy/Boundary", List.of(), null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodNewRoles")
    void aNewRoleWithinEveryLimitHasNoProblem(String why, NewRoleRequest request) {
        FixPlan plan = PLANNER.planNewRole(request, APPLIANCE, FACTS, PermissionsMode.INLINE);
        assertThat(plan.problems()).as(why).isEmpty();
        assertThat(plan.runnable()).isTrue();
        assertThat(only(plan, IamOperation.CreateRole.class).roleName()).isEqualTo(request.roleName());
    }

    @Test
    void aBoundaryOfTheNewRoleIsPassedOnAndNoted() {
        NewRoleRequest request =
                new NewRoleRequest("W", "/", null, "arn:aws:iam::444455556666:policy/Boundary", tags(2), null);
        FixPlan plan = PLANNER.planNewRole(request, APPLIANCE, FACTS, PermissionsMode.INLINE);
        IamOperation.CreateRole create = only(plan, IamOperation.CreateRole.class);
        assertThat(create.permissionsBoundaryArn()).isEqualTo("arn:aws:iam::444455556666:policy/Boundary");
        assertThat(create.tags()).isEqualTo(tags(2));
        assertThat(plan.notes()).anySatisfy(n -> assertThat(n).contains("arn:aws:iam::444455556666:policy/Boundary"));
    }

    @Test
    void aNewRoleTrustPolicyOverTheQuotaIsAProblem() {
        FixPlan fits = PLANNER.planNewRole(NewRoleRequest.named("W"), APPLIANCE, new Facts(), PermissionsMode.INLINE);
        int size = only(fits, IamOperation.CreateRole.class)
                .trustPolicy()
                .toString()
                .length();
        assertThat(PLANNER.planNewRole(
                                NewRoleRequest.named("W"), APPLIANCE, new Facts().quota(size), PermissionsMode.INLINE)
                        .problems())
                .isEmpty();
        FixPlan over = PLANNER.planNewRole(
                NewRoleRequest.named("W"), APPLIANCE, new Facts().quota(size - 1), PermissionsMode.INLINE);
        assertThat(over.problems())
                .singleElement()
                .satisfies(p -> assertThat(p).contains("quota", String.valueOf(size)));
    }

    @Test
    void aNewRoleNamedLikeAProfileHoldingAnotherRoleGetsItsOwnProfile() {
        FixPlan plan = PLANNER.planNewRole(
                NewRoleRequest.named("W"), APPLIANCE, new Facts().profile("W", "Other"), PermissionsMode.INLINE);
        assertThat(only(plan, IamOperation.CreateInstanceProfile.class).instanceProfileName())
                .isEqualTo("W-profile");
        assertThat(only(plan, IamOperation.AddRoleToInstanceProfile.class).instanceProfileName())
                .isEqualTo("W-profile");
    }

    @ParameterizedTest
    @EnumSource(PermissionsMode.class)
    void everyPlanOfTheFixtureIsWithinIamsNameRules(PermissionsMode mode) {
        for (RoleSnapshot role : DETAILS.allRoles()) {
            FixPlan plan = PLANNER.planFix(role, APPLIANCE, FACTS, mode);
            for (IamOperation operation : plan.operations()) {
                if (operation instanceof IamOperation.PutRolePolicy put) {
                    assertThat(IamLimits.policyName(put.policyName())).isEmpty();
                } else if (operation instanceof IamOperation.CreatePolicy create) {
                    assertThat(IamLimits.policyName(create.policyName())).isEmpty();
                    assertThat(IamLimits.managedPolicySize(create.policy())).isEmpty();
                } else if (operation instanceof IamOperation.CreateInstanceProfile create) {
                    assertThat(IamLimits.instanceProfileName(create.instanceProfileName()))
                            .isEmpty();
                    assertThat(IamLimits.path(create.path())).isEmpty();
                }
            }
        }
    }

    // ---------------------------------------------------------------- suspected bugs, kept visible

    static final IdentityPolicy BOUNDARY_NO_SSM = new IdentityPolicy(
            IdentityPolicy.Kind.BOUNDARY,
            "BoundaryNoSsm",
            "arn:aws:iam::444455556666:policy/BoundaryNoSsm",
            "v1",
            Known.of(
                    identity(
                            "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':['ec2messages:*','sqs:*','iam:*'],'Resource':'*'}]}")));

    /** Roles whose permissions a Deny or the boundary keeps failing, while the page's policy is still added for the rest. */
    static Stream<Arguments> permissionsThatStayBlocked() {
        return Stream.of(
                Arguments.of(
                        "no policy, a boundary that refuses ssm:*",
                        role("Bounded", BOTH_TRUSTED, List.of("Bounded"), List.of(), Optional.of(BOUNDARY_NO_SSM))),
                Arguments.of(
                        "only a Deny of ssm:PutInventory",
                        role(
                                "Guarded",
                                List.of("Guarded"),
                                List.of(
                                        inline(
                                                "Guardrail",
                                                "{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Action':'ssm:PutInventory','Resource':'*'}]}")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permissionsThatStayBlocked")
    void aStepThatCannotMakePermissionsPassDoesNotClaimToFixThem(String why, RoleSnapshot role) {
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, new Facts(), PermissionsMode.INLINE);
        assertThat(plan.blockers()).isNotEmpty();
        RoleReport after = check(apply(role, plan));
        assertThat(status(after, RequirementId.PERMISSIONS)).isEqualTo(Status.FAIL);
        // The step may still be worth running (it grants the actions nothing blocks), but not as a fix of permissions.
        for (PlannedChange change : plan.changes()) {
            assertThat(change.fixes()).as(change.operation().action()).doesNotContain(RequirementId.PERMISSIONS);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permissionsThatStayBlocked")
    void whenSomeActionsAreBlockedThePlanStillAddsThePolicyAndNamesTheBlock(String why, RoleSnapshot role) {
        FixPlan plan = PLANNER.planFix(role, APPLIANCE, new Facts(), PermissionsMode.INLINE);
        assertThat(actions(plan)).containsExactly("PutRolePolicy");
        assertThat(plan.blockers())
                .singleElement()
                .satisfies(b -> assertThat(b).containsAnyOf("BoundaryNoSsm", "Guardrail"));
        RoleReport after = check(apply(role, plan));
        assertThat(status(after, RequirementId.PERMISSIONS)).isEqualTo(Status.FAIL);
        assertThat(after.requirements().stream()
                        .filter(r -> r.id() == RequirementId.PERMISSIONS)
                        .findFirst()
                        .orElseThrow()
                        .missing())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(plan.blockers().get(0)).contains(a));
    }

    static Stream<Arguments> tagsIamRejects() {
        return Stream.of(
                Arguments.of("a comma in the value", new IamOperation.Tag("Team", "backup,restore")),
                Arguments.of("a star in the key", new IamOperation.Tag("cost*center", "1")),
                Arguments.of("a quote in the value", new IamOperation.Tag("Owner", "o'brien")),
                Arguments.of("a semicolon in the key", new IamOperation.Tag("a;b", "x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tagsIamRejects")
    void aTagWithCharactersIamRejectsIsAProblem(String why, IamOperation.Tag tag) {
        FixPlan plan = PLANNER.planNewRole(
                new NewRoleRequest("W", "/", null, null, List.of(tag), null), APPLIANCE, FACTS, PermissionsMode.INLINE);
        assertThat(plan.problems()).as(why).isNotEmpty();
    }

    @Test
    void duplicateTagKeysAreAProblem() {
        FixPlan same = PLANNER.planNewRole(
                new NewRoleRequest(
                        "W",
                        "/",
                        null,
                        null,
                        List.of(new IamOperation.Tag("Team", "a"), new IamOperation.Tag("Team", "b")),
                        null),
                APPLIANCE,
                FACTS,
                PermissionsMode.INLINE);
        assertThat(same.problems()).isNotEmpty();
        FixPlan cased = PLANNER.planNewRole(
                new NewRoleRequest(
                        "W",
                        "/",
                        null,
                        null,
                        List.of(new IamOperation.Tag("Team", "a"), new IamOperation.Tag("team", "b")),
                        null),
                APPLIANCE,
                FACTS,
                PermissionsMode.INLINE);
        assertThat(cased.problems()).isNotEmpty();
    }
}
