package com.workerrolewizard.sandbox;

import static com.workerrolewizard.sandbox.IamResponses.document;
import static com.workerrolewizard.sandbox.IamResponses.required;
import static com.workerrolewizard.sandbox.IamResponses.valid;

import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.sandbox.SandboxAccount.Role;
import com.workerrolewizard.sandbox.SandboxAccount.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The roles of the sandbox account: created, read, listed, deleted, and their trust policies replaced. */
final class SandboxRoles {
    /** IAM's default quota for a trust policy, in characters without white space. */
    static final int TRUST_QUOTA = 2048;

    private final SandboxAccount account;

    SandboxRoles(SandboxAccount account) {
        this.account = account;
    }

    String get(Map<String, String> p) {
        return element(account.role(p.get("RoleName")));
    }

    String list(Map<String, String> p) {
        String prefix = p.getOrDefault("PathPrefix", "/");
        List<Role> matching = account.roles.values().stream()
                .filter(r -> r.path.startsWith(prefix))
                .toList();
        return IamResponses.page(p, account.pageCap, "Roles", matching, (xml, role) -> fields(xml, role, false));
    }

    String create(Map<String, String> p) {
        String name = required(p, "RoleName");
        valid(IamLimits.roleName(name));
        String path = IamResponses.path(p);
        if (account.roles.containsKey(SandboxAccount.key(name))) {
            throw SandboxError.alreadyExists("Role with name " + name + " already exists.");
        }
        Role role = new Role(name, path, account.newId("AROA"), account.arn("role", path, name));
        role.trust = trust(required(p, "AssumeRolePolicyDocument"));
        role.description = p.get("Description");
        if (p.containsKey("MaxSessionDuration")) {
            role.maxSession = Integer.parseInt(p.get("MaxSessionDuration"));
        }
        if (p.containsKey("PermissionsBoundary")) {
            role.boundary = p.get("PermissionsBoundary");
            account.policy(role.boundary);
        }
        for (int i = 1; p.containsKey("Tags.member." + i + ".Key"); i++) {
            String tag = "Tags.member." + i;
            role.tags.add(new Tag(p.get(tag + ".Key"), p.getOrDefault(tag + ".Value", "")));
        }
        account.roles.put(SandboxAccount.key(name), role);
        return element(role);
    }

    String delete(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        if (!role.inline.isEmpty()
                || !role.attached.isEmpty()
                || !account.profilesOf(role).isEmpty()) {
            throw SandboxError.deleteConflict("Cannot delete entity, must remove roles from instance profile first, "
                    + "detach all policies first and delete all inline policies first.");
        }
        account.roles.remove(SandboxAccount.key(role.name));
        return null;
    }

    String updateTrust(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        role.trust = trust(required(p, "PolicyDocument"));
        return null;
    }

    /** Adds a role as CreateRole does (seeding). */
    void put(String name, String path, String trust) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("RoleName", name);
        p.put("Path", path);
        p.put("AssumeRolePolicyDocument", trust);
        create(p);
    }

    /** Gives a role a permissions boundary without the checks of PutRolePermissionsBoundary (seeding). */
    void setBoundary(String role, String arn) {
        account.role(role).boundary = arn;
    }

    private static String trust(String text) {
        String document = document(text, PolicyKind.TRUST);
        if (IamResponses.size(document) > TRUST_QUOTA) {
            throw SandboxError.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_QUOTA);
        }
        return document;
    }

    /** The role as GetRole and CreateRole answer it. */
    private static String element(Role role) {
        return fields(new Xml().open("Role"), role, true).close("Role").toString();
    }

    /** A role's fields; its boundary and tags only when {@code whole}: lists leave them out, as IAM does. */
    static Xml fields(Xml xml, Role role, boolean whole) {
        xml.text("Path", role.path)
                .text("RoleName", role.name)
                .text("RoleId", role.id)
                .text("Arn", role.arn)
                .text("CreateDate", role.created)
                .text("AssumeRolePolicyDocument", IamResponses.encode(role.trust))
                .text("Description", role.description)
                .text("MaxSessionDuration", role.maxSession);
        if (whole && role.boundary != null) {
            xml.open("PermissionsBoundary")
                    .text("PermissionsBoundaryType", "Policy")
                    .text("PermissionsBoundaryArn", role.boundary)
                    .close("PermissionsBoundary");
        }
        if (whole && !role.tags.isEmpty()) {
            xml.list(
                    "Tags",
                    role.tags,
                    (member, tag) -> member.text("Key", tag.key()).text("Value", tag.value()));
        }
        return xml;
    }
}
