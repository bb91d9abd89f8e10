package com.workerrolewizard.core.requirement;

import com.workerrolewizard.core.account.ApplianceSide;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.account.SimulatedAction;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.evaluation.PrincipalMatch;
import com.workerrolewizard.core.evaluation.ResourceAccess;
import com.workerrolewizard.core.evaluation.TrustEvaluator;
import com.workerrolewizard.core.evaluation.Verdict;

/**
 * The fifth result, {@code appliance-access}: the appliance's Impersonation role may call {@code sts:AssumeRole} on
 * the worker role. The worker's trust policy is one side (requirement 2); this is the other: the Impersonation role's
 * own policies and boundary. IAM needs an Allow there unless the trust names the Impersonation role itself in the same
 * account (a resource-based grant to a role of its own account is enough, a permissions boundary still limits it); an
 * explicit Deny always wins. IAM's policy simulator, asked on the Impersonation role with the worker role's ARN,
 * decides where it was asked, since it sees Organizations SCPs; it does not see the trust policy, so an implicit deny
 * it reports does not stand where the trust alone is enough.
 */
public final class ApplianceAccessCheck {
    private ApplianceAccessCheck() {}

    public static RequirementResult check(RoleSnapshot worker, AppliancePrincipal appliance, ApplianceSide side) {
        String who = "the appliance role " + appliance.arn();
        if (!side.role().isKnown()) {
            return unknown("The appliance role " + appliance.arn() + " could not be read ("
                    + trim(side.role().unknownBecause())
                    + "), so whether it may call sts:AssumeRole on this role is not known.");
        }
        RoleSnapshot applianceRole = side.role().value();
        if (!applianceRole.policies().isKnown()) {
            return unknown("The permissions policies of " + who + " could not be read ("
                    + trim(applianceRole.policies().unknownBecause())
                    + "), so whether it may call sts:AssumeRole on this role is not known.");
        }
        PermissionsCheck.Inputs inputs = PermissionsCheck.Inputs.of(applianceRole);
        if (inputs.boundaryUnreadable() != null || !inputs.unreadable().isEmpty()) {
            String why = inputs.boundaryUnreadable() != null
                    ? inputs.boundaryUnreadable()
                    : inputs.unreadable().get(0);
            return unknown("A policy of " + who + " could not be read (" + trim(why)
                    + "), so whether it may call sts:AssumeRole on this role is not known.");
        }
        boolean trustAlone = trustNamesApplianceRole(worker, appliance, applianceRole);
        ResourceAccess access = trustAlone
                ? ResourceAccess.withoutIdentityAllow(
                        inputs.sources(), inputs.boundary(), TrustEvaluator.ASSUME_ROLE, worker.arn())
                : ResourceAccess.evaluate(
                        inputs.sources(), inputs.boundary(), TrustEvaluator.ASSUME_ROLE, worker.arn());
        RequirementResult local = local(worker, appliance, who, access, trustAlone);
        return side.simulation().map(s -> reconcile(local, s, who, trustAlone)).orElse(local);
    }

    /**
     * Whether an Allow added to the Impersonation role's own policies would make it pass: it fails for want of one
     * (not a Deny, a boundary or an SCP, which an Allow cannot overcome).
     */
    public static boolean fixableByAllow(RoleSnapshot worker, AppliancePrincipal appliance, ApplianceSide side) {
        if (!side.role().isKnown() || !side.role().value().policies().isKnown()) {
            return false;
        }
        RoleSnapshot applianceRole = side.role().value();
        PermissionsCheck.Inputs inputs = PermissionsCheck.Inputs.of(applianceRole);
        if (inputs.boundaryUnreadable() != null || !inputs.unreadable().isEmpty()) {
            return false;
        }
        boolean scpOrDeny = side.simulation()
                .filter(Known::isKnown)
                .map(Known::value)
                .filter(a -> !a.allowed())
                .map(a -> a.explicitDeny()
                        || Boolean.FALSE.equals(a.allowedByOrganizations())
                        || Boolean.FALSE.equals(a.allowedByBoundary()))
                .orElse(false);
        return !scpOrDeny
                && !trustNamesApplianceRole(worker, appliance, applianceRole)
                && ResourceAccess.evaluate(
                                        inputs.sources(), inputs.boundary(), TrustEvaluator.ASSUME_ROLE, worker.arn())
                                .verdict()
                        == Verdict.NOT_ALLOWED;
    }

    /** The trust allows the Impersonation role by its own ARN, without a Condition, and both are in one account. */
    private static boolean trustNamesApplianceRole(
            RoleSnapshot worker, AppliancePrincipal appliance, RoleSnapshot applianceRole) {
        if (!worker.trustPolicy().isKnown() || !worker.account().equals(applianceRole.account())) {
            return false;
        }
        return TrustEvaluator.evaluate(
                        worker.trustPolicy().value(), ApplianceTrustCheck.target(appliance, worker.partition()))
                .allows()
                .stream()
                .anyMatch(
                        g -> g.match() == PrincipalMatch.EXACT && !g.statement().conditional());
    }

