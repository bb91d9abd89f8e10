package com.workerrolewizard.sandbox;

import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.policy.MalformedPolicyException;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

/**
 * The IAM of the sandbox account, in memory: roles, instance profiles, inline and managed policies, with
 * IAM's validation, errors, URL-encoded documents, case-insensitive names and paging.
 */
final class SandboxIam {
    static final int TRUST_QUOTA = 2048;
    private final String account;
    private final String partition;
    private final Random ids = new Random(20261127);
    private final Map<String, Role> roles = new LinkedHashMap<>();
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final Map<String, Policy> policies = new LinkedHashMap<>();
    /** Return at most this many items per page even when more are asked, as IAM may. */
    volatile int pageCap = 100;

    SandboxIam(String account, String partition) {
        this.account = account;
        this.partition = partition;
    }

    String account() {
        return account;
    }

    static final class Role {
        String name;
        String path;
        String id;
        String arn;
        String created;
        String trust;
        String description;
        int maxSession = 3600;
        String boundary;
        final List<String[]> tags = new ArrayList<>();
        final Map<String, String[]> inline = new LinkedHashMap<>();
        final Set<String> attached = new LinkedHashSet<>();
    }

    static final class Profile {
        String name;
        String path;
        String id;
        String arn;
        String created;
        final List<Role> roles = new ArrayList<>();
    }

    static final class Policy {
        String name;
        String path;
        String id;
        String arn;
        String created;
        String description;
        String defaultVersion = "v1";
        int nextVersion = 2;
        final Map<String, String> versions = new LinkedHashMap<>();
        int attachments;
    }

    // ------------------------------------------------------------------ dispatch

    synchronized String handle(String action, Map<String, String> p) {
        return switch (action) {
            case "ListRoles" -> listRoles(p);
            case "GetRole" -> new Xml().raw(roleXml(role(p.get("RoleName")), true)).toString();
            case "CreateRole" -> createRole(p);
            case "DeleteRole" -> deleteRole(p);
            case "UpdateAssumeRolePolicy" -> updateTrust(p);
            case "ListInstanceProfilesForRole" -> listProfilesForRole(p);
            case "GetInstanceProfile" -> new Xml().raw(profileXml(profile(p.get("InstanceProfileName")))).toString();
            case "CreateInstanceProfile" -> createProfile(p);
            case "DeleteInstanceProfile" -> deleteProfile(p);
            case "AddRoleToInstanceProfile" -> addRoleToProfile(p);
            case "RemoveRoleFromInstanceProfile" -> removeRoleFromProfile(p);
            case "ListRolePolicies" -> listRolePolicies(p);
            case "GetRolePolicy" -> getRolePolicy(p);
            case "PutRolePolicy" -> putRolePolicy(p);
            case "DeleteRolePolicy" -> deleteRolePolicy(p);
            case "ListAttachedRolePolicies" -> listAttached(p);
            case "AttachRolePolicy" -> attach(p);
            case "DetachRolePolicy" -> detach(p);
            case "GetPolicy" -> new Xml().raw(policyXml(policy(p.get("PolicyArn")))).toString();
            case "GetPolicyVersion" -> getPolicyVersion(p);
            case "CreatePolicy" -> createPolicy(p);
            case "DeletePolicy" -> deletePolicy(p);
            case "GetAccountSummary" -> accountSummary();
            case "GetAccountAuthorizationDetails" -> accountDetails(p);
            default -> throw new SandboxError(400, "InvalidAction", "The action " + action + " is not valid for this "
                    + "web service (the sandbox serves what Worker Role Wizard uses).");
        };
    }

    // ------------------------------------------------------------------ roles

    private String listRoles(Map<String, String> p) {
        String prefix = p.getOrDefault("PathPrefix", "/");
        List<Role> matching = roles.values().stream().filter(r -> r.path.startsWith(prefix)).toList();
        return page(matching, p, "Roles", r -> unwrap(roleXml(r, false), "Role"));
    }

