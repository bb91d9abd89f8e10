package com.workerrolewizard.sandbox;

import static com.workerrolewizard.sandbox.IamResponses.required;

import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.sandbox.SandboxAccount.Policy;
import java.util.Map;

/** The managed policies of the sandbox account (customer and AWS managed) and their versions. */
final class SandboxPolicies {
    private final SandboxAccount account;

    SandboxPolicies(SandboxAccount account) {
        this.account = account;
    }

    String get(Map<String, String> p) {
        return element(account.policy(p.get("PolicyArn")));
    }

    String getVersion(Map<String, String> p) {
        Policy policy = account.policy(required(p, "PolicyArn"));
        String version = required(p, "VersionId");
        if (policy.versions.get(version) == null) {
            throw SandboxError.noSuchEntity(
                    "Policy " + policy.arn + " version " + version + " does not exist or is not attachable.");
        }
        return versionFields(new Xml().open("PolicyVersion"), policy, version)
                .close("PolicyVersion")
                .toString();
    }

    String create(Map<String, String> p) {
        String name = required(p, "PolicyName");
        IamResponses.valid(IamLimits.policyName(name));
        String path = p.getOrDefault("Path", "/");
        String arn = account.arn("policy", path, name);
        if (account.policies.values().stream().anyMatch(pol -> pol.name.equalsIgnoreCase(name) && !pol.awsManaged())) {
            throw SandboxError.alreadyExists(
                    "A policy called " + name + " already exists. Duplicate names are not allowed.");
        }
        String document = IamResponses.document(required(p, "PolicyDocument"), PolicyKind.IDENTITY);
        if (IamResponses.size(document) > IamLimits.MANAGED_POLICY_SIZE) {
            throw SandboxError.limitExceeded("Cannot exceed quota for PolicySize: 6144");
        }
        Policy policy = add(arn, name, path, document);
        policy.description = p.get("Description");
        return element(policy);
    }

    String delete(Map<String, String> p) {
        Policy policy = account.policy(required(p, "PolicyArn"));
        if (policy.attachments > 0) {
            throw SandboxError.deleteConflict("Cannot delete a policy attached to entities.");
        }
        account.policies.remove(policy.arn);
        return null;
    }

    /** Adds a managed policy (customer or AWS managed) with its versions; the default is given (seeding). */
    void put(String arn, String name, String path, Map<String, String> versions, String defaultVersion) {
        Policy policy = add(arn, name, path, versions.values().iterator().next());
        policy.versions.clear();
        policy.versions.putAll(versions);
        policy.defaultVersion = defaultVersion;
    }

    private Policy add(String arn, String name, String path, String document) {
        Policy policy = new Policy(name, path, account.newId("ANPA"), arn);
        policy.versions.put("v1", document);
        account.policies.put(arn, policy);
        return policy;
    }

    private static String element(Policy policy) {
        return fields(new Xml().open("Policy"), policy).close("Policy").toString();
    }

    static Xml fields(Xml xml, Policy policy) {
        return xml.text("PolicyName", policy.name)
                .text("PolicyId", policy.id)
                .text("Arn", policy.arn)
                .text("Path", policy.path)
                .text("DefaultVersionId", policy.defaultVersion)
                .text("AttachmentCount", policy.attachments)
                .text("PermissionsBoundaryUsageCount", 0)
                .text("IsAttachable", true)
                .text("Description", policy.description)
                .text("CreateDate", policy.created)
                .text("UpdateDate", policy.created);
    }

    /** One version of a policy, its document URL-encoded. */
    static Xml versionFields(Xml xml, Policy policy, String version) {
        return xml.text("Document", IamResponses.encode(policy.versions.get(version)))
                .text("VersionId", version)
                .text("IsDefaultVersion", version.equals(policy.defaultVersion))
                .text("CreateDate", policy.created);
    }
}
