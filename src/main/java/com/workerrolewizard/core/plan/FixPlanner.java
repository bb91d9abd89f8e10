package com.workerrolewizard.core.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.evaluation.ActionVerdict;
import com.workerrolewizard.core.evaluation.Verdict;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.PermissionsCheck;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a role snapshot into the plan that makes it pass: trust policy first, then permissions, then the
 * instance profile, the order in which a new role's parts must exist too. Pure: reads facts, calls nothing.
 */
public final class FixPlanner {
    public static final String POLICY_NAME = "VeeamWorkerPermissions";
    private static final String POLICY_DESCRIPTION = "Permissions of Veeam Backup for AWS worker instances";

    private final WorkerDocuments documents;

    public FixPlanner(WorkerDocuments documents) {
        this.documents = documents;
    }

    public FixPlan planFix(RoleSnapshot role, AppliancePrincipal appliance, AccountFacts facts, PermissionsMode mode) {
        RoleReport report = new RoleChecker(documents.catalog()).check(role, appliance);
        Draft draft = new Draft();
        planTrust(role, appliance, facts, report, draft);
        planPermissions(role, facts, mode, report, draft);
        planInstanceProfile(role, facts, report, draft);
        if (!draft.changes.isEmpty()) {
            draft.notes.addAll(facts.caveats());
        }
        return new FixPlan(
                role.name(),
                role.arn(),
                appliance.arn(role.partition()),
                false,
                report.requirements(),
                draft.changes,
                draft.blockers,
                draft.problems,
                draft.notes);
    }

    public FixPlan planNewRole(
            NewRoleRequest request, AppliancePrincipal appliance, AccountFacts facts, PermissionsMode mode) {
        Draft draft = new Draft();
        Partition partition = appliance.partition().or(facts::partition).orElse(Partition.AWS);
        facts.partition()
                .filter(p -> p != partition)
                .ifPresent(p -> draft.problems.add("The appliance is in partition " + partition + " and the account in "
                        + p + ": IAM cannot trust a principal of another partition."));
        IamLimits.roleName(request.roleName()).ifPresent(draft.problems::add);
        IamLimits.path(request.path()).ifPresent(draft.problems::add);
        IamLimits.description(request.description()).ifPresent(draft.problems::add);
        IamLimits.maxSessionDuration(request.maxSessionDuration()).ifPresent(draft.problems::add);
        IamLimits.tags(request.tags()).ifPresent(draft.problems::add);
        IamLimits.permissionsBoundary(request.permissionsBoundaryArn()).ifPresent(draft.problems::add);
        Known<Boolean> exists = facts.roleExists(request.roleName());
        if (!exists.isKnown()) {
            draft.notes.add("Whether role " + request.roleName() + " already exists could not be checked: "
                    + exists.unknownBecause());
        } else if (exists.value()) {
            draft.problems.add(
                    "Role " + request.roleName() + " already exists (role names are unique regardless of case): "
                            + "check it with 'check' and fix it with 'fix', or choose another name.");
        }
        ObjectNode trust = documents.trustPolicy(appliance, partition);
        IamLimits.trustPolicySize(trust, facts.trustPolicySizeQuota()).ifPresent(draft.problems::add);
        draft.add(
                List.of(RequirementId.APPLIANCE_TRUST, RequirementId.EC2_TRUST),
                new IamOperation.CreateRole(
                        request.roleName(),
                        request.path(),
                        trust,
                        request.description(),
                        request.permissionsBoundaryArn(),
                        request.tags(),
                        request.maxSessionDuration()));
        String account = facts.accountId().orElse(null);
        addPermissions(
                request.roleName(),
                List.of(),
                0,
                account,
                partition,
                facts,
                mode,
                List.of(RequirementId.PERMISSIONS),
                draft);
        addInstanceProfile(request.roleName(), request.path(), facts, draft);
        if (request.permissionsBoundaryArn() != null) {
            draft.notes.add("The permissions boundary " + request.permissionsBoundaryArn() + " must allow the required "
                    + "actions too: check the role once it exists.");
        }
        draft.notes.addAll(facts.caveats());
        String arn = account == null
                ? null
                : "arn:" + partition.id() + ":iam::" + account + ":role" + request.path() + request.roleName();
        return new FixPlan(
                request.roleName(),
                arn,
                appliance.arn(partition),
                true,
                List.of(),
                draft.changes,
                draft.blockers,
                draft.problems,
                draft.notes);
    }