    private String createRole(Map<String, String> p) {
        String name = required(p, "RoleName");
        IamLimits.roleName(name).ifPresent(m -> {
            throw SandboxError.validation(m);
        });
        String path = p.getOrDefault("Path", "/");
        IamLimits.path(path).ifPresent(m -> {
            throw SandboxError.validation(m);
        });
        if (roles.containsKey(key(name))) {
            throw SandboxError.alreadyExists("Role with name " + name + " already exists.");
        }
        Role role = new Role();
        role.name = name;
        role.path = path;
        role.id = id("AROA");
        role.arn = "arn:" + partition + ":iam::" + account + ":role" + path + name;
        role.created = now();
        role.trust = document(required(p, "AssumeRolePolicyDocument"), PolicyKind.TRUST);
        checkTrustSize(role.trust);
        role.description = p.get("Description");
        if (p.containsKey("MaxSessionDuration")) {
            role.maxSession = Integer.parseInt(p.get("MaxSessionDuration"));
        }
        if (p.containsKey("PermissionsBoundary")) {
            role.boundary = p.get("PermissionsBoundary");
            policy(role.boundary);
        }
        for (int i = 1; p.containsKey("Tags.member." + i + ".Key"); i++) {
            role.tags.add(new String[] {p.get("Tags.member." + i + ".Key"), p.getOrDefault("Tags.member." + i + ".Value", "")});
        }
        roles.put(key(name), role);
        return roleXml(role, true);
    }

    private String deleteRole(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        if (!role.inline.isEmpty() || !role.attached.isEmpty()
                || profiles.values().stream().anyMatch(pr -> pr.roles.contains(role))) {
            throw SandboxError.deleteConflict("Cannot delete entity, must remove roles from instance profile first, "
                    + "detach all policies first and delete all inline policies first.");
        }
        roles.remove(key(role.name));
        return null;
    }

    private String updateTrust(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        String document = document(required(p, "PolicyDocument"), PolicyKind.TRUST);
        checkTrustSize(document);
        role.trust = document;
        return null;
    }

    private void checkTrustSize(String document) {
        int size = document.replaceAll("\\s", "").length();
        if (size > TRUST_QUOTA) {
            throw SandboxError.limitExceeded("Cannot exceed quota for ACLSizePerRole: " + TRUST_QUOTA);
        }
    }

    // ------------------------------------------------------------------ instance profiles

    private String listProfilesForRole(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        List<Profile> holding = profiles.values().stream().filter(pr -> pr.roles.contains(role)).toList();
        return page(holding, p, "InstanceProfiles", pr -> unwrap(profileXml(pr), "InstanceProfile"));
    }

    private String createProfile(Map<String, String> p) {
        String name = required(p, "InstanceProfileName");
        IamLimits.instanceProfileName(name).ifPresent(m -> {
            throw SandboxError.validation(m);
        });
        String path = p.getOrDefault("Path", "/");
        IamLimits.path(path).ifPresent(m -> {
            throw SandboxError.validation(m);
        });
        if (profiles.containsKey(key(name))) {
            throw SandboxError.alreadyExists("Instance Profile " + name + " already exists.");
        }
        Profile profile = new Profile();
        profile.name = name;
        profile.path = path;
        profile.id = id("AIPA");
        profile.arn = "arn:" + partition + ":iam::" + account + ":instance-profile" + path + name;
        profile.created = now();
        profiles.put(key(name), profile);
        return profileXml(profile);
    }

    private String deleteProfile(Map<String, String> p) {
        Profile profile = profile(p.get("InstanceProfileName"));
        if (!profile.roles.isEmpty()) {
            throw SandboxError.deleteConflict("Cannot delete entity, must remove roles from instance profile first.");
        }
        profiles.remove(key(profile.name));
        return null;
    }

