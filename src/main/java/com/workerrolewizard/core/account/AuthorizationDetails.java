package com.workerrolewizard.core.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.MalformedPolicyException;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.text.ControlCharacters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The output of {@code aws iam get-account-authorization-details}: the offline source of role snapshots.
 * Policy documents may be JSON objects (as the AWS CLI prints them) or URL-encoded strings (as the raw
 * API returns them). Managed policies are read at their default version only, as IAM evaluates them.
 */
public final class AuthorizationDetails implements AccountSource {
    private final String source;
    private final List<JsonNode> roles;
    private final Map<String, JsonNode> policiesByArn;
    private final boolean hasPolicyList;

    private AuthorizationDetails(
            String source, List<JsonNode> roles, Map<String, JsonNode> policiesByArn, boolean hasPolicyList) {
        this.source = source;
        this.roles = roles;
        this.policiesByArn = policiesByArn;
        this.hasPolicyList = hasPolicyList;
    }

    /** Reads the file within {@link BoundedInput#AUTHORIZATION_DETAILS}'s limits (a pipe too), then parses it. */
    public static AuthorizationDetails read(Path file) {
        return parse(BoundedInput.read(file, BoundedInput.AUTHORIZATION_DETAILS), file.toString());
    }

    public static AuthorizationDetails parse(String text, String source) {
        JsonNode root;
        try {
            // PowerShell's Out-File -Encoding utf8 starts the file with a byte-order mark.
            root = Json.MAPPER.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            throw new UserFacingException(source + " is not valid JSON" + Json.explain(e)
                    + ". Give the output of 'aws iam get-account-authorization-details'.");
        }
        return of(root, source);
    }

    /**
     * The document as a tree, in the shape the AWS CLI prints it; a live account reads the same document with
     * {@code iam:GetAccountAuthorizationDetails} and hands it here, so both are judged by one reader.
     */
    public static AuthorizationDetails of(JsonNode root, String source) {
        if (root == null || !root.isObject() || !root.path("RoleDetailList").isArray()) {
            throw new UserFacingException(source + " is not the output of 'aws iam get-account-authorization-details'"
                    + " (it has no RoleDetailList): run that command and save what it prints.");
        }
        List<JsonNode> roles = new ArrayList<>();
        root.get("RoleDetailList").forEach(roles::add);
        Map<String, JsonNode> policies = new HashMap<>();
        JsonNode policyList = root.path("Policies");
        policyList.forEach(policy -> {
            if (policy.path("Arn").isTextual()) {
                policies.put(policy.get("Arn").asText(), policy);
            }
        });
        return new AuthorizationDetails(source, roles, policies, policyList.isArray());
    }

    public int roleCount() {
        return roles.size();
    }

    public List<String> roleNames() {
        return roles.stream().map(r -> r.path("RoleName").asText()).toList();
    }

    @Override
    public String describe() {
        return source;
    }

    /** Every role, in the file's order. */
    @Override
    public List<RoleSnapshot> allRoles() {
        return roles.stream().map(this::snapshot).toList();
    }

