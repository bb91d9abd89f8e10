package com.workerrolewizard.sandbox;

import static com.workerrolewizard.sandbox.IamResponses.required;

import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.sandbox.SandboxAccount.InlinePolicy;
import com.workerrolewizard.sandbox.SandboxAccount.Policy;
import com.workerrolewizard.sandbox.SandboxAccount.Role;
import java.util.List;
import java.util.Map;

/** What a role may do: its inline policies, and the managed policies attached to it. */
final class SandboxRolePolicies {
    private final SandboxAccount account;

    SandboxRolePolicies(SandboxAccount account) {
        this.account = account;
    }

    String listInline(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        List<String> names =
                role.inline.values().stream().map(InlinePolicy::name).toList();
        return IamResponses.page(p, account.pageCap, "PolicyNames", names, (xml, name) -> xml.raw(Xml.escape(name)));
    }

    String getInline(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        InlinePolicy policy = role.inline.get(SandboxAccount.key(required(p, "PolicyName")));
        if (policy == null) {
            throw noSuchInline(p);
        }
        return inlineFields(new Xml().text("RoleName", role.name), policy).toString();
    }

    String putInline(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        String name = required(p, "PolicyName");
        IamResponses.valid(IamLimits.policyName(name));
        String document = IamResponses.document(required(p, "PolicyDocument"), PolicyKind.IDENTITY);
        // The quota counts all of a role's inline policies, the one replaced excepted.
        int total = IamResponses.size(document);
        for (Map.Entry<String, InlinePolicy> other : role.inline.entrySet()) {
            if (!other.getKey().equals(SandboxAccount.key(name))) {
                total += IamResponses.size(other.getValue().document());
            }
        }
        if (total > IamLimits.INLINE_POLICIES_PER_ROLE) {
            throw SandboxError.limitExceeded("Maximum policy size of 10240 bytes exceeded for role " + role.name);
        }
        role.inline.put(SandboxAccount.key(name), new InlinePolicy(name, document));
        return null;
    }

    String deleteInline(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        if (role.inline.remove(SandboxAccount.key(required(p, "PolicyName"))) == null) {
            throw noSuchInline(p);
        }
        return null;
    }

    String listAttached(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        List<Policy> attached = role.attached.stream().map(account::policy).toList();
        return IamResponses.page(p, account.pageCap, "AttachedPolicies", attached, SandboxRolePolicies::attachedFields);
    }

    String attach(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        Policy policy = account.policy(required(p, "PolicyArn"));
        if (role.attached.add(policy.arn)) {
            policy.attachments++;
        }
        return null;
    }

    String detach(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        Policy policy = account.policy(required(p, "PolicyArn"));
        if (!role.attached.remove(policy.arn)) {
            throw SandboxError.noSuchEntity("Policy " + policy.arn + " was not found.");
        }
        policy.attachments--;
        return null;
    }

    /** Gives a role an inline policy as PutRolePolicy does (seeding). */
    void putInline(String role, String name, String document) {
        putInline(Map.of("RoleName", role, "PolicyName", name, "PolicyDocument", document));
    }

    /** Attaches a managed policy as AttachRolePolicy does (seeding). */
    void attach(String role, String arn) {
        attach(Map.of("RoleName", role, "PolicyArn", arn));
    }

    private static SandboxError noSuchInline(Map<String, String> p) {
        return SandboxError.noSuchEntity("The role policy with name " + p.get("PolicyName") + " cannot be found.");
    }

    /** An inline policy's name and URL-encoded document. */
    static Xml inlineFields(Xml xml, InlinePolicy policy) {
        return xml.text("PolicyName", policy.name()).text("PolicyDocument", IamResponses.encode(policy.document()));
    }

    /** An attached policy as lists name it: its name and ARN. */
    static Xml attachedFields(Xml xml, Policy policy) {
        return xml.text("PolicyName", policy.name).text("PolicyArn", policy.arn);
    }
}