    private String addRoleToProfile(Map<String, String> p) {
        Profile profile = profile(p.get("InstanceProfileName"));
        Role role = role(p.get("RoleName"));
        if (!profile.roles.isEmpty()) {
            throw SandboxError.limitExceeded("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
        }
        profile.roles.add(role);
        return null;
    }

    private String removeRoleFromProfile(Map<String, String> p) {
        Profile profile = profile(p.get("InstanceProfileName"));
        Role role = role(p.get("RoleName"));
        if (!profile.roles.remove(role)) {
            throw SandboxError.noSuchEntity("The role with name " + role.name + " cannot be found in instance profile "
                    + profile.name + ".");
        }
        return null;
    }

    // ------------------------------------------------------------------ inline policies

    private String listRolePolicies(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        List<String> names = role.inline.values().stream().map(v -> v[0]).toList();
        return page(names, p, "PolicyNames", Xml::escape);
    }

    private String getRolePolicy(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        String[] policy = role.inline.get(key(required(p, "PolicyName")));
        if (policy == null) {
            throw SandboxError.noSuchEntity("The role policy with name " + p.get("PolicyName") + " cannot be found.");
        }
        return new Xml().text("RoleName", role.name).text("PolicyName", policy[0]).text("PolicyDocument", encode(policy[1]))
                .toString();
    }

    private String putRolePolicy(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        String name = required(p, "PolicyName");
        IamLimits.policyName(name).ifPresent(m -> {
            throw SandboxError.validation(m);
        });
        String document = document(required(p, "PolicyDocument"), PolicyKind.IDENTITY);
        int total = document.replaceAll("\\s", "").length();
        for (Map.Entry<String, String[]> other : role.inline.entrySet()) {
            if (!other.getKey().equals(key(name))) {
                total += other.getValue()[1].replaceAll("\\s", "").length();
            }
        }
        if (total > IamLimits.INLINE_POLICIES_PER_ROLE) {
            throw SandboxError.limitExceeded("Maximum policy size of 10240 bytes exceeded for role " + role.name);
        }
        role.inline.put(key(name), new String[] {name, document});
        return null;
    }

    private String deleteRolePolicy(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        if (role.inline.remove(key(required(p, "PolicyName"))) == null) {
            throw SandboxError.noSuchEntity("The role policy with name " + p.get("PolicyName") + " cannot be found.");
        }
        return null;
    }

    // ------------------------------------------------------------------ managed policies

    private String listAttached(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        List<Policy> attached = role.attached.stream().map(this::policy).toList();
        return page(attached, p, "AttachedPolicies", pol -> new Xml().text("PolicyName", pol.name)
                .text("PolicyArn", pol.arn).toString());
    }

    private String attach(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        Policy policy = policy(required(p, "PolicyArn"));
        if (role.attached.add(policy.arn)) {
            policy.attachments++;
        }
        return null;
    }

    private String detach(Map<String, String> p) {
        Role role = role(p.get("RoleName"));
        Policy policy = policy(required(p, "PolicyArn"));
        if (!role.attached.remove(policy.arn)) {
            throw SandboxError.noSuchEntity("Policy " + policy.arn + " was not found.");
        }
        policy.attachments--;
        return null;
    }

    private String getPolicyVersion(Map<String, String> p) {
        Policy policy = policy(required(p, "PolicyArn"));
        String version = required(p, "VersionId");
        String document = policy.versions.get(version);
        if (document == null) {
            throw SandboxError.noSuchEntity("Policy " + policy.arn + " version " + version + " does not exist or is not attachable.");
        }
        return new Xml().open("PolicyVersion").text("Document", encode(document)).text("VersionId", version)
                .text("IsDefaultVersion", version.equals(policy.defaultVersion)).text("CreateDate", policy.created)
                .close("PolicyVersion").toString();
    }

    private String createPolicy(Map<String, String> p) {
        String name = required(p, "PolicyName");
        IamLimits.policyName(name).ifPresent(m -> {
            throw SandboxError.validation(m);
        });
        String path = p.getOrDefault("Path", "/");
        String arn = "arn:" + partition + ":iam::" + account + ":policy" + path + name;
        if (policies.values().stream().anyMatch(pol -> pol.name.equalsIgnoreCase(name) && !pol.arn.contains(":aws:policy/"))) {
            throw SandboxError.alreadyExists("A policy called " + name + " already exists. Duplicate names are not allowed.");
        }
        String document = document(required(p, "PolicyDocument"), PolicyKind.IDENTITY);
        if (document.replaceAll("\\s", "").length() > IamLimits.MANAGED_POLICY_SIZE) {
            throw SandboxError.limitExceeded("Cannot exceed quota for PolicySize: 6144");
        }
        Policy policy = addPolicy(arn, name, path, document);
        policy.description = p.get("Description");
        return policyXml(policy);
    }

    private String deletePolicy(Map<String, String> p) {
        Policy policy = policy(required(p, "PolicyArn"));
        if (policy.attachments > 0) {
            throw SandboxError.deleteConflict("Cannot delete a policy attached to entities.");
        }
        policies.remove(policy.arn);
        return null;
    }

    /**
     * The account in one document, as IAM gives it: roles (with their instance profiles, inline policies, attached
     * policies and boundary) and the managed policies in use with every version, documents URL-encoded; paged over
     * roles then policies, with Marker. Users and groups: the sandbox has none.
     */
    private String accountDetails(Map<String, String> p) {
        Set<String> filters = new LinkedHashSet<>();
        for (int i = 1; p.containsKey("Filter.member." + i); i++) {
            filters.add(p.get("Filter.member." + i));
        }
        boolean all = filters.isEmpty();
        List<Object> items = new ArrayList<>();
        if (all || filters.contains("Role")) {
            items.addAll(roles.values());
        }
        for (Policy policy : policies.values()) {
            boolean awsManaged = policy.arn.contains(":aws:policy/");
            boolean inUse = policy.attachments > 0 || roles.values().stream().anyMatch(r -> policy.arn.equals(r.boundary));
            if (inUse && (all || filters.contains(awsManaged ? "AWSManagedPolicy" : "LocalManagedPolicy"))) {
                items.add(policy);
            }
        }
        int start = p.containsKey("Marker") ? Integer.parseInt(p.get("Marker")) : 0;
        int max = Math.min(Integer.parseInt(p.getOrDefault("MaxItems", "100")), Math.max(pageCap, 100));
        int end = Math.min(items.size(), start + max);
        Xml xml = new Xml().open("UserDetailList").close("UserDetailList").open("GroupDetailList").close("GroupDetailList")
                .open("RoleDetailList");
        List<Object> page = items.subList(Math.min(start, items.size()), end);
        page.stream().filter(Role.class::isInstance).map(Role.class::cast).forEach(r -> xml.open("member").raw(roleDetail(r))
                .close("member"));
        xml.close("RoleDetailList").open("Policies");
        page.stream().filter(Policy.class::isInstance).map(Policy.class::cast).forEach(pol -> {
            xml.open("member").raw(unwrap(policyXml(pol), "Policy")).open("PolicyVersionList");
            pol.versions.forEach((id, document) -> xml.open("member").text("Document", encode(document)).text("VersionId", id)
                    .text("IsDefaultVersion", id.equals(pol.defaultVersion)).text("CreateDate", pol.created).close("member"));
            xml.close("PolicyVersionList").close("member");
        });
        xml.close("Policies").text("IsTruncated", end < items.size());
        if (end < items.size()) {
            xml.text("Marker", String.valueOf(end));
        }
        return xml.toString();
    }

    private String roleDetail(Role role) {
        Xml xml = new Xml().raw(unwrap(roleXml(role, true), "Role")).open("InstanceProfileList");
        profiles.values().stream().filter(pr -> pr.roles.contains(role))
                .forEach(pr -> xml.open("member").raw(unwrap(profileXml(pr), "InstanceProfile")).close("member"));
        xml.close("InstanceProfileList").open("RolePolicyList");
        role.inline.values().forEach(v -> xml.open("member").text("PolicyName", v[0]).text("PolicyDocument", encode(v[1]))
                .close("member"));
        xml.close("RolePolicyList").open("AttachedManagedPolicies");
        role.attached.stream().map(this::policy).forEach(pol -> xml.open("member").text("PolicyName", pol.name)
                .text("PolicyArn", pol.arn).close("member"));
        return xml.close("AttachedManagedPolicies").toString();
    }

    private String accountSummary() {
        Xml xml = new Xml().open("SummaryMap");
        Map<String, Integer> summary = new LinkedHashMap<>();
        summary.put("Roles", roles.size());
        summary.put("RolesQuota", 1000);
        summary.put("InstanceProfiles", profiles.size());
        summary.put("InstanceProfilesQuota", 1000);
        summary.put("AssumeRolePolicySizeQuota", TRUST_QUOTA);
        summary.put("RolePolicySizeQuota", IamLimits.INLINE_POLICIES_PER_ROLE);
        summary.put("PolicySizeQuota", IamLimits.MANAGED_POLICY_SIZE);
        summary.forEach((k, v) -> xml.open("entry").text("key", k).text("value", v).close("entry"));
        return xml.close("SummaryMap").toString();
    }

    // ------------------------------------------------------------------ seeding (used by SandboxSeed)

    Role putRole(String name, String path, String trust) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("RoleName", name);
        p.put("Path", path);
        p.put("AssumeRolePolicyDocument", trust);
        createRole(p);
        return roles.get(key(name));
    }

