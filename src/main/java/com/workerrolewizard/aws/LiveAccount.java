package com.workerrolewizard.aws;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.account.AccountSource;
import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.account.CallerIdentity;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.InstanceProfileRef;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.Progress;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.account.RoleSummary;
import com.workerrolewizard.core.account.SimulatedAction;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.policy.MalformedPolicyException;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.requirement.PermissionsCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.SummaryKeyType;

/**
 * A live account (or any endpoint that speaks IAM).
 * <ul>
 * <li>One role: a snapshot read with independent calls in parallel, so it takes its longest chain of dependent
 *     calls (GetRole, then the boundary's GetPolicy, then its GetPolicyVersion), not the sum of its calls; the policy
 *     simulator is asked with the role's real ARN, path included.</li>
 * <li>Every role: {@code iam:GetAccountAuthorizationDetails}, the document the offline reader understands, so a
 *     thousand roles cost a handful of requests; where that call is refused, snapshots role by role, a bounded number
 *     at a time. The simulator is then asked only where it can change the verdict (where the local evaluation passes:
 *     it sees SCPs), a bounded number at a time.</li>
 * </ul>
 * No pool thread ever waits for work queued to the pool: calls are composed as futures, and only the caller's
 * thread waits. A refused read becomes an unknown fact naming the permission.
 */
public final class LiveAccount implements AccountSource, AutoCloseable {
    /** Roles read or simulated at the same moment when reading a whole account. */
    private static final int ROLES_IN_FLIGHT = 8;

