package com.workerrolewizard.core.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.PermissionsMode;
import java.util.Optional;

/**
 * What an export hands over: the role's documents and the plan that applies them.
 *
 * @param trustPolicy       the page's trust policy for a new role, or the role's merged one
 * @param instanceProfile   the role's existing instance profile, if it has one
 * @param applianceArn      the appliance principal as written into the trust policy
 */
public record ExportSubject(String roleName, String path, String applianceArn, ObjectNode trustPolicy,
        ObjectNode permissionsPolicy, FixPlan plan, PermissionsMode mode, Optional<String> instanceProfile,
        String version) {

    public boolean existingRole() {
        return !plan.newRole();
    }
}