    void putInline(String role, String name, String document) {
        putRolePolicy(Map.of("RoleName", role, "PolicyName", name, "PolicyDocument", document));
    }

    void putProfile(String name, String path, String role) {
        if (!profiles.containsKey(key(name))) {
            createProfile(Map.of("InstanceProfileName", name, "Path", path));
        }
        if (role != null) {
            profile(name).roles.add(role(role));
        }
    }

    /** Adds a managed policy (customer or AWS managed) with its versions; the default is given. */
    Policy putPolicy(String arn, String name, String path, Map<String, String> versions, String defaultVersion) {
        Policy policy = addPolicy(arn, name, path, versions.values().iterator().next());
        policy.versions.clear();
        policy.versions.putAll(versions);
        policy.defaultVersion = defaultVersion;
        return policy;
    }

    void attachSeed(String role, String arn) {
        attach(Map.of("RoleName", role, "PolicyArn", arn));
    }

    void setBoundary(String role, String arn) {
        role(role).boundary = arn;
    }

    Optional<Role> findRole(String name) {
        return Optional.ofNullable(roles.get(key(name)));
    }

    synchronized Optional<Role> roleByArn(String arn) {
        return roles.values().stream().filter(r -> r.arn.equalsIgnoreCase(arn)).findFirst();
    }

