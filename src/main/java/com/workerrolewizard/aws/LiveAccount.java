package com.workerrolewizard.aws;

import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.account.AccountSource;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.InstanceProfileRef;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.account.SimulatedAction;
import com.workerrolewizard.core.account.UnreadableInputException;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.policy.MalformedPolicyException;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.ActionCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

/**
 * A live account (or any endpoint that speaks IAM): role snapshots read with independent calls in parallel,
 * so a snapshot takes its longest chain of dependent calls (GetRole, then the boundary's GetPolicy, then its
 * GetPolicyVersion), not the sum of its calls. A refused read becomes an unknown fact naming the permission.
 */
public final class LiveAccount implements AccountSource, AutoCloseable {
    private final AwsClients clients;
    private final ActionCatalog catalog;
    private final String description;
    private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
        Thread thread = new Thread(r, "iam-read");
        thread.setDaemon(true);
        return thread;
    });
    private volatile CallerIdentity caller;

    public LiveAccount(AwsClients clients, ActionCatalog catalog, String description) {
        this.clients = clients;
        this.catalog = catalog;
        this.description = description;
    }

    /** Signs in: {@code sts:GetCallerIdentity}. A refusal is a one-sentence error naming what to do. */
    public CallerIdentity callerIdentity() {
        if (caller == null) {
            try {
                var identity = clients.sts().getCallerIdentity();
                caller = new CallerIdentity(identity.account(), identity.arn(), identity.userId());
            } catch (SdkException e) {
                throw new UnreadableInputException("Cannot sign in to " + description + ": "
                        + AwsProblems.explain(e, "sts:GetCallerIdentity", "the account"));
            }
        }
        return caller;
    }

    @Override
    public String describe() {
        return description;
    }

    /** Lists every role, handing each page to {@code onPage} as soon as it arrives. */
    public void listRoles(Consumer<List<Role>> onPage) {
        String marker = null;
        do {
            String from = marker;
            ListRolesResponse page;
            try {
                page = clients.iam().listRoles(ListRolesRequest.builder().marker(from).maxItems(1000).build());
            } catch (SdkException e) {
                throw new UnreadableInputException("Cannot list the roles of " + description + ": "
                        + AwsProblems.explain(e, "iam:ListRoles", "the account"));
            }
            onPage.accept(page.roles());
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
    }

    @Override
    public List<RoleSnapshot> allRoles() {
        List<String> names = new ArrayList<>();
        listRoles(page -> page.forEach(r -> names.add(r.roleName())));
        List<CompletableFuture<RoleSnapshot>> snapshots = names.stream()
                .map(n -> CompletableFuture.supplyAsync(() -> role(n), pool)).toList();
        return snapshots.stream().map(LiveAccount::join).toList();
    }

    @Override
    public RoleSnapshot role(String nameOrArn) {
        CallerIdentity me = callerIdentity();
        String name = nameOrArn.startsWith("arn:") ? Arn.parse(nameOrArn).filter(Arn::isRole).map(Arn::roleName)
                .orElseThrow(() -> new UnreadableInputException("\"" + nameOrArn + "\" is not a role ARN: give the role's "
                        + "name or its ARN (arn:aws:iam::123456789012:role/NAME).")) : nameOrArn;
        String assumedArn = "arn:" + me.partition().id() + ":iam::" + me.account() + ":role/" + name;
        IamClient iam = clients.iam();

        CompletableFuture<Known<Role>> role = async(() -> {
            try {
                return Known.of(iam.getRole(r -> r.roleName(name)).role());
            } catch (SdkException e) {
                if (AwsProblems.isNoSuchEntity(e)) {
                    throw new UnreadableInputException("Role \"" + name + "\" does not exist in " + description
                            + ": check the name, or create it with create-role.");
                }
                return Known.unknown(AwsProblems.explain(e, "iam:GetRole", assumedArn));
            }
        });
        CompletableFuture<Known<List<InstanceProfileRef>>> profiles = async(() -> AwsProblems.read(
                "iam:ListInstanceProfilesForRole", assumedArn, () -> iam.listInstanceProfilesForRolePaginator(r -> r.roleName(name))
                        .instanceProfiles().stream().map(p -> new InstanceProfileRef(p.instanceProfileName(), p.arn())).toList()));
        CompletableFuture<Known<List<IdentityPolicy>>> inline = async(() -> AwsProblems.read("iam:ListRolePolicies",
                assumedArn, () -> iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames().stream().toList()))
                .thenCompose(names -> names.isKnown() ? all(names.value().stream().map(n -> async(() -> inlinePolicy(name, n,
                        assumedArn))).toList()).thenApply(Known::of) : done(Known.unknown(names.unknownBecause())));
        CompletableFuture<Known<List<IdentityPolicy>>> attached = async(() -> AwsProblems.read("iam:ListAttachedRolePolicies",
                assumedArn, () -> iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies().stream().toList()))
                .thenCompose(list -> list.isKnown() ? all(list.value().stream().map(p -> managedPolicy(IdentityPolicy.Kind.MANAGED,
                        p)).toList()).thenApply(Known::of) : done(Known.unknown(list.unknownBecause())));
        CompletableFuture<Known<Optional<IdentityPolicy>>> boundary = role.thenCompose(r -> {
            if (!r.isKnown()) {
                return done(Known.unknown(r.unknownBecause()));
            }
            if (r.value().permissionsBoundary() == null) {
                return done(Known.of(Optional.empty()));
            }
            String arn = r.value().permissionsBoundary().permissionsBoundaryArn();
            return managedPolicy(IdentityPolicy.Kind.BOUNDARY, AttachedPolicy.builder().policyArn(arn)
                    .policyName(arn.substring(arn.lastIndexOf('/') + 1)).build()).thenApply(p -> Known.of(Optional.of(p)));
        });
        CompletableFuture<Known<List<SimulatedAction>>> simulation = async(() -> simulate(assumedArn));

        Known<Role> found = join(role);
        String arn = found.isKnown() ? found.value().arn() : assumedArn;
        Known<PolicyDocument> trust = found.isKnown() ? parse(found.value().assumeRolePolicyDocument(), PolicyKind.TRUST,
                "trust policy") : Known.unknown(found.unknownBecause());
        Known<List<IdentityPolicy>> policies = combine(join(inline), join(attached));
        return new RoleSnapshot(found.isKnown() ? found.value().roleName() : name,
                found.isKnown() ? found.value().path() : "/", arn, found.isKnown() ? found.value().roleId() : "",
                trust, join(profiles), policies, join(boundary), Optional.of(join(simulation)));
    }

    private IdentityPolicy inlinePolicy(String role, String policy, String roleArn) {
        Known<String> document = AwsProblems.read("iam:GetRolePolicy", roleArn,
                () -> clients.iam().getRolePolicy(r -> r.roleName(role).policyName(policy)).policyDocument());
        return new IdentityPolicy(IdentityPolicy.Kind.INLINE, policy, null, null,
                document.isKnown() ? parse(document.value(), PolicyKind.IDENTITY, "inline policy " + policy)
                        : Known.unknown(document.unknownBecause()));
    }

    /** GetPolicy for the default version's ID, then GetPolicyVersion for its document. */
    private CompletableFuture<IdentityPolicy> managedPolicy(IdentityPolicy.Kind kind, AttachedPolicy attached) {
        String arn = attached.policyArn();
        return async(() -> AwsProblems.read("iam:GetPolicy", arn, () -> clients.iam().getPolicy(r -> r.policyArn(arn))
                .policy().defaultVersionId())).thenCompose(version -> {
                    if (!version.isKnown()) {
                        return done(new IdentityPolicy(kind, attached.policyName(), arn, null,
                                Known.unknown(version.unknownBecause())));
                    }
                    return async(() -> {
                        Known<String> document = AwsProblems.read("iam:GetPolicyVersion", arn, () -> clients.iam()
                                .getPolicyVersion(r -> r.policyArn(arn).versionId(version.value())).policyVersion().document());
                        return new IdentityPolicy(kind, attached.policyName(), arn, version.value(), document.isKnown()
                                ? parse(document.value(), PolicyKind.IDENTITY, "policy " + arn)
                                : Known.unknown(document.unknownBecause()));
                    });
                });
    }

    /** IAM's policy simulator for the catalog's actions on "*"; concrete action names only. */
    private Known<List<SimulatedAction>> simulate(String roleArn) {
        return AwsProblems.read("iam:SimulatePrincipalPolicy", roleArn, () -> {
            List<SimulatedAction> results = new ArrayList<>();
            for (EvaluationResult result : clients.iam().simulatePrincipalPolicyPaginator(r -> r.policySourceArn(roleArn)
                    .actionNames(catalog.actions())).evaluationResults()) {
                results.add(new SimulatedAction(result.evalActionName(),
                        result.evalDecision() == PolicyEvaluationDecisionType.ALLOWED,
                        result.evalDecision() == PolicyEvaluationDecisionType.EXPLICIT_DENY,
                        result.organizationsDecisionDetail() == null ? null
                                : result.organizationsDecisionDetail().allowedByOrganizations(),
                        result.permissionsBoundaryDecisionDetail() == null ? null
                                : result.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()));
            }
            return results;
        });
    }

    @Override
    public AccountFacts facts() {
        CallerIdentity me = callerIdentity();
        IamClient iam = clients.iam();
        Known<Integer> quota = AwsProblems.read("iam:GetAccountSummary", "the account", () -> iam.getAccountSummary()
                .summaryMap().getOrDefault(SummaryKeyType.ASSUME_ROLE_POLICY_SIZE_QUOTA, AccountFacts.DEFAULT_TRUST_POLICY_QUOTA));
        List<String> caveats = quota.isKnown() ? List.of() : List.of("The account's trust policy quota could not be read ("
                + quota.unknownBecause() + "); IAM's default, 2,048 characters, is assumed.");
        return new LiveFacts(iam, me, quota.isKnown() ? quota.value() : AccountFacts.DEFAULT_TRUST_POLICY_QUOTA, caveats);
    }

    /** Names and quotas as the live account answers them. */
    private record LiveFacts(IamClient iam, CallerIdentity me, int quota, List<String> caveats) implements AccountFacts {
        @Override
        public Known<Optional<List<String>>> instanceProfile(String name) {
            try {
                var profile = iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile();
                return Known.of(Optional.of(profile.roles().stream().map(Role::roleName).toList()));
            } catch (SdkException e) {
                return AwsProblems.isNoSuchEntity(e) ? Known.of(Optional.empty())
                        : Known.unknown(AwsProblems.explain(e, "iam:GetInstanceProfile", name));
            }
        }

        @Override
        public Known<Boolean> roleExists(String name) {
            try {
                iam.getRole(r -> r.roleName(name));
                return Known.of(true);
            } catch (SdkException e) {
                return AwsProblems.isNoSuchEntity(e) ? Known.of(false) : Known.unknown(AwsProblems.explain(e, "iam:GetRole", name));
            }
        }

        @Override
        public Known<Boolean> customerManagedPolicyExists(String name) {
            String arn = "arn:" + me.partition().id() + ":iam::" + me.account() + ":policy/" + name;
            try {
                iam.getPolicy(r -> r.policyArn(arn));
                return Known.of(true);
            } catch (SdkException e) {
                return AwsProblems.isNoSuchEntity(e) ? Known.of(false) : Known.unknown(AwsProblems.explain(e, "iam:GetPolicy", arn));
            }
        }

        @Override
        public int trustPolicySizeQuota() {
            return quota;
        }

        @Override
        public Optional<String> accountId() {
            return Optional.of(me.account());
        }

        @Override
        public Optional<Partition> partition() {
            return Optional.of(me.partition());
        }
    }

    private static Known<PolicyDocument> parse(String text, PolicyKind kind, String what) {
        try {
            return Known.of(PolicyDocument.parse(text, kind));
        } catch (MalformedPolicyException e) {
            return Known.unknown("IAM returned a " + what + " that cannot be read: " + e.getMessage());
        }
    }

    private static Known<List<IdentityPolicy>> combine(Known<List<IdentityPolicy>> inline, Known<List<IdentityPolicy>> attached) {
        if (!inline.isKnown()) {
            return inline;
        }
        if (!attached.isKnown()) {
            return attached;
        }
        List<IdentityPolicy> all = new ArrayList<>(inline.value());
        all.addAll(attached.value());
        return Known.of(all);
    }

    private <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, pool);
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    private static <T> CompletableFuture<List<T>> all(List<CompletableFuture<T>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(v -> futures.stream().map(CompletableFuture::join).toList());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        clients.close();
    }
}
