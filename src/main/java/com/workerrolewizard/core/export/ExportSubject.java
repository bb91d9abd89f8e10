package com.workerrolewizard.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.PermissionsMode;
import java.util.List;
import java.util.Optional;

/**
 * What an export hands over: the role's documents and the plan that applies them.
 *
 * @param trustPolicy       the page's trust policy for a new role, or the role's merged one
 * @param existing          what an existing role already has, which a template that adopts it must keep
 * @param applianceArn      the appliance principal as written into the trust policy
 */
public record ExportSubject(
        String roleName,
        String path,
        String applianceArn,
        ObjectNode trustPolicy,
        ObjectNode permissionsPolicy,
        FixPlan plan,
        PermissionsMode mode,
        Optional<Existing> existing,
        String version) {

    /**
     * @param instanceProfile     its first instance profile's name and path, if it has one
     * @param permissionsBoundary its boundary's ARN, or null
     * @param inlinePolicies      the names of its inline policies
     * @param trustChanged        whether the page's statements were appended to its trust policy
     */
    public record Existing(
            Optional<String> instanceProfile,
            Optional<String> instanceProfilePath,
            String permissionsBoundary,
            List<String> inlinePolicies,
            boolean trustChanged) {
        public Existing {
            inlinePolicies = List.copyOf(inlinePolicies);
        }
    }

    public boolean existingRole() {
        return !plan.newRole();
    }

    public Optional<String> instanceProfile() {
        return existing.flatMap(Existing::instanceProfile);
    }
}
