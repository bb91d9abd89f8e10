package com.workerrolewizard.sandbox;

import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.sandbox.SandboxAccount.Profile;
import com.workerrolewizard.sandbox.SandboxAccount.Role;
import java.util.Map;

/** The instance profiles of the sandbox account, each holding at most one role, as in IAM. */
final class SandboxInstanceProfiles {
    private final SandboxAccount account;

    SandboxInstanceProfiles(SandboxAccount account) {
        this.account = account;
    }

    String get(Map<String, String> p) {
        return element(account.profile(p.get("InstanceProfileName")));
    }

    String listForRole(Map<String, String> p) {
        Role role = account.role(p.get("RoleName"));
        return IamResponses.page(
                p, account.pageCap, "InstanceProfiles", account.profilesOf(role), SandboxInstanceProfiles::fields);
    }

    String create(Map<String, String> p) {
        String name = IamResponses.required(p, "InstanceProfileName");
        IamResponses.valid(IamLimits.instanceProfileName(name));
        String path = IamResponses.path(p);
        if (account.profiles.containsKey(SandboxAccount.key(name))) {
            throw SandboxError.alreadyExists("Instance Profile " + name + " already exists.");
        }
        Profile profile = new Profile(name, path, account.newId("AIPA"), account.arn("instance-profile", path, name));
        account.profiles.put(SandboxAccount.key(name), profile);
        return element(profile);
    }

    String delete(Map<String, String> p) {
        Profile profile = account.profile(p.get("InstanceProfileName"));
        if (!profile.roles.isEmpty()) {
            throw SandboxError.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        account.profiles.remove(SandboxAccount.key(profile.name));
        return null;
    }

    String addRole(Map<String, String> p) {
        Profile profile = account.profile(p.get("InstanceProfileName"));
        Role role = account.role(p.get("RoleName"));
        if (!profile.roles.isEmpty()) {
            throw SandboxError.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        }
        profile.roles.add(role);
        return null;
    }

    String removeRole(Map<String, String> p) {
        Profile profile = account.profile(p.get("InstanceProfileName"));
        Role role = account.role(p.get("RoleName"));
        if (!profile.roles.remove(role)) {
            throw SandboxError.noSuchEntity(
                    "The role with name " + role.name + " cannot be found in instance profile " + profile.name + ".");
        }
        return null;
    }

    /** Makes the profile unless it exists and puts the role in, without AddRoleToInstanceProfile's quota (seeding). */
    void put(String name, String path, String role) {
        if (!account.profiles.containsKey(SandboxAccount.key(name))) {
            create(Map.of("InstanceProfileName", name, "Path", path));
        }
        if (role != null) {
            account.profile(name).roles.add(account.role(role));
        }
    }

    private static String element(Profile profile) {
        return fields(new Xml().open("InstanceProfile"), profile)
                .close("InstanceProfile")
                .toString();
    }

    /** A profile's fields, with its roles as lists show them. */
    static Xml fields(Xml xml, Profile profile) {
        return xml.text("Path", profile.path)
                .text("InstanceProfileName", profile.name)
                .text("InstanceProfileId", profile.id)
                .text("Arn", profile.arn)
                .text("CreateDate", profile.created)
                .list("Roles", profile.roles, (member, role) -> SandboxRoles.fields(member, role, false));
    }
}