    synchronized Optional<String> trustOf(String roleArn) {
        return roleByArn(roleArn).map(r -> r.trust);
    }

    /** The role's documents for the policy simulator: inline, attached default versions, boundary. */
    synchronized SimulationInput simulationInput(String roleArn) {
        Role role = roleByArn(roleArn).orElseThrow(() -> SandboxError.noSuchEntity("Role " + roleArn + " cannot be found."));
        List<String[]> identity = new ArrayList<>();
        role.inline.values().forEach(v -> identity.add(new String[] {"inline policy \"" + v[0] + "\"", v[1]}));
        for (String arn : role.attached) {
            Policy policy = policy(arn);
            identity.add(new String[] {"managed policy \"" + policy.name + "\"", policy.versions.get(policy.defaultVersion)});
        }
        String[] boundary = null;
        if (role.boundary != null) {
            Policy policy = policy(role.boundary);
            boundary = new String[] {"the permissions boundary \"" + policy.name + "\"", policy.versions.get(policy.defaultVersion)};
        }
        return new SimulationInput(identity, boundary);
    }

    record SimulationInput(List<String[]> identity, String[] boundary) {
    }

    synchronized int roleCount() {
        return roles.size();
    }

    // ------------------------------------------------------------------ helpers

    private Policy addPolicy(String arn, String name, String path, String document) {
        Policy policy = new Policy();
        policy.arn = arn;
        policy.name = name;
        policy.path = path;
        policy.id = id("ANPA");
        policy.created = now();
        policy.versions.put("v1", document);
        policies.put(arn, policy);
        return policy;
    }

