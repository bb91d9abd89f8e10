package com.workerrolewizard.core.requirement;

import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.SimulatedAction;
import com.workerrolewizard.core.reference.ActionCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code permissions} result of a live account: IAM's policy simulator decides when the operator may
 * call it (it sees Organizations SCPs, which the local engine cannot), the local evaluation otherwise; when
 * both ran and disagree, the detail says so and why. One thing only the local evaluation sees: the simulator
 * evaluates the literal resource "*", which an Allow's NotResource never excludes, so an action the local
 * evaluation finds excluded from every resource it acts on stays missing whatever the simulator says.
 */
public final class SimulationReconciler {
    private SimulationReconciler() {}

    public static RequirementResult reconcile(
            RequirementResult local,
            Known<List<SimulatedAction>> simulation,
            ActionCatalog catalog,
            Set<String> excluded) {
        if (!simulation.isKnown()) {
            String why = simulation.unknownBecause().replaceAll("[.\\s]+$", "");
            return new RequirementResult(
                    local.id(),
                    local.status(),
                    local.detail() + " IAM's policy simulator could not be "
                            + "used (" + why
                            + "), so Organizations service control policies (SCPs) were not seen: this is the "
                            + "local evaluation's answer.",
                    local.missing(),
                    local.reasons());
        }
        Map<String, SimulatedAction> refused = new LinkedHashMap<>();
        simulation.value().stream()
                .filter(a -> !a.allowed())
                .forEach(a -> refused.put(a.action().toLowerCase(), a));
        if (refused.isEmpty()) {
            List<String> blind =
                    local.missing().stream().filter(excluded::contains).toList();
            if (!blind.isEmpty()) {
                return simulatorBlind(local, blind, catalog);
            }
            if (local.status() == Status.UNKNOWN) {
                return RequirementResult.of(
                        local.id(),
                        Status.PASS,
                        "IAM's policy simulator allows all " + catalog.size()
                                + " required actions on every resource. (The local evaluation could not decide: "
                                + local.detail() + ")");
            }
            if (local.status().holds()) {
                return new RequirementResult(
                        local.id(),
                        local.status(),
                        local.detail() + " IAM's policy simulator agrees.",
                        local.missing(),
                        local.reasons());
            }
            return new RequirementResult(
                    local.id(),
                    Status.WARN,
                    "IAM's policy simulator allows all " + catalog.size()
                            + " required actions, but the local evaluation does not: " + local.detail()
                            + " The simulator is IAM's own answer; please report the difference.",
                    local.missing(),
                    local.reasons());
        }
        List<String> missing = new ArrayList<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String action : catalog.actions()) {
            SimulatedAction simulated = refused.get(action.toLowerCase());
            String localReason = local.reasons().get(action);
            if (simulated != null || localReason != null) {
                missing.add(action);
                reasons.put(
                        action,
                        localReason != null
                                        && simulated != null
                                        && !simulated.reason().contains("Organizations")
                                ? localReason
                                : simulated != null ? simulated.reason() : localReason);
            }
        }
        boolean scp = refused.values().stream().anyMatch(a -> Boolean.FALSE.equals(a.allowedByOrganizations()));
        String detail = local.status().holds()
                ? "The role's own policies allow every required action, but IAM's policy simulator denies "
                        + refused.size() + ": " + PermissionsCheck.grouped(reasons) + "."
                        + (scp
                                ? " An Organizations SCP is something only the simulator sees: ask your AWS organization's "
                                        + "administrators to allow these actions for this account."
                                : "")
                : local.detail()
                        + (scp ? " IAM's policy simulator also finds an Organizations SCP denying some of them." : "");
        return new RequirementResult(local.id(), Status.FAIL, detail, missing, reasons);
    }

    /** The simulator allows everything, but some actions are allowed only outside every resource they act on. */
    private static RequirementResult simulatorBlind(
            RequirementResult local, List<String> blind, ActionCatalog catalog) {
        Map<String, String> reasons = new LinkedHashMap<>();
        blind.forEach(action -> reasons.put(action, local.reasons().get(action)));
        int overruled = local.missing().size() - blind.size();
        String detail =
                blind.size() + " of " + catalog.size() + " required actions " + (blind.size() == 1 ? "is" : "are")
                        + " not allowed on the resources " + (blind.size() == 1 ? "it acts" : "they act") + " on: "
                        + PermissionsCheck.grouped(reasons)
                        + ". IAM's policy simulator allows them on the literal resource \"*\", "
                        + "which a NotResource never excludes, so it cannot see this. Narrow the NotResource, or attach the page's "
                        + "permissions policy, which allows them on \"*\"."
                        + (overruled > 0
                                ? " The simulator allows the " + overruled + " other action"
                                        + (overruled == 1 ? "" : "s") + " the local evaluation found missing."
                                : "");
        return new RequirementResult(
                local.id(), local.status() == Status.UNKNOWN ? Status.UNKNOWN : Status.FAIL, detail, blind, reasons);
    }
}