    private void planTrust(
            RoleSnapshot role, AppliancePrincipal appliance, AccountFacts facts, RoleReport report, Draft draft) {
        boolean applianceFails = failing(report, RequirementId.APPLIANCE_TRUST);
        boolean ec2Fails = failing(report, RequirementId.EC2_TRUST);
        if (!applianceFails && !ec2Fails) {
            return;
        }
        if (!role.trustPolicy().isKnown()) {
            draft.blockers.add("The trust policy could not be read, so no change to it can be planned: "
                    + role.trustPolicy().unknownBecause());
            return;
        }
        TrustPolicyMerge.Result merge =
                TrustPolicyMerge.merge(role.trustPolicy().value(), appliance, role.partition(), documents);
        draft.blockers.addAll(merge.blocked());
        if (!merge.changed()) {
            return;
        }
        merge.removed()
                .forEach(r -> draft.notes.add("The trust policy's " + r + ": IAM refuses to save a trust policy "
                        + "that holds one, so the write takes it out (the diff shows it)."));
        List<RequirementId> fixes = new ArrayList<>();
        if (applianceFails && merge.fixes().contains(RequirementId.APPLIANCE_TRUST)) {
            fixes.add(RequirementId.APPLIANCE_TRUST);
        }
        if (ec2Fails && merge.fixes().contains(RequirementId.EC2_TRUST)) {
            fixes.add(RequirementId.EC2_TRUST);
        }
        IamLimits.trustPolicySize(merge.after(), facts.trustPolicySizeQuota()).ifPresent(draft.problems::add);
        draft.add(
                fixes,
                new IamOperation.UpdateAssumeRolePolicy(role.name(), merge.before(), merge.after(), merge.added()));
    }

    private void planPermissions(
            RoleSnapshot role, AccountFacts facts, PermissionsMode mode, RoleReport report, Draft draft) {
        if (!failing(report, RequirementId.PERMISSIONS)) {
            return;
        }
        if (!role.policies().isKnown()) {
            draft.blockers.add("The role's permissions policies could not be read, so no change can be planned: "
                    + role.policies().unknownBecause());
            return;
        }
        List<ActionVerdict> verdicts = PermissionsCheck.verdicts(role, documents.catalog());
        List<ActionVerdict> blocked = verdicts.stream()
                .filter(v -> v.verdict() == Verdict.DENIED || v.verdict() == Verdict.OUTSIDE_BOUNDARY)
                .toList();
        if (!blocked.isEmpty()) {
            draft.blockers.add(blocked.size() + " required action" + (blocked.size() == 1 ? " stays" : "s stay")
                    + " blocked whatever the plan adds, because a Deny or the permissions boundary wins over an Allow: "
                    + blocked.stream()
                            .map(v -> v.action() + " (" + v.reason() + ")")
                            .collect(Collectors.joining(", "))
                    + ". Remove or narrow the Deny, or widen the boundary, yourself.");
        }
        // The page's policy is added when the role's own policies lack an action and no Deny of theirs blocks it.
        if (verdicts.stream().noneMatch(v -> !v.identityAllows() && v.verdict() != Verdict.DENIED)) {
            return;
        }
        List<String> inlineNames = new ArrayList<>();
        int inlineSize = 0;
        for (IdentityPolicy policy : role.policies().value()) {
            if (policy.kind() == IdentityPolicy.Kind.INLINE) {
                inlineNames.add(policy.name());
                inlineSize += policy.document().isKnown()
                        ? PolicyJson.iamSize(policy.document().value().json())
                        : 0;
            }
        }
        // The added policy fixes the requirement only when no Deny or boundary keeps an action blocked.
        List<RequirementId> fixes = blocked.isEmpty() ? List.of(RequirementId.PERMISSIONS) : List.of();
        addPermissions(
                role.name(), inlineNames, inlineSize, role.account(), role.partition(), facts, mode, fixes, draft);
    }

