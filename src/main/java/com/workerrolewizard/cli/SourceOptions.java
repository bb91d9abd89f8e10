package com.workerrolewizard.cli;

import com.workerrolewizard.aws.AwsClients;
import com.workerrolewizard.aws.ConnectionSettings;
import com.workerrolewizard.aws.LiveAccount;
import com.workerrolewizard.core.account.AccountSource;
import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.sandbox.Sandbox;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** SOURCE of the contract: live AWS (a profile or the SDK's default chain), an offline file, or the sandbox. */
final class SourceOptions {
    @Option(names = "--authorization-details", paramLabel = "FILE",
            description = "The JSON that 'aws iam get-account-authorization-details' prints (offline, read-only).")
    Path authorizationDetails;

    @Option(names = "--profile", paramLabel = "NAME", description = "An AWS profile (default: the SDK's default chain).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "The region for STS (default: the profile's).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "An endpoint replacing IAM's and STS's.")
    String endpointUrl;

    @Option(names = "--sandbox", description = "The built-in sandbox account (no AWS needed).")
    boolean sandbox;

    @Option(names = "--sandbox-seed", paramLabel = "FILE", hidden = true,
            description = "Seed the sandbox from an authorization-details file instead of its example roles.")
    Path sandboxSeed;

    /** How sign-in asks for an MFA code or shows an Identity Center code; the terminal unless a face sets another. */
    com.workerrolewizard.core.signin.SignInPrompts prompts = new TerminalPrompts(
            new java.io.PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true));

    /** True when any SOURCE option was given (export without one plans a new role). */
    boolean given() {
        return authorizationDetails != null || profile != null || region != null || endpointUrl != null || sandbox;
    }

    boolean offline() {
        return authorizationDetails != null;
    }

    /** The account, opened; close it to stop the sandbox and release the clients. */
    Opened open(ActionCatalog catalog) {
        if (authorizationDetails != null && (profile != null || region != null || endpointUrl != null || sandbox)) {
            throw new UserFacingException("--authorization-details reads a file; it cannot be combined with --profile, "
                    + "--region, --endpoint-url or --sandbox: choose one source.");
        }
        if (authorizationDetails != null) {
            return new Opened(AuthorizationDetails.read(authorizationDetails), null, null, () -> { });
        }
        if (sandbox) {
            if (profile != null || endpointUrl != null) {
                throw new UserFacingException("--sandbox is its own account: drop --profile and --endpoint-url.");
            }
            Sandbox account = sandboxSeed == null ? Sandbox.start() : Sandbox.start(sandboxSeed);
            AwsCredentialsProvider keys = account.credentials();
            AwsClients clients = new AwsClients(new ConnectionSettings(keys, Optional.of("us-east-1"),
                    Optional.of(account.endpoint()), Optional.empty()));
            LiveAccount live = new LiveAccount(clients, catalog, "the sandbox account " + account.account());
            // The sandbox lives as long as this command: so does its journal.
            Path journal = temporaryFolder();
            return new Opened(live, clients, journal, () -> {
                live.close();
                account.close();
                deleteQuietly(journal);
            });
        }
        Optional<URI> endpoint = Optional.ofNullable(endpointUrl).map(SourceOptions::endpoint);
        Optional<String> stsRegion = Optional.ofNullable(region).or(this::profileRegion);
        AwsCredentialsProvider credentials = profile == null ? DefaultCredentialsProvider.builder().build()
                : SignIn.resolver(stsRegion.orElse("us-east-1"), endpoint, prompts).resolve(profile);
        ConnectionSettings settings = new ConnectionSettings(credentials, stsRegion, endpoint, Optional.ofNullable(profile));
        AwsClients clients = new AwsClients(settings);
        LiveAccount live = new LiveAccount(clients, catalog,
                profile == null ? "the account of the default credentials" : "the account of profile " + profile);
        live.callerIdentity();
        return new Opened(live, clients, JournalFolder.live(), live::close);
    }

    private static Path temporaryFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("worker-role-wizard-sandbox");
        } catch (java.io.IOException e) {
            throw new UserFacingException("Cannot create a temporary folder for the sandbox's journal: " + e.getMessage());
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var files = java.nio.file.Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException ignored) {
            // A temporary folder left behind is harmless; the system cleans it.
        }
    }

    private Optional<String> profileRegion() {
        try {
            return Optional.of(DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion().id());
        } catch (SdkClientException e) {
            return Optional.empty();
        }
    }

    private static URI endpoint(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                    || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserFacingException("--endpoint-url \"" + url + "\" is not a URL such as https://iam.example.com.");
        }
    }

    /**
     * An opened account and what closes it; {@code clients} and {@code journalFolder} are null for an offline
     * file, which is never written.
     */
    record Opened(AccountSource account, AwsClients clients, Path journalFolder, Runnable closer) implements AutoCloseable {
        boolean writable() {
            return clients != null;
        }

        LiveAccount live() {
            return (LiveAccount) account;
        }

        @Override
        public void close() {
            closer.run();
        }
    }
}
