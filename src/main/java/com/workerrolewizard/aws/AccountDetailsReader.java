package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.Progress;
import com.workerrolewizard.core.policy.Json;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.RoleDetail;

/**
 * Reads a whole account's roles and managed policies with {@code iam:GetAccountAuthorizationDetails} (every page,
 * following Marker): a thousand roles in a handful of requests. The answer is turned into the document that
 * {@code aws iam get-account-authorization-details} prints, so the offline reader judges a live account exactly as
 * it judges a file. Policies a role names that the answer lacks (a boundary IAM did not list) are read one by one.
 */
final class AccountDetailsReader {
    private final IamClient iam;

    AccountDetailsReader(IamClient iam) {
        this.iam = iam;
    }

    /**
     * The account's document, and why each managed policy it names but lacks could not be read (by ARN).
     */
    record Result(ObjectNode document, Map<String, String> unreadablePolicies) {}

    /** The document; throws the SDK's exception when the call is refused or fails. */
    Result read(Progress progress) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode roles = root.putArray("RoleDetailList");
        ArrayNode policies = root.putArray("Policies");
        Set<String> listed = new HashSet<>();
        int count = 0;
        for (GetAccountAuthorizationDetailsResponse page : iam.getAccountAuthorizationDetailsPaginator(
                r -> r.filter(EntityType.ROLE, EntityType.LOCAL_MANAGED_POLICY, EntityType.AWS_MANAGED_POLICY)
                        .maxItems(1000))) {
            for (RoleDetail role : page.roleDetailList()) {
                roles.add(role(role));
                count++;
            }
            for (ManagedPolicyDetail policy : page.policies()) {
                if (listed.add(policy.arn())) {
                    policies.add(policy(policy));
                }
            }
            progress.rolesRead(count);
        }
        return new Result(root, addMissingPolicies(roles, policies, listed));
    }

    private static ObjectNode role(RoleDetail role) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("Path", role.path());
        node.put("RoleName", role.roleName());
        node.put("RoleId", role.roleId());
        node.put("Arn", role.arn());
        node.put("AssumeRolePolicyDocument", role.assumeRolePolicyDocument());
        ArrayNode profiles = node.putArray("InstanceProfileList");
        for (InstanceProfile profile : role.instanceProfileList()) {
            ObjectNode p = profiles.addObject();
            p.put("Path", profile.path());
            p.put("InstanceProfileName", profile.instanceProfileName());
            p.put("Arn", profile.arn());
            ArrayNode members = p.putArray("Roles");
            profile.roles()
                    .forEach(r ->
                            members.addObject().put("RoleName", r.roleName()).put("Arn", r.arn()));
        }
        ArrayNode inline = node.putArray("RolePolicyList");
        role.rolePolicyList()
                .forEach(p ->
                        inline.addObject().put("PolicyName", p.policyName()).put("PolicyDocument", p.policyDocument()));
        ArrayNode attached = node.putArray("AttachedManagedPolicies");
        role.attachedManagedPolicies()
                .forEach(p ->
                        attached.addObject().put("PolicyName", p.policyName()).put("PolicyArn", p.policyArn()));
        if (role.permissionsBoundary() != null && role.permissionsBoundary().permissionsBoundaryArn() != null) {
            node.putObject("PermissionsBoundary")
                    .put("PermissionsBoundaryType", "Policy")
                    .put("PermissionsBoundaryArn", role.permissionsBoundary().permissionsBoundaryArn());
        }
        return node;
    }

    private static ObjectNode policy(ManagedPolicyDetail policy) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("PolicyName", policy.policyName());
        node.put("Arn", policy.arn());
        node.put("Path", policy.path());
        node.put("DefaultVersionId", policy.defaultVersionId());
        ArrayNode versions = node.putArray("PolicyVersionList");
        for (PolicyVersion version : policy.policyVersionList()) {
            versions.addObject()
                    .put("Document", version.document())
                    .put("VersionId", version.versionId())
                    .put("IsDefaultVersion", Boolean.TRUE.equals(version.isDefaultVersion()));
        }
        return node;
    }

    /**
     * IAM lists the managed policies in use; a policy used only as a boundary, or one the filters did not reach, is
     * read with GetPolicy and GetPolicyVersion. One that cannot be read stays missing: the reader says so for the roles
     * that name it.
     */
    private Map<String, String> addMissingPolicies(ArrayNode roles, ArrayNode policies, Set<String> listed) {
        Map<String, String> unreadable = new LinkedHashMap<>();
        Set<String> wanted = new HashSet<>();
        roles.forEach(role -> {
            role.path("AttachedManagedPolicies")
                    .forEach(p -> wanted.add(p.path("PolicyArn").asText()));
            String boundary = role.path("PermissionsBoundary")
                    .path("PermissionsBoundaryArn")
                    .asText(null);
            if (boundary != null) {
                wanted.add(boundary);
            }
        });
        wanted.removeAll(listed);
        for (String arn : wanted) {
            try {
                var policy = iam.getPolicy(r -> r.policyArn(arn)).policy();
                var version = iam.getPolicyVersion(r -> r.policyArn(arn).versionId(policy.defaultVersionId()))
                        .policyVersion();
                ObjectNode node = policies.addObject();
                node.put("PolicyName", policy.policyName());
                node.put("Arn", arn);
                node.put("Path", policy.path());
                node.put("DefaultVersionId", policy.defaultVersionId());
                node.putArray("PolicyVersionList")
                        .addObject()
                        .put("Document", version.document())
                        .put("VersionId", version.versionId())
                        .put("IsDefaultVersion", true);
            } catch (software.amazon.awssdk.core.exception.SdkException e) {
                unreadable.put(arn, AwsProblems.explain(e, "iam:GetPolicy", arn));
            }
        }
        return unreadable;
    }
}
