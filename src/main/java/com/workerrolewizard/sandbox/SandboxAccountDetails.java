package com.workerrolewizard.sandbox;

import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.sandbox.SandboxAccount.Policy;
import com.workerrolewizard.sandbox.SandboxAccount.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The whole account in one answer (GetAccountAuthorizationDetails) and its counts and quotas (GetAccountSummary). */
final class SandboxAccountDetails {
    private final SandboxAccount account;

    SandboxAccountDetails(SandboxAccount account) {
        this.account = account;
    }

    /**
     * The account as IAM gives it: roles (with their instance profiles, inline policies, attached policies and
     * boundary) and the managed policies in use with every version, documents URL-encoded; paged over roles then
     * policies, with Marker. Users and groups: the sandbox has none.
     */
    String authorizationDetails(Map<String, String> p) {
        Set<String> filters = new LinkedHashSet<>();
        for (int i = 1; p.containsKey("Filter.member." + i); i++) {
            filters.add(p.get("Filter.member." + i));
        }
        boolean all = filters.isEmpty();
        List<Object> items = new ArrayList<>();
        if (all || filters.contains("Role")) {
            items.addAll(account.roles.values());
        }
        for (Policy policy : account.policies.values()) {
            boolean inUse = policy.attachments > 0
                    || account.roles.values().stream().anyMatch(r -> policy.arn.equals(r.boundary));
            if (inUse && (all || filters.contains(policy.awsManaged() ? "AWSManagedPolicy" : "LocalManagedPolicy"))) {
                items.add(policy);
            }
        }
        // The page cap knob can make this page longer than 100 items, never shorter.
        IamResponses.Page page = IamResponses.Page.of(p, items.size(), Math.max(account.pageCap, 100));
        List<Object> shown = page.of(items);
        Xml xml = new Xml()
                .list("UserDetailList", List.of(), (member, user) -> {})
                .list("GroupDetailList", List.of(), (member, group) -> {})
                .list("RoleDetailList", only(shown, Role.class), this::roleDetail)
                .list(
                        "Policies",
                        only(shown, Policy.class),
                        (member, policy) -> SandboxPolicies.fields(member, policy)
                                .list(
                                        "PolicyVersionList",
                                        policy.versions.keySet(),
                                        (version, id) -> SandboxPolicies.versionFields(version, policy, id)));
        return page.close(xml).toString();
    }

    private void roleDetail(Xml xml, Role role) {
        SandboxRoles.fields(xml, role, true)
                .list("InstanceProfileList", account.profilesOf(role), SandboxInstanceProfiles::fields)
                .list("RolePolicyList", role.inline.values(), SandboxRolePolicies::inlineFields)
                .list(
                        "AttachedManagedPolicies",
                        role.attached.stream().map(account::policy).toList(),
                        SandboxRolePolicies::attachedFields);
    }

    private static <T> List<T> only(List<Object> items, Class<T> type) {
        return items.stream().filter(type::isInstance).map(type::cast).toList();
    }

    String summary() {
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("Roles", account.roles.size());
        summary.put("RolesQuota", 1000);
        summary.put("InstanceProfiles", account.profiles.size());
        summary.put("InstanceProfilesQuota", 1000);
        summary.put("AssumeRolePolicySizeQuota", SandboxRoles.TRUST_QUOTA);
        summary.put("RolePolicySizeQuota", IamLimits.INLINE_POLICIES_PER_ROLE);
        summary.put("PolicySizeQuota", IamLimits.MANAGED_POLICY_SIZE);
        Xml xml = new Xml().open("SummaryMap");
        summary.forEach((key, value) ->
                xml.open("entry").text("key", key).text("value", value).close("entry"));
        return xml.close("SummaryMap").toString();
    }
}