    /** The role named (role names are unique regardless of case) or given by its ARN. */
    @Override
    public RoleSnapshot role(String nameOrArn) {
        boolean byArn = nameOrArn.startsWith("arn:");
        for (JsonNode role : roles) {
            String key = role.path(byArn ? "Arn" : "RoleName").asText();
            if (key.equalsIgnoreCase(nameOrArn)) {
                return snapshot(role);
            }
        }
        String hint = byArn
                ? RoleNames.closest(nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1), roleNames())
                        .flatMap(n -> roles.stream()
                                .filter(r -> r.path("RoleName").asText().equals(n))
                                .findFirst())
                        .map(r -> " Did you mean " + r.path("Arn").asText() + "?")
                        .orElse("")
                : RoleNames.closest(nameOrArn, roleNames())
                        .map(n -> " Did you mean \"" + shown(n) + "\"?")
                        .orElse("");
        throw new UserFacingException("Role \"" + shown(nameOrArn) + "\" is not in " + source + " (it lists "
                + roles.size() + " roles)." + shown(hint) + " Check the name, or use --all-roles.");
    }

    /** What the file tells about names taken in the account, for fix plans. */
    @Override
    public AccountFacts facts() {
        return new OfflineFacts();
    }

    private final class OfflineFacts implements AccountFacts {
        @Override
        public Known<Optional<List<String>>> instanceProfile(String name) {
            for (JsonNode role : roles) {
                for (JsonNode profile : role.path("InstanceProfileList")) {
                    if (profile.path("InstanceProfileName").asText().equalsIgnoreCase(name)) {
                        List<String> members = new ArrayList<>();
                        profile.path("Roles")
                                .forEach(r -> members.add(r.path("RoleName").asText()));
                        if (members.isEmpty()) {
                            members.add(role.path("RoleName").asText());
                        }
                        return Known.of(Optional.of(members));
                    }
                }
            }
            return Known.of(Optional.empty());
        }

        @Override
        public Known<Boolean> roleExists(String name) {
            return Known.of(roleNames().stream().anyMatch(n -> n.equalsIgnoreCase(name)));
        }

        @Override
        public Known<Boolean> customerManagedPolicyExists(String name) {
            if (!hasPolicyList) {
                return Known.unknown(source + " has no Policies list.");
            }
            return Known.of(policiesByArn.values().stream()
                    .anyMatch(p -> !p.path("Arn").asText().contains(":aws:policy/")
                            && p.path("PolicyName").asText().equalsIgnoreCase(name)));
        }

        @Override
        public int trustPolicySizeQuota() {
            return DEFAULT_TRUST_POLICY_QUOTA;
        }

        @Override
        public Optional<String> accountId() {
            return roles.stream()
                    .map(r -> Arn.parse(r.path("Arn").asText()))
                    .flatMap(Optional::stream)
                    .map(Arn::account)
                    .findFirst();
        }

        @Override
        public Optional<Partition> partition() {
            return roles.stream()
                    .map(r -> Arn.parse(r.path("Arn").asText()))
                    .flatMap(Optional::stream)
                    .map(Arn::partition)
                    .findFirst();
        }

        @Override
        public List<String> caveats() {
            return List.of(source + " lists only instance profiles that hold a role and does not give the account's "
                    + "trust policy quota (IAM's default, 2,048 characters, is assumed); a live plan checks both.");
        }
    }

    private RoleSnapshot snapshot(JsonNode role) {
        String name = text(role, "RoleName");
        String arn = text(role, "Arn");
        checkNames(role, name, arn);
        String context = "role \"" + shown(name) + "\" in " + source;
        Known<PolicyDocument> trust = role.has("AssumeRolePolicyDocument")
                ? Known.of(document(
                        role.get("AssumeRolePolicyDocument"), PolicyKind.TRUST, "The trust policy of " + context))
                : Known.unknown(source + " does not hold the trust policy of this role.");
        return new RoleSnapshot(
                name,
                role.path("Path").asText("/"),
                arn,
                role.path("RoleId").asText(""),
                trust,
                instanceProfiles(role),
                policies(role, context),
                boundary(role));
    }

    private Known<List<InstanceProfileRef>> instanceProfiles(JsonNode role) {
        if (!role.path("InstanceProfileList").isArray()) {
            return Known.unknown(source + " does not list the instance profiles of this role.");
        }
        List<InstanceProfileRef> profiles = new ArrayList<>();
        role.get("InstanceProfileList")
                .forEach(p -> profiles.add(new InstanceProfileRef(
                        p.path("InstanceProfileName").asText(), p.path("Arn").asText())));
        return Known.of(profiles);
    }

    private Known<List<IdentityPolicy>> policies(JsonNode role, String context) {
        if (!role.has("RolePolicyList") && !role.has("AttachedManagedPolicies")) {
            return Known.unknown(source + " does not list the permissions policies of this role.");
        }
        List<IdentityPolicy> policies = new ArrayList<>();
        for (JsonNode inline : role.path("RolePolicyList")) {
            String policyName = inline.path("PolicyName").asText();
            policies.add(IdentityPolicy.inline(
                    policyName,
                    document(
                            inline.get("PolicyDocument"),
                            PolicyKind.IDENTITY,
                            "Inline policy \"" + policyName + "\" of " + context)));
        }
        for (JsonNode attached : role.path("AttachedManagedPolicies")) {
            String policyArn = attached.path("PolicyArn").asText();
            String policyName = attached.path("PolicyName").asText(policyArn.substring(policyArn.lastIndexOf('/') + 1));
            policies.add(managed(IdentityPolicy.Kind.MANAGED, policyName, policyArn, context));
        }
        return Known.of(policies);
    }

    private Known<Optional<IdentityPolicy>> boundary(JsonNode role) {
        JsonNode boundary = role.get("PermissionsBoundary");
        if (boundary == null || !boundary.path("PermissionsBoundaryArn").isTextual()) {
            return Known.of(Optional.empty());
        }
        String policyArn = boundary.get("PermissionsBoundaryArn").asText();
        String policyName = policyArn.substring(policyArn.lastIndexOf('/') + 1);
        return Known.of(Optional.of(managed(
                IdentityPolicy.Kind.BOUNDARY,
                policyName,
                policyArn,
                "role \"" + shown(role.path("RoleName").asText()) + "\" in " + source)));
    }

    private IdentityPolicy managed(IdentityPolicy.Kind kind, String policyName, String policyArn, String context) {
        JsonNode policy = policiesByArn.get(policyArn);
        if (policy == null) {
            String why = hasPolicyList
                    ? source + " does not hold policy " + policyArn
                            + " (run 'aws iam get-account-authorization-details' "
                            + "without --filter, or with --filter LocalManagedPolicy AWSManagedPolicy as well)."
                    : source + " has no Policies list, so policy " + policyArn + " cannot be read (run "
                            + "'aws iam get-account-authorization-details' without --filter).";
            return new IdentityPolicy(kind, policyName, policyArn, null, Known.unknown(why));
        }
        String defaultVersion = policy.path("DefaultVersionId").asText(null);
        for (JsonNode version : policy.path("PolicyVersionList")) {
            boolean isDefault = version.path("IsDefaultVersion").asBoolean(false)
                    || (defaultVersion != null
                            && defaultVersion.equals(version.path("VersionId").asText()));
            if (isDefault) {
                String label = (kind == IdentityPolicy.Kind.BOUNDARY ? "Permissions boundary" : "Managed policy")
                        + " \"" + policyName + "\" (" + policyArn + ") of " + context;
                PolicyDocument document = document(version.get("Document"), PolicyKind.IDENTITY, label);
                return new IdentityPolicy(
                        kind, policyName, policyArn, version.path("VersionId").asText(null), Known.of(document));
            }
        }
        return new IdentityPolicy(
                kind,
                policyName,
                policyArn,
                defaultVersion,
                Known.unknown(source + " does not hold the default version of policy " + policyArn + "."));
    }

    private static PolicyDocument document(JsonNode node, PolicyKind kind, String what) {
        if (node == null || node.isNull()) {
            throw new UserFacingException(what + " is missing.");
        }
        try {
            return PolicyDocument.parse(node.isTextual() ? node.asText() : node.toString(), kind);
        } catch (MalformedPolicyException e) {
            throw new UserFacingException(what + " is not valid: " + e.getMessage());
        }
    }

    /**
     * A file IAM wrote holds only names, paths and ARNs IAM allows; one that holds another was edited or forged, and
     * is refused like a malformed document: one sentence naming the role and what is wrong, every value escaped.
     */
    private void checkNames(JsonNode role, String name, String arn) {
        String label = "Role \"" + shown(name) + "\" in " + source;
        refuse(IamNames.roleName(name), label + " has a name IAM does not allow");
        refuse(
                IamNames.path(role.path("Path").asText("/")),
                label + " has a path IAM does not allow, \""
                        + shown(role.path("Path").asText("/")) + "\"");
        refuse(IamNames.arn(arn), label + " has an ARN IAM does not give, \"" + shown(arn) + "\"");
        for (JsonNode profile : role.path("InstanceProfileList")) {
            String profileName = profile.path("InstanceProfileName").asText("");
            String listed = label + " lists instance profile \"" + shown(profileName) + "\"";
            refuse(IamNames.instanceProfileName(profileName), listed + " whose name IAM does not allow");
            if (profile.path("Path").isTextual()) {
                refuse(
                        IamNames.path(profile.get("Path").asText()),
                        listed + " whose path IAM does not allow, \""
                                + shown(profile.get("Path").asText()) + "\"");
            }
            if (profile.path("Arn").isTextual()) {
                refuse(
                        IamNames.arn(profile.get("Arn").asText()),
                        listed + " whose ARN IAM does not give, \""
                                + shown(profile.get("Arn").asText()) + "\"");
            }
        }
        for (JsonNode inline : role.path("RolePolicyList")) {
            String policyName = inline.path("PolicyName").asText("");
            refuse(
                    IamNames.policyName(policyName),
                    label + " lists inline policy \"" + shown(policyName) + "\" whose name IAM does not allow");
        }
        for (JsonNode attached : role.path("AttachedManagedPolicies")) {
            String policyArn = attached.path("PolicyArn").asText("");
            refuse(
                    IamNames.arn(policyArn),
                    label + " lists managed policy ARN \"" + shown(policyArn) + "\", which IAM does not give");
            if (attached.path("PolicyName").isTextual()) {
                refuse(
                        IamNames.policyName(attached.get("PolicyName").asText()),
                        label + " lists managed policy \""
                                + shown(attached.get("PolicyName").asText()) + "\" whose name IAM does not allow");
            }
        }
        JsonNode boundary = role.path("PermissionsBoundary").path("PermissionsBoundaryArn");
        if (boundary.isTextual()) {
            refuse(
                    IamNames.arn(boundary.asText()),
                    label + " has a permissions boundary ARN IAM does not give, \"" + shown(boundary.asText()) + "\"");
        }
    }

    private static void refuse(Optional<String> rule, String what) {
        if (rule.isPresent()) {
            throw new UserFacingException(what + " (" + rule.get() + "): give the unedited output of "
                    + "'aws iam get-account-authorization-details'.");
        }
    }

    private static String shown(String text) {
        return ControlCharacters.escape(text);
    }

    private String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new UserFacingException("A role in " + source + " has no " + field
                    + ": give the unedited output of 'aws iam get-account-authorization-details'.");
        }
        return value.asText();
    }

    /** Used by {@link #role} to suggest a name when the admin mistyped one. */
    static final class RoleNames {
        private RoleNames() {}

        static Optional<String> closest(String wanted, List<String> names) {
            String target = wanted.toLowerCase(Locale.ROOT);
            String best = null;
            int bestDistance = Integer.MAX_VALUE;
            for (String name : names) {
                int d = distance(target, name.toLowerCase(Locale.ROOT));
                if (d < bestDistance) {
                    bestDistance = d;
                    best = name;
                }
            }
            return bestDistance <= Math.max(2, target.length() / 4) ? Optional.ofNullable(best) : Optional.empty();
        }

        private static int distance(String a, String b) {
            int[] previous = new int[b.length() + 1];
            int[] current = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) {
                previous[j] = j;
            }
            for (int i = 1; i <= a.length(); i++) {
                current[0] = i;
                for (int j = 1; j <= b.length(); j++) {
                    int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                    current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }
                int[] swap = previous;
                previous = current;
                current = swap;
            }
            return previous[b.length()];
        }
    }
}
