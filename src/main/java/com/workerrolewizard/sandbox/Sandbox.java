package com.workerrolewizard.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.BoundedInput;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyText;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The built-in sandbox account: an IAM and STS endpoint inside the program, seeded with example roles (one
 * that passes, one per failing requirement) or with an {@code authorization-details} file. The example account is
 * the management account of an organization whose members have roles of their own (see {@link #MEMBERS}). Tests and
 * benchmarks use its knobs; the product talks to it through the endpoint override like to any IAM.
 */
public final class Sandbox implements AutoCloseable {
    public static final String ACCOUNT = "123456789012";
    /** The appliance of the sandbox account: its Impersonation role. */
    public static final String APPLIANCE = "arn:aws:iam::" + ACCOUNT + ":role/VeeamBackupImpersonation";

    /** A member whose worker role {@code VeeamWorkerReady} passes. */
    public static final String PRODUCTION_A = "210987654321";
    /** A member whose {@code VeeamWorkerReady} has no instance profile and misses the ssm actions. */
    public static final String PRODUCTION_B = "345678901234";
    /** An invited member: it has no {@code OrganizationAccountAccessRole}, so it cannot be entered. */
    public static final String PARTNER = "456789012345";
    /** A member holding an appliance of its own (its Impersonation role may assume any role), and no worker role. */
    public static final String BACKUP = "567890123456";
    /** A suspended member: Organizations lists it, but not as ACTIVE. */
    public static final String CLOSED = "678901234567";
    /** The members of the example organization, in the order Organizations lists them (after the management). */
    public static final java.util.List<String> MEMBERS =
            java.util.List.of(PRODUCTION_A, PRODUCTION_B, PARTNER, BACKUP, CLOSED);
    /** The organizational unit holding the three production members. */
    public static final String PRODUCTION_UNIT = SandboxOrganization.PRODUCTION_UNIT;

    private final SandboxServer server;
    /** The account this handle's knobs change: the home account, or a member ({@link #inAccount}). */
    private final String accountId;

    private Sandbox(SandboxServer server, String accountId) {
        this.server = server;
        this.accountId = accountId;
    }

    /** The example organization. */
    public static Sandbox start() {
        SandboxIam iam = new SandboxIam(ACCOUNT, "aws");
        seedExamples(iam);
        Sandbox sandbox = start(iam);
        seedMembers(sandbox.server.organization());
        return sandbox;
    }

    /**
     * Adds {@code count} member accounts made by the organization (with {@code OrganizationAccountAccessRole}), each
     * with a passing {@code VeeamWorkerReady}, for benchmarks and tests at scale; returns their IDs.
     */
    public java.util.List<String> addMembers(int count) {
        SandboxOrganization organization = server.organization();
        ReferenceDocuments page = ReferenceDocuments.load();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int n = 0; ids.size() < count; n++) {
            String id = String.format("7%011d", n + 1);
            if (organization.member(id).isPresent()) {
                continue;
            }
            SandboxIam iam = member(organization, id, "Member " + (n + 1), SandboxOrganization.ROOT, "ACTIVE", true);
            example(
                    iam,
                    "VeeamWorkerReady",
                    applianceAndEc2Trust(),
                    page.permissionsPolicy().toString(),
                    true);
            ids.add(id);
        }
        return ids;
    }

    /**
     * The same sandbox, with knobs that change one member account instead ({@code addRole}, {@code addAccessKey},
     * {@code denyByOrganizations}...). Closing any handle stops the sandbox.
     */
    public Sandbox inAccount(String memberId) {
        if (server.organization().member(memberId).isEmpty()) {
            throw new IllegalArgumentException("The sandbox has no account " + memberId);
        }
        return new Sandbox(server, memberId);
    }

    /** An account holding what an {@code aws iam get-account-authorization-details} file holds. */
    public static Sandbox start(Path authorizationDetails) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(BoundedInput.read(authorizationDetails, BoundedInput.SANDBOX_SEED));
        } catch (JsonProcessingException e) {
            throw new UserFacingException("Cannot seed the sandbox from " + authorizationDetails
                    + ": it is not valid JSON" + Json.explain(e) + ".");
        }
        String account = ACCOUNT;
        String partition = "aws";
        for (JsonNode role : root.path("RoleDetailList")) {
            Optional<Arn> arn = Arn.parse(role.path("Arn").asText());
            if (arn.isPresent()) {
                account = arn.get().account();
                partition = arn.get().partition().id();
                break;
            }
        }
        SandboxIam iam = new SandboxIam(account, partition);
        seed(iam, root);
        return start(iam);
    }

    private static Sandbox start(SandboxIam iam) {
        try {
            return new Sandbox(new SandboxServer(iam), iam.account.id());
        } catch (IOException e) {
            throw new UncheckedIOException("The sandbox could not open a port on 127.0.0.1", e);
        }
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** The account this handle works on: the home (management) account unless {@link #inAccount} chose another. */
    public String account() {
        return accountId;
    }

    private SandboxOrganization.Member member() {
        return server.organization().member(accountId).orElseThrow();
    }

    /**
     * The sandbox administrator's access key, made at random for this run and held in memory only: the sandbox
     * answers only requests signed with it, with a key {@link #addAccessKey added} by a test, or with a session its
     * STS handed out.
     */
    public AwsCredentialsProvider credentials() {
        AccessKeys.Key key = server.keys().administrator();
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(key.id(), key.secret()));
    }

    /**
     * Another access key of the account's administrator, as {@code iam:CreateAccessKey} makes one: for tests that
     * sign in with keys of their own (profile files, {@code credential_process}, IAM Identity Center). Requests
     * signed with it are verified like any other.
     */
    public Sandbox addAccessKey(String accessKeyId, String secretAccessKey) {
        server.keys().add(accessKeyId, secretAccessKey, accountId);
        return this;
    }

    public Faults faults() {
        return server.faults();
    }

    public long calls() {
        return server.calls();
    }

    /** The most calls served at the same moment since {@link #resetCounters()}. */
    public int peakConcurrency() {
        return server.peakConcurrency();
    }

    public void resetCounters() {
        server.resetCounters();
    }

    /** Let an Organizations SCP deny these actions: the simulator reports them, the local engine cannot see them. */
    public Sandbox denyByOrganizations(String... actions) {
        for (String action : actions) {
            member().simulator().organizationDenied.add(action.toLowerCase(Locale.ROOT));
        }
        return this;
    }

    /** IAM Access Analyzer's ValidatePolicy is refused to the operator (AccessDeniedException). */
    public Sandbox refuseValidation() {
        server.accessAnalyzer().refused.set(true);
        return this;
    }

    /** IAM Access Analyzer reports this finding ({@code ERROR}, {@code SECURITY_WARNING}...) for every document. */
    public Sandbox reportInEveryDocument(String findingType, String issueCode) {
        server.accessAnalyzer().always.set(new String[] {findingType, issueCode});
        return this;
    }

    /** List pages hold at most this many items whatever the caller asks, as IAM may do. */
    public Sandbox pageCap(int items) {
        member().iam().account.pageCap = items;
        return this;
    }

    /** Adds a role with this trust policy (JSON), for sign-in chains and tests. */
    public Sandbox addRole(String name, String trustPolicy) {
        return change(iam -> iam.roles.put(name, "/", trustPolicy));
    }

    /** Adds a role on a path ({@code /veeam/}) with this trust policy and no permissions (tests). */
    public Sandbox addRole(String name, String path, String trustPolicy) {
        return change(iam -> iam.roles.put(name, path, trustPolicy));
    }

    /** Gives a role an inline policy (tests). */
    public Sandbox putInlinePolicy(String role, String policyName, String document) {
        return change(iam -> iam.rolePolicies.putInline(role, policyName, document));
    }

    /** Gives a role a permissions boundary: a customer managed policy of this name holding {@code document}. */
    public Sandbox setBoundary(String role, String policyName, String document) {
        return change(iam -> {
            String arn = iam.account.arn("policy", "/", policyName);
            iam.policies.put(arn, policyName, "/", Map.of("v1", document), "v1");
            iam.roles.setBoundary(role, arn);
        });
    }

    /** Puts a role into an instance profile of the same name (tests). */
    public Sandbox putInstanceProfile(String role) {
        return change(iam -> iam.profiles.put(role, "/", role));
    }

    /** AssumeRole with an MFA device then needs this code. */
    public Sandbox requireMfaCode(String code) {
        server.sts().mfaCode = code;
        return this;
    }

    /** Adds {@code count} plain roles (for paging tests and benchmarks). */
    public Sandbox addRoles(String prefix, int count) {
        return change(iam -> {
            for (int i = 0; i < count; i++) {
                iam.roles.put(String.format("%s%05d", prefix, i), "/", ec2Trust());
            }
        });
    }

    /** The role's trust policy as the sandbox holds it (plain JSON), for tests. */
    public Optional<String> trustPolicy(String roleName) {
        SandboxAccount account = member().iam().account;
        synchronized (account) {
            return account.findRole(roleName).map(r -> r.trust);
        }
    }

    /** Changes a trust policy behind the product's back, as a colleague in the console would. */
    public void replaceTrustPolicy(String roleName, String document) {
        change(iam -> iam.account.findRole(roleName).orElseThrow().trust = document);
    }

    public int roleCount() {
        return member().iam().account.roleCount();
    }

    /** Changes the account under the lock every IAM call holds: a call sees all of a change or none of it. */
    private Sandbox change(Consumer<SandboxIam> change) {
        SandboxIam iam = member().iam();
        synchronized (iam.account) {
            change.accept(iam);
        }
        return this;
    }

    @Override
    public void close() {
        server.close();
    }

    // ------------------------------------------------------------------ seeds

    private static String ec2Trust() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
    }

    private static void seedExamples(SandboxIam iam) {
        ReferenceDocuments page = ReferenceDocuments.load();
        String both = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"AWS\":\"" + APPLIANCE + "\"}},{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
        String applianceOnly =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"AWS\":\"" + APPLIANCE + "\"}}]}";
        String permissions = page.permissionsPolicy().toString();
        String partial = permissions.replaceAll(",?\"ssm:[A-Za-z]+\"", "").replace("[,", "[");
        iam.roles.put(
                "VeeamBackupImpersonation",
                "/",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT
                        + ":root\"}}]}");
        iam.rolePolicies.putInline(
                "VeeamBackupImpersonation",
                "AssumeWorkerRoles",
                "{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
        example(iam, "VeeamWorkerReady", both, permissions, true);
        example(iam, "WorkerWithoutInstanceProfile", both, permissions, false);
        example(iam, "WorkerWithoutApplianceTrust", ec2Trust(), permissions, true);
        example(iam, "WorkerWithoutEc2Trust", applianceOnly, permissions, true);
        example(iam, "WorkerMissingPermissions", both, partial, true);
        example(
                iam,
                "WorkerFailingAll",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"sts:AssumeRole\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"}}]}",
                null,
                false);
    }

    private static String applianceAndEc2Trust() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"AWS\":\"" + APPLIANCE + "\"}},{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
    }

    /** The organization's members, each with its own roles: see {@link #MEMBERS}. */
    private static void seedMembers(SandboxOrganization organization) {
        ReferenceDocuments page = ReferenceDocuments.load();
        String permissions = page.permissionsPolicy().toString();
        String partial = permissions.replaceAll(",?\"ssm:[A-Za-z]+\"", "").replace("[,", "[");
        String both = applianceAndEc2Trust();
        SandboxIam a = member(organization, PRODUCTION_A, "Production A", PRODUCTION_UNIT, "ACTIVE", true);
        example(a, "VeeamWorkerReady", both, permissions, true);
        SandboxIam b = member(organization, PRODUCTION_B, "Production B", PRODUCTION_UNIT, "ACTIVE", true);
        example(b, "VeeamWorkerReady", both, partial, false);
        SandboxIam partner = member(organization, PARTNER, "Partner (invited)", PRODUCTION_UNIT, "ACTIVE", false);
        example(partner, "VeeamWorkerReady", both, permissions, true);
        SandboxIam backup = member(organization, BACKUP, "Backup", SandboxOrganization.ROOT, "ACTIVE", true);
        backup.roles.put(
                "VeeamBackupImpersonation",
                "/",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}");
        backup.rolePolicies.putInline(
                "VeeamBackupImpersonation",
                "AssumeWorkerRoles",
                "{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}");
        member(organization, CLOSED, "Closed", SandboxOrganization.ROOT, "SUSPENDED", true);
    }

    /**
     * A member account; one the organization created has {@code OrganizationAccountAccessRole}, which the management
     * account may assume and which may do anything, as Organizations makes it.
     */
    private static SandboxIam member(
            SandboxOrganization organization, String id, String name, String parent, String state, boolean created) {
        SandboxIam iam = new SandboxIam(id, "aws");
        if (created) {
            iam.roles.put(
                    "OrganizationAccountAccessRole",
                    "/",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}}]}");
            iam.rolePolicies.putInline(
                    "OrganizationAccountAccessRole",
                    "AdministratorAccess",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                            + "\"Resource\":\"*\"}]}");
        }
        organization.add(new SandboxOrganization.Member(id, name, parent, state, created ? "CREATED" : "INVITED", iam));
        return iam;
    }

    private static void example(SandboxIam iam, String name, String trust, String permissions, boolean profile) {
        iam.roles.put(name, "/", trust);
        if (permissions != null) {
            iam.rolePolicies.putInline(name, "VeeamWorkerPermissions", permissions);
        }
        if (profile) {
            iam.profiles.put(name, "/", name);
        }
    }

    private static void seed(SandboxIam iam, JsonNode root) {
        for (JsonNode policy : root.path("Policies")) {
            Map<String, String> versions = new LinkedHashMap<>();
            for (JsonNode version : policy.path("PolicyVersionList")) {
                versions.put(version.path("VersionId").asText(), document(version.get("Document")));
            }
            if (!versions.isEmpty()) {
                iam.policies.put(
                        policy.path("Arn").asText(),
                        policy.path("PolicyName").asText(),
                        policy.path("Path").asText("/"),
                        versions,
                        policy.path("DefaultVersionId").asText("v1"));
            }
        }
        for (JsonNode role : root.path("RoleDetailList")) {
            String name = role.path("RoleName").asText();
            iam.roles.put(name, role.path("Path").asText("/"), document(role.get("AssumeRolePolicyDocument")));
            for (JsonNode inline : role.path("RolePolicyList")) {
                iam.rolePolicies.putInline(
                        name, inline.path("PolicyName").asText(), document(inline.get("PolicyDocument")));
            }
            for (JsonNode attached : role.path("AttachedManagedPolicies")) {
                String arn = attached.path("PolicyArn").asText();
                if (iam.account.findRole(name).isPresent() && hasPolicy(root, arn)) {
                    iam.rolePolicies.attach(name, arn);
                }
            }
            for (JsonNode profile : role.path("InstanceProfileList")) {
                iam.profiles.put(
                        profile.path("InstanceProfileName").asText(),
                        profile.path("Path").asText("/"),
                        name);
            }
            String boundary = role.path("PermissionsBoundary")
                    .path("PermissionsBoundaryArn")
                    .asText(null);
            if (boundary != null && hasPolicy(root, boundary)) {
                iam.roles.setBoundary(name, boundary);
            }
        }
    }

    private static boolean hasPolicy(JsonNode root, String arn) {
        for (JsonNode policy : root.path("Policies")) {
            if (policy.path("Arn").asText().equals(arn)) {
                return true;
            }
        }
        return false;
    }

    private static String document(JsonNode node) {
        return node.isTextual() ? PolicyText.decode(node.asText()) : node.toString();
    }
}
