package com.workerrolewizard.app.session;

import com.workerrolewizard.aws.AwsClients;
import com.workerrolewizard.aws.ConnectionSettings;
import com.workerrolewizard.aws.LiveAccount;
import com.workerrolewizard.aws.NetworkProblems;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.ProfileKind;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.journal.AppDataFolder;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.signin.Browser;
import com.workerrolewizard.signin.CredentialsResolver;
import com.workerrolewizard.signin.ProfileCatalog;
import com.workerrolewizard.signin.SsoLogin;
import com.workerrolewizard.signin.SsoTokenCache;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The one place that signs in, for both faces: an offline file, the sandbox, or live AWS through a profile (assume-role
 * chains, MFA, IAM Identity Center), the SDK's default chain and the SDK's endpoint settings. One rule for journals:
 * a live account writes to the user's application data folder; the sandbox, which lives as long as its session, to a
 * temporary folder of its own that goes with it.
 */
public final class Sessions implements SessionSource {
    /** STS's region when neither the command nor the profile names one (IAM itself is global). */
    public static final String DEFAULT_REGION = "us-east-1";

    private final ActionCatalog catalog;

    /** @param catalog the required actions the policy simulator is asked about (the page's, or a --catalog file's) */
    public Sessions(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    /** The same sign-in, asking the simulator about another catalog. */
    public Sessions withCatalog(ActionCatalog other) {
        return new Sessions(other);
    }

    /**
     * Opens the source the request describes.
     *
     * @param loginIfNeeded for an IAM Identity Center profile that is not signed in: log in first (the wizard) rather
     *                      than saying to run {@code login} (the command line)
     */
    public Session open(
            SourceRequest request, SignInPrompts prompts, BooleanSupplier cancelled, boolean loginIfNeeded) {
        request.validate();
        if (request.offline()) {
            return new Session(
                    AuthorizationDetails.read(request.authorizationDetails().get()));
        }
        if (request.sandbox()) {
            Sandbox sandbox = request.sandboxSeed().map(Sandbox::start).orElseGet(Sandbox::start);
            return onSandbox(sandbox, sandbox::close);
        }
        Optional<URI> endpoint = request.endpoint();
        Optional<String> profile = request.profile();
        Optional<String> region = request.region().or(() -> profile.flatMap(Sessions::profileRegion));
        AwsCredentialsProvider credentials = profile.isEmpty()
                ? DefaultCredentialsProvider.builder().build()
                : profileCredentials(
                        profile.get(), region.orElse(DEFAULT_REGION), endpoint, prompts, cancelled, loginIfNeeded);
        ConnectionSettings settings = new ConnectionSettings(credentials, region, endpoint, profile);
        return live(
                settings,
                profile.map(p -> "the account of profile " + p).orElse("the account of the default credentials"));
    }

    @Override
    public Session sandbox() {
        return open(SourceRequest.sandboxAccount(), null, () -> false, true);
    }

    @Override
    public Session profile(String name, String region, SignInPrompts prompts, BooleanSupplier cancelled) {
        return open(SourceRequest.profile(name, region), prompts, cancelled, true);
    }

    @Override
    public List<ProfileInfo> profiles() {
        return ProfileCatalog.standard().profiles();
    }

    /** IAM Identity Center login for a profile, as {@code aws sso login} does it; returns when the token expires. */
    public Instant login(String profile, boolean useDeviceCode, SignInPrompts prompts, BooleanSupplier cancelled) {
        return sso(prompts)
                .login(profile, ProfileFile.defaultProfileFile(), cancelled, useDeviceCode)
                .expiresAt();
    }

    /** Opens a page in the person's browser where one can be opened; false where none could. Never on the FX thread. */
    public static boolean openInBrowser(String url) {
        return Browser.open(url);
    }

    /** A live session on a sandbox that is already running; {@code onClose} runs when the session closes. */
    public Session onSandbox(Sandbox sandbox, Runnable onClose) {
        return onSandbox(sandbox, sandbox.credentials(), onClose);
    }

    /** The same with other credentials for the sandbox (tests that watch every request). */
    public Session onSandbox(Sandbox sandbox, AwsCredentialsProvider credentials, Runnable onClose) {
        ConnectionSettings settings = new ConnectionSettings(
                credentials, Optional.of(DEFAULT_REGION), Optional.of(sandbox.endpoint()), Optional.empty());
        AwsClients clients = new AwsClients(settings);
        LiveAccount account = new LiveAccount(clients, catalog, "the sandbox account " + sandbox.account());
        account.callerIdentity();
        TemporaryFolder journal = new TemporaryFolder();
        return new Session(account, account, clients, journal, true, () -> {
            account.close();
            onClose.run();
            journal.delete();
        });
    }

    /**
     * A session in another account, entered by assuming {@code roleName} there with {@code base}'s identity (its
     * credentials, region and endpoint); the base account itself is the base session. The session name says who
     * asks and why, as CloudTrail shows it.
     */
    public Session enter(Session base, String accountId, String roleName, Optional<String> externalId) {
        ConnectionSettings settings = base.clients().settings();
        String roleArn = "arn:" + base.operator().partition().id() + ":iam::" + accountId + ":role/" + roleName;
        StsAssumeRoleCredentialsProvider credentials = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(base.clients().sts())
                .refreshRequest(r -> {
                    r.roleArn(roleArn).roleSessionName("worker-role-wizard");
                    externalId.ifPresent(r::externalId);
                })
                .build();
        assume(credentials, roleArn, base);
        ConnectionSettings entered =
                new ConnectionSettings(credentials, settings.region(), settings.endpoint(), Optional.empty());
        String description = "account " + accountId + " (entered as " + roleName + ")";
        if (!base.sandbox()) {
            return live(entered, description);
        }
        // A sandbox member's writes are journaled with the sandbox's own, in its temporary folder, never the user's.
        AwsClients clients = new AwsClients(entered);
        LiveAccount account = new LiveAccount(clients, catalog, "the sandbox " + description);
        try {
            account.callerIdentity();
        } catch (RuntimeException e) {
            account.close();
            throw e;
        }
        return new Session(account, account, clients, base::journalFolder, true, account::close);
    }

    /**
     * Assumes the role once now, so that a refusal is said as what it is (the role is missing or does not trust the
     * caller) instead of surfacing later as a refused read.
     */
    private static void assume(StsAssumeRoleCredentialsProvider credentials, String roleArn, Session base) {
        try {
            credentials.resolveCredentials();
        } catch (StsException e) {
            credentials.close();
            String answer = e.awsErrorDetails() == null
                    ? String.valueOf(e.statusCode())
                    : e.awsErrorDetails().errorCode() + ": "
                            + e.awsErrorDetails().errorMessage();
            throw new UserFacingException("STS refused to let "
                    + base.operator().arn() + " assume " + roleArn + " ("
                    + answer + "); the role does not exist there or its trust policy does not name this identity or "
                    + "account (an invited account has no OrganizationAccountAccessRole; name a role it has with "
                    + "--assume-role).");
        } catch (SdkClientException e) {
            credentials.close();
            throw new UserFacingException("Cannot reach STS to assume " + roleArn + ": "
                    + NetworkProblems.explain(e).orElse(String.valueOf(e.getMessage())) + ".");
        }
    }

    /** A live session through the given connection (the SDK's settings, a profile's credentials). */
    private Session live(ConnectionSettings settings, String description) {
        AwsClients clients = new AwsClients(settings);
        LiveAccount account = new LiveAccount(clients, catalog, description);
        try {
            account.callerIdentity();
        } catch (RuntimeException e) {
            account.close();
            throw e;
        }
        return new Session(account, account, clients, AppDataFolder::resolve, false, account::close);
    }

    private static AwsCredentialsProvider profileCredentials(
            String profile,
            String region,
            Optional<URI> endpoint,
            SignInPrompts prompts,
            BooleanSupplier cancelled,
            boolean loginIfNeeded) {
        ProfileFile file = ProfileFile.defaultProfileFile();
        SsoLogin sso = sso(prompts);
        if (loginIfNeeded
                && new ProfileCatalog(file, System.getenv())
                        .profile(profile)
                        .map(p -> p.kind() == ProfileKind.SSO)
                        .orElse(false)
                && !sso.signedIn(profile, file)) {
            sso.login(profile, file, cancelled);
        }
        return new CredentialsResolver(file, region, endpoint, prompts, sso).resolve(profile);
    }

    /** Identity Center through the endpoints the SDK's own settings name, when they are set (tests, private endpoints). */
    private static SsoLogin sso(SignInPrompts prompts) {
        return new SsoLogin(
                SsoTokenCache.standard(),
                environmentUrl("AWS_ENDPOINT_URL_SSO_OIDC"),
                environmentUrl("AWS_ENDPOINT_URL_SSO"),
                prompts);
    }

    private static Optional<URI> environmentUrl(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(value));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(name + " \"" + value + "\" is not a URL.");
        }
    }

    private static Optional<String> profileRegion(String profile) {
        try {
            return Optional.of(DefaultAwsRegionProviderChain.builder()
                    .profileName(profile)
                    .build()
                    .getRegion()
                    .id());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }

    /** The sandbox's journal: made the first time it is needed, deleted with the session. */
    private static final class TemporaryFolder implements Supplier<Path> {
        private Path folder;

        @Override
        public synchronized Path get() {
            if (folder == null) {
                try {
                    folder = Files.createTempDirectory("worker-role-wizard-sandbox");
                } catch (IOException e) {
                    throw new UserFacingException("Cannot create a temporary folder for the sandbox's journal ("
                            + e.getMessage() + "): check the temporary folder's free space and permissions.");
                }
            }
            return folder;
        }

        synchronized void delete() {
            if (folder == null) {
                return;
            }
            try (var files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // A temporary folder left behind is harmless; the system cleans it.
            }
        }
    }
}