    private static RequirementResult local(
            RoleSnapshot worker, AppliancePrincipal appliance, String who, ResourceAccess access, boolean trustAlone) {
        String risks = access.risks().isEmpty() ? "" : " But it is " + String.join("; ", access.risks()) + ".";
        Status holds = access.risks().isEmpty() ? Status.PASS : Status.WARN;
        return switch (access.verdict()) {
            case DENIED ->
                RequirementResult.of(
                        RequirementId.APPLIANCE_ACCESS,
                        Status.FAIL,
                        capitalize(access.where()) + " of " + who + " denies sts:AssumeRole on " + worker.arn()
                                + ": the appliance cannot assume this role (a Deny wins). Remove that statement or keep "
                                + "it from naming this role.");
            case OUTSIDE_BOUNDARY ->
                RequirementResult.of(
                        RequirementId.APPLIANCE_ACCESS,
                        Status.FAIL,
                        "The permissions boundary of " + who + " refuses sts:AssumeRole on this role (" + access.where()
                                + "): add it to the boundary, or the appliance cannot assume the role.");
            case NOT_ALLOWED ->
                RequirementResult.of(
                        RequirementId.APPLIANCE_ACCESS,
                        Status.FAIL,
                        "No statement of " + who + "'s permissions policies allows sts:AssumeRole on " + worker.arn()
                                + ", which IAM needs " + whyBothSides(worker, appliance)
                                + ": add a statement allowing sts:AssumeRole on this role's ARN to " + who + ".");
            case ALLOWED ->
                trustAlone
                        ? RequirementResult.of(
                                RequirementId.APPLIANCE_ACCESS,
                                holds,
                                "The trust policy names " + who + " itself, in the same account, so IAM needs no Allow "
                                        + "from its own policies, and none of them denies sts:AssumeRole on this role."
                                        + risks)
                        : RequirementResult.of(
                                RequirementId.APPLIANCE_ACCESS,
                                holds,
                                capitalize(access.where()) + " of " + who + " allows sts:AssumeRole on this role."
                                        + risks);
            case EXCLUDED -> throw new IllegalStateException("not a verdict for one resource");
        };
    }

    /** Why the appliance's own policies must allow the call, not the trust policy alone. */
    private static String whyBothSides(RoleSnapshot worker, AppliancePrincipal appliance) {
        String applianceAccount = appliance.account();
        return applianceAccount.equals(worker.account())
                ? "because the trust policy does not name the appliance role itself without a Condition (it names "
                        + "the appliance's account, or everyone)"
                : "because the appliance is in another account (" + applianceAccount + "): a cross-account "
                        + "assume-role needs an Allow on both sides";
    }

    private static RequirementResult reconcile(
            RequirementResult local, Known<SimulatedAction> simulation, String who, boolean trustAlone) {
        if (!simulation.isKnown()) {
            return RequirementResult.of(
                    local.id(),
                    local.status(),
                    local.detail() + " IAM's policy simulator could not be used (" + trim(simulation.unknownBecause())
                            + "), so Organizations service control policies (SCPs) were not seen: this is the "
                            + "local evaluation's answer.");
        }
        SimulatedAction answer = simulation.value();
        if (answer.allowed()) {
            if (local.status().holds()) {
                return RequirementResult.of(
                        local.id(),
                        local.status(),
                        local.detail() + " IAM's policy simulator agrees, Organizations SCPs included.");
            }
            if (local.detail().contains(" denies ")) {
                return local;
            }
            return RequirementResult.of(
                    local.id(),
                    Status.PASS,
                    "IAM's policy simulator allows " + who + " sts:AssumeRole on this role. (The local evaluation "
                            + "found otherwise: " + local.detail() + ")");
        }
        boolean implicitOnly = !answer.explicitDeny()
                && !Boolean.FALSE.equals(answer.allowedByOrganizations())
                && !Boolean.FALSE.equals(answer.allowedByBoundary());
        if (trustAlone && implicitOnly && local.status().holds()) {
            // The simulator evaluates the identity side only; here the trust policy is the Allow.
            return RequirementResult.of(
                    local.id(),
                    local.status(),
                    local.detail() + " IAM's policy simulator finds no Allow in the appliance role's own policies, "
                            + "which this trust does not need, and no SCP denying it.");
        }
        if (local.status() == Status.FAIL) {
            // Both refuse: the local detail names the statement; the simulator adds only what the local cannot see.
            return Boolean.FALSE.equals(answer.allowedByOrganizations())
                    ? RequirementResult.of(
                            local.id(),
                            Status.FAIL,
                            local.detail() + " An Organizations service control policy denies it too (IAM policy "
                                    + "simulator).")
                    : local;
        }
        return RequirementResult.of(
                local.id(),
                Status.FAIL,
                "IAM's policy simulator refuses " + who + " sts:AssumeRole on this role: " + answer.reason() + "."
                        + (local.status().holds()
                                ? " (The local evaluation, which cannot see SCPs, allowed it.)"
                                : ""));
    }

    private static RequirementResult unknown(String detail) {
        return RequirementResult.of(RequirementId.APPLIANCE_ACCESS, Status.UNKNOWN, detail);
    }

    private static String trim(String sentence) {
        return sentence.replaceAll("[.\\s]+$", "");
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
