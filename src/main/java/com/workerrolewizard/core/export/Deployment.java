package com.workerrolewizard.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.plan.FixPlanner;
import com.workerrolewizard.core.plan.IamOperation;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the infrastructure-as-code exports (CloudFormation, Terraform) describe: one complete worker role.
 * For a new role that is the plan's role; for an existing one, its merged trust policy, the page's
 * permissions and its instance profile, so the template can adopt (import) the role without losing a statement.
 */
record Deployment(
        String roleName,
        String path,
        String policyName,
        String instanceProfileName,
        String instanceProfilePath,
        boolean importProfile,
        boolean importPolicy,
        String permissionsBoundary,
        Optional<IamOperation.CreateRole> createRole) {

    static Deployment of(ExportSubject subject) {
        String policyName = FixPlanner.POLICY_NAME;
        String profile = null;
        IamOperation.CreateRole createRole = null;
        for (IamOperation operation : subject.plan().operations()) {
            if (operation instanceof IamOperation.PutRolePolicy put) {
                policyName = put.policyName();
            } else if (operation instanceof IamOperation.CreatePolicy create) {
                policyName = create.policyName();
            } else if (operation instanceof IamOperation.AddRoleToInstanceProfile add) {
                profile = add.instanceProfileName();
            } else if (operation instanceof IamOperation.CreateRole create) {
                createRole = create;
            }
        }
        boolean importProfile = profile == null && subject.instanceProfile().isPresent();
        String profilePath = subject.path();
        if (importProfile) {
            profile = subject.instanceProfile().get();
            profilePath = subject.existing()
                    .flatMap(ExportSubject.Existing::instanceProfilePath)
                    .orElse(subject.path());
        } else if (profile == null) {
            profile = subject.roleName();
        }
        String name = policyName;
        boolean importPolicy = subject.mode() == com.workerrolewizard.core.plan.PermissionsMode.INLINE
                && subject.existing()
                        .map(e -> e.inlinePolicies().contains(name))
                        .orElse(false);
        String boundary = createRole != null
                ? createRole.permissionsBoundaryArn()
                : subject.existing()
                        .map(ExportSubject.Existing::permissionsBoundary)
                        .orElse(null);
        return new Deployment(
                subject.roleName(),
                subject.path(),
                policyName,
                profile,
                profilePath,
                importProfile,
                importPolicy,
                boundary,
                Optional.ofNullable(createRole));
    }

    /** A copy of the trust policy where every principal equal to the appliance ARN becomes {@code replacement}. */
    static ObjectNode withAppliance(ObjectNode trust, String applianceArn, Function<ObjectNode, JsonNode> replacement) {
        ObjectNode copy = trust.deepCopy();
        JsonNode statements = copy.get("Statement");
        Iterable<JsonNode> list = statements instanceof ArrayNode array ? array : java.util.List.of(statements);
        for (JsonNode statement : list) {
            JsonNode principal = statement.get("Principal");
            if (!(principal instanceof ObjectNode principals) || !principals.has("AWS")) {
                continue;
            }
            JsonNode aws = principals.get("AWS");
            if (aws.isTextual() && aws.asText().equals(applianceArn)) {
                principals.set("AWS", replacement.apply(principals));
            } else if (aws instanceof ArrayNode values) {
                for (int i = 0; i < values.size(); i++) {
                    if (values.get(i).asText().equals(applianceArn)) {
                        values.set(i, replacement.apply(principals));
                    }
                }
            }
        }
        return copy;
    }
}