    private Role role(String name) {
        if (name == null || name.isEmpty()) {
            throw SandboxError.validation("1 validation error detected: Value null at 'roleName' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        Role role = roles.get(key(name));
        if (role == null) {
            throw SandboxError.noSuchEntity("The role with name " + name + " cannot be found.");
        }
        return role;
    }

    private Profile profile(String name) {
        Profile profile = name == null ? null : profiles.get(key(name));
        if (profile == null) {
            throw SandboxError.noSuchEntity("Instance Profile " + name + " cannot be found.");
        }
        return profile;
    }

    private Policy policy(String arn) {
        Policy policy = arn == null ? null : policies.get(arn);
        if (policy == null) {
            throw SandboxError.noSuchEntity("Policy " + arn + " does not exist or is not attachable.");
        }
        return policy;
    }

    private static String required(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null) {
            throw SandboxError.validation("1 validation error detected: Value null at '" + name + "' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        return value;
    }

    private static String document(String text, PolicyKind kind) {
        try {
            PolicyDocument.parse(text, kind);
            return text;
        } catch (MalformedPolicyException e) {
            throw SandboxError.malformedPolicy(e.getMessage());
        }
    }

    private <T> String page(List<T> items, Map<String, String> p, String element, Function<T, String> member) {
        int start = p.containsKey("Marker") ? Integer.parseInt(p.get("Marker")) : 0;
        int max = Math.min(Integer.parseInt(p.getOrDefault("MaxItems", "100")), pageCap);
        int end = Math.min(items.size(), start + max);
        Xml xml = new Xml().open(element);
        for (T item : items.subList(Math.min(start, items.size()), end)) {
            xml.open("member").raw(member.apply(item)).close("member");
        }
        xml.close(element).text("IsTruncated", end < items.size());
        if (end < items.size()) {
            xml.text("Marker", String.valueOf(end));
        }
        return xml.toString();
    }

    private String roleXml(Role role, boolean full) {
        Xml xml = new Xml().open("Role").text("Path", role.path).text("RoleName", role.name).text("RoleId", role.id)
                .text("Arn", role.arn).text("CreateDate", role.created).text("AssumeRolePolicyDocument", encode(role.trust))
                .text("Description", role.description).text("MaxSessionDuration", role.maxSession);
        if (full && role.boundary != null) {
            xml.open("PermissionsBoundary").text("PermissionsBoundaryType", "Policy")
                    .text("PermissionsBoundaryArn", role.boundary).close("PermissionsBoundary");
        }
        if (full && !role.tags.isEmpty()) {
            xml.open("Tags");
            role.tags.forEach(t -> xml.open("member").text("Key", t[0]).text("Value", t[1]).close("member"));
            xml.close("Tags");
        }
        return xml.close("Role").toString();
    }

    private String profileXml(Profile profile) {
        Xml xml = new Xml().open("InstanceProfile").text("Path", profile.path)
                .text("InstanceProfileName", profile.name).text("InstanceProfileId", profile.id).text("Arn", profile.arn)
                .text("CreateDate", profile.created).open("Roles");
        profile.roles.forEach(r -> xml.open("member").raw(unwrap(roleXml(r, false), "Role")).close("member"));
        return xml.close("Roles").close("InstanceProfile").toString();
    }

    private String policyXml(Policy policy) {
        return new Xml().open("Policy").text("PolicyName", policy.name).text("PolicyId", policy.id).text("Arn", policy.arn)
                .text("Path", policy.path).text("DefaultVersionId", policy.defaultVersion)
                .text("AttachmentCount", policy.attachments).text("PermissionsBoundaryUsageCount", 0)
                .text("IsAttachable", true).text("Description", policy.description).text("CreateDate", policy.created)
                .text("UpdateDate", policy.created).close("Policy").toString();
    }

    /** The fields of an element, for list members, which hold the fields without the element's own tag. */
    private static String unwrap(String xml, String element) {
        return xml.substring(element.length() + 2, xml.length() - element.length() - 3);
    }

    /** As IAM sends documents: URL-encoded (RFC 3986: a space is %20, never +). */
    static String encode(String document) {
        return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String id(String prefix) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < 17; i++) {
            id.append(alphabet.charAt(ids.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
