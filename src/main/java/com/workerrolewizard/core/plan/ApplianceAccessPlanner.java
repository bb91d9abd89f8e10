package com.workerrolewizard.core.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.ApplianceSide;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.requirement.ApplianceAccessCheck;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The appliance side's fix, made only when asked for ({@code fix --include-appliance}): an inline policy on the
 * Impersonation role allowing {@code sts:AssumeRole} on the worker role's ARN. Where an Allow cannot help (a Deny, a
 * boundary, an SCP) the plan says so instead. Pure: reads what it is given, calls nothing.
 */
public final class ApplianceAccessPlanner {
    public static final String POLICY_PREFIX = "VeeamWorkerAccess-";

    private ApplianceAccessPlanner() {}

    public static FixPlan plan(FixPlan plan, RoleSnapshot worker, AppliancePrincipal appliance, ApplianceSide side) {
        RequirementResult result = ApplianceAccessCheck.check(worker, appliance, side);
        if (result.status().holds()) {
            return plan;
        }
        if (!ApplianceAccessCheck.fixableByAllow(worker, appliance, side)) {
            return plan.withBlocker("appliance-access: " + result.detail() + " An Allow added to the appliance role "
                    + "cannot change that, so no change to the appliance role is planned.");
        }
        RoleSnapshot applianceRole = side.role().value();
        String name = policyName(worker.name(), applianceRole);
        return plan.with(new PlannedChange(
                List.of(RequirementId.APPLIANCE_ACCESS),
                new IamOperation.PutRolePolicy(applianceRole.name(), name, document(worker.arn()))));
    }

    /** The appliance side's policy: the Impersonation role may assume the worker role ({@code *} in an ARN allowed). */
    public static ObjectNode document(String workerArn) {
        ObjectNode statement = Json.MAPPER.createObjectNode();
        statement.put("Effect", "Allow");
        statement.put("Action", "sts:AssumeRole");
        statement.put("Resource", workerArn);
        ObjectNode policy = Json.MAPPER.createObjectNode();
        policy.put("Version", "2012-10-17");
        policy.putArray("Statement").add(statement);
        return policy;
    }

    /** {@code VeeamWorkerAccess-ROLE}, numbered past the appliance role's own inline policy names (any case). */
    static String policyName(String worker, RoleSnapshot applianceRole) {
        Set<String> taken = applianceRole.policies().value().stream()
                .filter(p -> p.kind() == IdentityPolicy.Kind.INLINE)
                .map(p -> p.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        String base = (POLICY_PREFIX + worker).substring(0, Math.min(120, POLICY_PREFIX.length() + worker.length()));
        String name = base;
        for (int n = 2; taken.contains(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n;
        }
        return name;
    }
}