    private void addPermissions(
            String roleName,
            List<String> inlineNames,
            int inlineSize,
            String account,
            Partition partition,
            AccountFacts facts,
            PermissionsMode mode,
            List<RequirementId> fixes,
            Draft draft) {
        ObjectNode policy = documents.permissionsPolicy();
        if (mode == PermissionsMode.INLINE) {
            String name = free(
                    POLICY_NAME,
                    n -> Known.of(inlineNames.stream().anyMatch(n::equalsIgnoreCase)),
                    draft,
                    "inline policy");
            IamLimits.inlinePoliciesSize(inlineSize, policy).ifPresent(draft.problems::add);
            draft.add(fixes, new IamOperation.PutRolePolicy(roleName, name, policy));
            return;
        }
        String name = free(POLICY_NAME, facts::customerManagedPolicyExists, draft, "managed policy");
        IamLimits.managedPolicySize(policy).ifPresent(draft.problems::add);
        String policyArn =
                "arn:" + partition.id() + ":iam::" + (account == null ? "ACCOUNT_ID" : account) + ":policy/" + name;
        if (account == null) {
            draft.notes.add(
                    "The account ID is not known here: replace ACCOUNT_ID in the policy ARN, or use the ARN that "
                            + "CreatePolicy returns.");
        }
        draft.add(List.of(), new IamOperation.CreatePolicy(name, "/", policy, POLICY_DESCRIPTION));
        draft.add(fixes, new IamOperation.AttachRolePolicy(roleName, policyArn));
    }

    private void planInstanceProfile(RoleSnapshot role, AccountFacts facts, RoleReport report, Draft draft) {
        RequirementResult result = result(report, RequirementId.INSTANCE_PROFILE);
        if (result.status() == Status.UNKNOWN) {
            draft.blockers.add(
                    "The role's instance profiles could not be read, so none is planned: " + result.detail());
        } else if (result.status() == Status.FAIL) {
            addInstanceProfile(role.name(), role.path(), facts, draft);
        }
    }

    /**
     * The instance profile named after the role when that name is free, or holds no role; otherwise
     * ROLE-profile, ROLE-profile-2, ... An instance profile holds one role only: never one that holds another.
     */
    private static void addInstanceProfile(String roleName, String path, AccountFacts facts, Draft draft) {
        List<String> candidates = new ArrayList<>(List.of(roleName, roleName + "-profile"));
        for (int i = 2; i <= 9; i++) {
            candidates.add(roleName + "-profile-" + i);
        }
        for (String name : candidates) {
            Known<Optional<List<String>>> profile = facts.instanceProfile(name);
            if (!profile.isKnown()) {
                draft.notes.add("Whether instance profile " + name + " exists could not be checked: "
                        + profile.unknownBecause());
            } else if (profile.value().isPresent() && !profile.value().get().isEmpty()) {
                draft.notes.add("Instance profile " + name + " already holds role "
                        + String.join(", ", profile.value().get())
                        + ", and an instance profile holds one role only, so the plan uses another name.");
                continue;
            }
            IamLimits.instanceProfileName(name).ifPresent(draft.problems::add);
            if (profile.isKnown() && profile.value().isPresent()) {
                draft.notes.add(
                        "Instance profile " + name + " exists and holds no role: the plan adds the role to it.");
            } else {
                draft.add(List.of(), new IamOperation.CreateInstanceProfile(name, path));
            }
            draft.add(
                    List.of(RequirementId.INSTANCE_PROFILE), new IamOperation.AddRoleToInstanceProfile(name, roleName));
            return;
        }
        draft.problems.add("No free instance profile name was found for role " + roleName + ": create one yourself.");
    }

    private static String free(
            String base, java.util.function.Function<String, Known<Boolean>> taken, Draft draft, String what) {
        for (int i = 1; i <= 20; i++) {
            String name = i == 1 ? base : base + "-" + i;
            Known<Boolean> exists = taken.apply(name);
            if (!exists.isKnown()) {
                draft.notes.add(
                        "Whether " + what + " " + name + " exists could not be checked: " + exists.unknownBecause());
                return name;
            }
            if (!exists.value()) {
                if (i > 1) {
                    draft.notes.add("A " + what + " named " + base + " exists already, so the plan uses " + name + ".");
                }
                return name;
            }
        }
        draft.problems.add("No free name was found for the " + what + " (" + base + " to " + base + "-20 are taken): "
                + "remove one you no longer need.");
        return base;
    }

    private static boolean failing(RoleReport report, RequirementId id) {
        Status status = result(report, id).status();
        return status == Status.FAIL || status == Status.UNKNOWN;
    }

    private static RequirementResult result(RoleReport report, RequirementId id) {
        return report.requirements().stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** The plan being assembled. */
    private static final class Draft {
        final List<PlannedChange> changes = new ArrayList<>();
        final List<String> blockers = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        void add(List<RequirementId> fixes, IamOperation operation) {
            changes.add(new PlannedChange(fixes, operation));
        }
    }
}