    private final AwsClients clients;
    private final ActionCatalog catalog;
    private final String description;
    private final Simulator simulator;
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
        this.simulator = new Simulator(clients.simulatorIam(), catalog.actions());
    }

    /** Signs in: {@code sts:GetCallerIdentity}. A refusal is a one-sentence error naming what to do. */
    public CallerIdentity callerIdentity() {
        if (caller == null) {
            try {
                var identity = clients.sts().getCallerIdentity();
                if (identity.account() == null || !Arn.isAccountId(identity.account()) || identity.arn() == null) {
                    throw new UserFacingException("Cannot sign in to " + description + ": its answer to "
                            + "sts:GetCallerIdentity names no account"
                            + (identity.arn() == null ? " and no caller" : "")
                            + ", so it is not an STS endpoint this program can work with: check --endpoint-url.");
                }
                caller = new CallerIdentity(identity.account(), identity.arn(), identity.userId());
            } catch (SdkException e) {
                throw new UserFacingException("Cannot sign in to " + description + ": "
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
    public void listRoles(Consumer<List<RoleSummary>> onPage) {
        String marker = null;
        do {
            String from = marker;
            ListRolesResponse page;
            try {
                page = clients.iam()
                        .listRoles(ListRolesRequest.builder()
                                .marker(from)
                                .maxItems(1000)
                                .build());
            } catch (SdkException e) {
                throw new UserFacingException("Cannot list the roles of " + description + ": "
                        + AwsProblems.explain(e, "iam:ListRoles", "the account"));
            }
            onPage.accept(page.roles().stream()
                    .map(r -> new RoleSummary(
                            r.roleName(),
                            r.path(),
                            r.arn(),
                            r.createDate(),
                            r.description() == null ? "" : r.description()))
                    .toList());
            marker = Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null;
        } while (marker != null);
    }

    @Override
    public List<RoleSnapshot> allRoles() {
        return allRoles(Progress.NONE);
    }

    @Override
    public List<RoleSnapshot> allRoles(Progress progress) {
        callerIdentity();
        List<RoleSnapshot> roles = readAll(progress).orElseGet(() -> snapshotsOneByOne(progress));
        return simulateWhereItMatters(roles, progress);
    }

    /** The whole account in one document; empty when the operator may not read it that way. */
    private Optional<List<RoleSnapshot>> readAll(Progress progress) {
        AccountDetailsReader.Result read;
        try {
            read = new AccountDetailsReader(clients.iam()).read(progress);
        } catch (SdkException e) {
            // Refused (or not offered by this endpoint): read role by role instead, which needs other permissions.
            return Optional.empty();
        }
        AuthorizationDetails details = AuthorizationDetails.of(read.document(), description);
        List<RoleSnapshot> roles = new ArrayList<>();
        for (String name : details.roleNames()) {
            try {
                roles.add(withLiveReasons(details.role(name), read.unreadablePolicies()));
            } catch (UserFacingException malformed) {
                // A document IAM would not have stored (an emulator's): this role alone is read on its own.
                roles.add(role(name));
            }
        }
        return Optional.of(roles);
    }

    /** A policy the account document lacks is unknown with the live reason, not the file reader's advice. */
    private static RoleSnapshot withLiveReasons(RoleSnapshot role, Map<String, String> unreadable) {
        if (unreadable.isEmpty() || !role.policies().isKnown()) {
            return role;
        }
        List<IdentityPolicy> policies = role.policies().value().stream()
                .map(p -> relabel(p, unreadable))
                .toList();
        Known<Optional<IdentityPolicy>> boundary = role.boundary().isKnown()
                ? Known.of(role.boundary().value().map(p -> relabel(p, unreadable)))
                : role.boundary();
        return new RoleSnapshot(
                role.name(),
                role.path(),
                role.arn(),
                role.roleId(),
                role.trustPolicy(),
                role.instanceProfiles(),
                Known.of(policies),
                boundary,
                role.simulation());
    }

    private static IdentityPolicy relabel(IdentityPolicy policy, Map<String, String> unreadable) {
        String why = policy.arn() == null ? null : unreadable.get(policy.arn());
        return why == null || policy.document().isKnown()
                ? policy
                : new IdentityPolicy(
                        policy.kind(), policy.name(), policy.arn(), policy.versionId(), Known.unknown(why));
    }

    /** Role by role, at most {@link #ROLES_IN_FLIGHT} at once; only this (the caller's) thread waits. */
    private List<RoleSnapshot> snapshotsOneByOne(Progress progress) {
        List<String> names = new ArrayList<>();
        listRoles(page -> {
            page.forEach(r -> names.add(r.name()));
            progress.rolesRead(names.size());
        });
        AtomicInteger done = new AtomicInteger();
        List<Optional<RoleSnapshot>> read = boundedInOrder(
                names,
                name -> snapshotAsync(name, false)
                        .thenApply(Optional::of)
                        .exceptionally(e -> vanished(e))
                        .whenComplete((r, e) -> progress.rolesChecked(done.incrementAndGet(), names.size())));
        return read.stream().flatMap(Optional::stream).toList();
    }

    /** A role deleted between the listing and its reading is left out; anything else is raised. */
    private static Optional<RoleSnapshot> vanished(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RoleNotFound) {
            return Optional.empty();
        }
        throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
    }

    /** The role named does not exist (any more). */
    private static final class RoleNotFound extends UserFacingException {
        RoleNotFound(String message) {
            super(message);
        }
    }

    /**
     * The simulator, asked only for roles whose local evaluation passes: there it can still find an SCP that denies.
     * A role the local evaluation fails stays failed whatever the simulator says, so it is not asked.
     */
    private List<RoleSnapshot> simulateWhereItMatters(List<RoleSnapshot> roles, Progress progress) {
        AtomicInteger done = new AtomicInteger();
        int total = roles.size();
        return boundedInOrder(roles, role -> {
            if (role.simulation().isPresent()
                    || !PermissionsCheck.check(role, catalog).status().holds()) {
                progress.rolesChecked(done.incrementAndGet(), total);
                return done(role);
            }
            return async(() -> {
                RoleSnapshot simulated = role.withSimulation(simulator.simulate(role.arn()));
                progress.rolesChecked(done.incrementAndGet(), total);
                return simulated;
            });
        });
    }

    /** Starts at most {@link #ROLES_IN_FLIGHT} at a time and gives the results in the items' order. */
    private <T, R> List<R> boundedInOrder(List<T> items, Function<T, CompletableFuture<R>> start) {
        Semaphore slots = new Semaphore(ROLES_IN_FLIGHT);
        List<CompletableFuture<R>> started = new ArrayList<>(items.size());
        try {
            for (T item : items) {
                slots.acquire();
                started.add(start.apply(item).whenComplete((r, e) -> slots.release()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("Reading the roles of " + description + " was interrupted.");
        }
        return started.stream().map(LiveAccount::join).toList();
    }

    @Override
    public RoleSnapshot role(String nameOrArn) {
        callerIdentity();
        return join(snapshotAsync(nameOrArn, true));
    }

    /** The appliance's role when it is in the signed-in account, read without the 33 actions' simulation. */
    @Override
    public Optional<Known<RoleSnapshot>> applianceRole(AppliancePrincipal appliance) {
        Optional<Arn> role = appliance.role();
        if (role.isEmpty() || !role.get().account().equals(callerIdentity().account())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Known.of(join(snapshotAsync(role.get().toString(), false))));
        } catch (UserFacingException e) {
            return Optional.of(Known.unknown(e.getMessage()));
        }
    }

    @Override
    public Map<String, Known<SimulatedAction>> simulateAssume(String applianceRoleArn, List<String> workerArns) {
        return simulator.simulateAssume(applianceRoleArn, workerArns);
    }

    /**
     * One role's snapshot, composed of futures that never wait for each other on a pool thread.
     *
     * @param simulate whether to ask the policy simulator as part of the snapshot (one role); a whole account asks
     *                 it afterwards, where it matters
     */
    private CompletableFuture<RoleSnapshot> snapshotAsync(String nameOrArn, boolean simulate) {
        CallerIdentity me = callerIdentity();
        Optional<Arn> given = nameOrArn.startsWith("arn:")
                ? Optional.of(Arn.parse(nameOrArn)
                        .filter(Arn::isRole)
                        .orElseThrow(() ->
                                new UserFacingException("\"" + nameOrArn + "\" is not a role ARN: give the role's "
                                        + "name or its ARN (arn:aws:iam::123456789012:role/NAME).")))
                : Optional.empty();
        String name = given.map(Arn::roleName).orElse(nameOrArn);
        // Until GetRole answers, the ARN a message names: the one given, or the caller's account with no path.
        String assumedArn = given.map(Arn::toString)
                .orElse("arn:" + me.partition().id() + ":iam::" + me.account() + ":role/" + name);
        IamClient iam = clients.iam();

        CompletableFuture<Known<Role>> role = async(() -> {
            try {
                return Known.of(iam.getRole(r -> r.roleName(name)).role());
            } catch (SdkException e) {
                if (AwsProblems.isNoSuchEntity(e)) {
                    throw new RoleNotFound("Role \"" + name + "\" does not exist in " + description
                            + ": check the name, or create it with create-role.");
                }
                return Known.unknown(AwsProblems.explain(e, "iam:GetRole", assumedArn));
            }
        });
        CompletableFuture<Known<List<InstanceProfileRef>>> profiles = async(() -> AwsProblems.read(
                "iam:ListInstanceProfilesForRole",
                assumedArn,
                () -> iam.listInstanceProfilesForRolePaginator(r -> r.roleName(name)).instanceProfiles().stream()
                        .map(p -> new InstanceProfileRef(p.instanceProfileName(), p.arn()))
                        .toList()));
        CompletableFuture<Known<List<IdentityPolicy>>> inline = async(() -> AwsProblems.read(
                        "iam:ListRolePolicies",
                        assumedArn,
                        () -> iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames().stream()
                                .toList()))
                .thenCompose(names -> names.isKnown()
                        ? all(names.value().stream()
                                        .map(n -> async(() -> inlinePolicy(name, n, assumedArn)))
                                        .toList())
                                .thenApply(Known::of)
                        : done(Known.unknown(names.unknownBecause())));
        CompletableFuture<Known<List<IdentityPolicy>>> attached = async(() -> AwsProblems.read(
                        "iam:ListAttachedRolePolicies",
                        assumedArn,
                        () -> iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies().stream()
                                .toList()))
                .thenCompose(list -> list.isKnown()
                        ? all(list.value().stream()
                                        .map(p -> managedPolicy(IdentityPolicy.Kind.MANAGED, p))
                                        .toList())
                                .thenApply(Known::of)
                        : done(Known.unknown(list.unknownBecause())));
        CompletableFuture<Known<Optional<IdentityPolicy>>> boundary = role.thenCompose(r -> {
            if (!r.isKnown()) {
                return done(Known.unknown(r.unknownBecause()));
            }
            if (r.value().permissionsBoundary() == null) {
                return done(Known.of(Optional.empty()));
            }
            String arn = r.value().permissionsBoundary().permissionsBoundaryArn();
            return managedPolicy(
                            IdentityPolicy.Kind.BOUNDARY,
                            AttachedPolicy.builder()
                                    .policyArn(arn)
                                    .policyName(arn.substring(arn.lastIndexOf('/') + 1))
                                    .build())
                    .thenApply(p -> Known.of(Optional.of(p)));
        });
        // The simulator knows the role by its real ARN, path included: the one GetRole gives.
        CompletableFuture<Optional<Known<List<SimulatedAction>>>> simulation = !simulate
                ? done(Optional.empty())
                : role.thenCompose(r -> async(() ->
                        Optional.of(simulator.simulate(r.isKnown() ? r.value().arn() : assumedArn))));

        return CompletableFuture.allOf(role, profiles, inline, attached, boundary, simulation)
                .thenApply(all -> {
                    Known<Role> found = role.join();
                    String arn = found.isKnown() ? found.value().arn() : assumedArn;
                    Known<PolicyDocument> trust = found.isKnown()
                            ? parse(found.value().assumeRolePolicyDocument(), PolicyKind.TRUST, "trust policy")
                            : Known.unknown(found.unknownBecause());
                    Known<List<IdentityPolicy>> policies = combine(inline.join(), attached.join());
                    return new RoleSnapshot(
                            found.isKnown() ? found.value().roleName() : name,
                            found.isKnown()
                                    ? found.value().path()
                                    : given.map(Arn::rolePath).orElse("/"),
                            arn,
                            found.isKnown() ? found.value().roleId() : "",
                            trust,
                            profiles.join(),
                            policies,
                            boundary.join(),
                            simulation.join());
                });
    }

    private IdentityPolicy inlinePolicy(String role, String policy, String roleArn) {
        Known<String> document = AwsProblems.read(
                "iam:GetRolePolicy",
                roleArn,
                () -> clients.iam()
                        .getRolePolicy(r -> r.roleName(role).policyName(policy))
                        .policyDocument());
        return new IdentityPolicy(
                IdentityPolicy.Kind.INLINE,
                policy,
                null,
                null,
                document.isKnown()
                        ? parse(document.value(), PolicyKind.IDENTITY, "inline policy " + policy)
                        : Known.unknown(document.unknownBecause()));
    }

    /** GetPolicy for the default version's ID, then GetPolicyVersion for its document. */
    private CompletableFuture<IdentityPolicy> managedPolicy(IdentityPolicy.Kind kind, AttachedPolicy attached) {
        String arn = attached.policyArn();
        return async(() -> AwsProblems.read(
                        "iam:GetPolicy",
                        arn,
                        () -> clients.iam()
                                .getPolicy(r -> r.policyArn(arn))
                                .policy()
                                .defaultVersionId()))
                .thenCompose(version -> {
                    if (!version.isKnown()) {
                        return done(new IdentityPolicy(
                                kind, attached.policyName(), arn, null, Known.unknown(version.unknownBecause())));
                    }
                    return async(() -> {
                        Known<String> document = AwsProblems.read(
                                "iam:GetPolicyVersion",
                                arn,
                                () -> clients.iam()
                                        .getPolicyVersion(r -> r.policyArn(arn).versionId(version.value()))
                                        .policyVersion()
                                        .document());
                        return new IdentityPolicy(
                                kind,
                                attached.policyName(),
                                arn,
                                version.value(),
                                document.isKnown()
                                        ? parse(document.value(), PolicyKind.IDENTITY, "policy " + arn)
                                        : Known.unknown(document.unknownBecause()));
                    });
                });
    }

    @Override
    public AccountFacts facts() {
        CallerIdentity me = callerIdentity();
        IamClient iam = clients.iam();
        Known<Integer> quota = AwsProblems.read(
                "iam:GetAccountSummary",
                "the account",
                () -> iam.getAccountSummary()
                        .summaryMap()
                        .getOrDefault(
                                SummaryKeyType.ASSUME_ROLE_POLICY_SIZE_QUOTA, AccountFacts.DEFAULT_TRUST_POLICY_QUOTA));
        List<String> caveats = quota.isKnown()
                ? List.of()
                : List.of("The account's trust policy quota could not be read (" + quota.unknownBecause()
                        + "); IAM's default, 2,048 characters, is assumed.");
        return new LiveFacts(
                iam, me, quota.isKnown() ? quota.value() : AccountFacts.DEFAULT_TRUST_POLICY_QUOTA, caveats);
    }

    /** Names and quotas as the live account answers them. */
    private record LiveFacts(IamClient iam, CallerIdentity me, int quota, List<String> caveats)
            implements AccountFacts {
        @Override
        public Known<Optional<List<String>>> instanceProfile(String name) {
            try {
                var profile =
                        iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile();
                return Known.of(
                        Optional.of(profile.roles().stream().map(Role::roleName).toList()));
            } catch (SdkException e) {
                return AwsProblems.isNoSuchEntity(e)
                        ? Known.of(Optional.empty())
                        : Known.unknown(AwsProblems.explain(e, "iam:GetInstanceProfile", name));
            }
        }

        @Override
        public Known<Boolean> roleExists(String name) {
            try {
                iam.getRole(r -> r.roleName(name));
                return Known.of(true);
            } catch (SdkException e) {
                return AwsProblems.isNoSuchEntity(e)
                        ? Known.of(false)
                        : Known.unknown(AwsProblems.explain(e, "iam:GetRole", name));
            }
        }

        @Override
        public Known<Boolean> customerManagedPolicyExists(String name) {
            String arn = "arn:" + me.partition().id() + ":iam::" + me.account() + ":policy/" + name;
            try {
                iam.getPolicy(r -> r.policyArn(arn));
                return Known.of(true);
            } catch (SdkException e) {
                return AwsProblems.isNoSuchEntity(e)
                        ? Known.of(false)
                        : Known.unknown(AwsProblems.explain(e, "iam:GetPolicy", arn));
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

    private static Known<List<IdentityPolicy>> combine(
            Known<List<IdentityPolicy>> inline, Known<List<IdentityPolicy>> attached) {
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
