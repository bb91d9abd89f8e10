package com.workerrolewizard.sandbox;

import java.util.Map;

/**
 * The IAM of the sandbox account: hands each action to the class that serves its resource, under the account's
 * lock. They answer with IAM's validation, errors, URL-encoded documents, case-insensitive names and paging.
 */
final class SandboxIam {
    /** The account's state, and the lock to hold while changing it from outside a call. */
    final SandboxAccount account;

    final SandboxRoles roles;
    final SandboxRolePolicies rolePolicies;
    final SandboxInstanceProfiles profiles;
    final SandboxPolicies policies;
    private final SandboxAccountDetails details;

    SandboxIam(String account, String partition) {
        this.account = new SandboxAccount(account, partition);
        this.roles = new SandboxRoles(this.account);
        this.rolePolicies = new SandboxRolePolicies(this.account);
        this.profiles = new SandboxInstanceProfiles(this.account);
        this.policies = new SandboxPolicies(this.account);
        this.details = new SandboxAccountDetails(this.account);
    }

    /** The Result element's content for this action, or null when IAM answers with metadata only. */
    String handle(String action, Map<String, String> p) {
        synchronized (account) {
            return switch (action) {
                case "ListRoles" -> roles.list(p);
                case "GetRole" -> roles.get(p);
                case "CreateRole" -> roles.create(p);
                case "DeleteRole" -> roles.delete(p);
                case "UpdateAssumeRolePolicy" -> roles.updateTrust(p);
                case "ListInstanceProfilesForRole" -> profiles.listForRole(p);
                case "GetInstanceProfile" -> profiles.get(p);
                case "CreateInstanceProfile" -> profiles.create(p);
                case "DeleteInstanceProfile" -> profiles.delete(p);
                case "AddRoleToInstanceProfile" -> profiles.addRole(p);
                case "RemoveRoleFromInstanceProfile" -> profiles.removeRole(p);
                case "ListRolePolicies" -> rolePolicies.listInline(p);
                case "GetRolePolicy" -> rolePolicies.getInline(p);
                case "PutRolePolicy" -> rolePolicies.putInline(p);
                case "DeleteRolePolicy" -> rolePolicies.deleteInline(p);
                case "ListAttachedRolePolicies" -> rolePolicies.listAttached(p);
                case "AttachRolePolicy" -> rolePolicies.attach(p);
                case "DetachRolePolicy" -> rolePolicies.detach(p);
                case "GetPolicy" -> policies.get(p);
                case "GetPolicyVersion" -> policies.getVersion(p);
                case "CreatePolicy" -> policies.create(p);
                case "DeletePolicy" -> policies.delete(p);
                case "GetAccountSummary" -> details.summary();
                case "GetAccountAuthorizationDetails" -> details.authorizationDetails(p);
                default ->
                    throw new SandboxError(
                            400,
                            "InvalidAction",
                            "The action " + action + " is not valid for "
                                    + "this web service (the sandbox serves what Worker Role Wizard uses).");
            };
        }
    }
}
