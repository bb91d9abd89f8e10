package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.aws.AwsClients;
import com.workerrolewizard.aws.ConnectionSettings;
import com.workerrolewizard.aws.LiveAccount;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.journal.AppDataFolder;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.signin.CredentialsResolver;
import com.workerrolewizard.signin.ProfileCatalog;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.signin.SsoLogin;
import com.workerrolewizard.signin.SsoTokenCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** Sessions on the built-in sandbox or on a profile of the standard files, through the same gateway as the command line. */
public final class AwsSessionFactory implements SessionFactory {
    private final ActionCatalog catalog;

    public AwsSessionFactory(ActionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<ProfileInfo> profiles() {
        return ProfileCatalog.standard().profiles();
    }

    @Override
    public Session sandbox() {
        Sandbox sandbox = Sandbox.start();
        return session(sandbox, sandbox);
    }

    /** A session on a sandbox that is already running; {@code owner} is closed with the session (null: left running). */
    public Session session(Sandbox sandbox, AutoCloseable owner) {
        AwsCredentialsProvider keys = sandbox.credentials();
        AwsClients clients = new AwsClients(new ConnectionSettings(keys, Optional.of("us-east-1"),
                Optional.of(sandbox.endpoint()), Optional.empty()));
        LiveAccount account = new LiveAccount(clients, catalog, "the sandbox account " + sandbox.account());
        Path journal;
        try {
            journal = Files.createTempDirectory("worker-role-wizard-sandbox");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Session(account, clients, account.callerIdentity(), journal, "the sandbox account " + sandbox.account(),
                () -> {
                    account.close();
                    if (owner != null) {
                        owner.close();
                    }
                });
    }

    @Override
    public Session profile(String name, String region, SignInPrompts prompts, java.util.function.BooleanSupplier cancelled) {
        String stsRegion = region == null || region.isBlank() ? "us-east-1" : region;
        ProfileFile file = ProfileFile.defaultProfileFile();
        SsoLogin sso = new SsoLogin(SsoTokenCache.standard(), endpoint("AWS_ENDPOINT_URL_SSO_OIDC"),
                endpoint("AWS_ENDPOINT_URL_SSO"), prompts);
        ProfileCatalog profiles = new ProfileCatalog(file, System.getenv());
        if (profiles.profile(name).map(p -> p.kind() == com.workerrolewizard.core.signin.ProfileKind.SSO).orElse(false)
                && !sso.signedIn(name, file)) {
            sso.login(name, file, cancelled);
        }
        AwsCredentialsProvider credentials = new CredentialsResolver(file, stsRegion, Optional.empty(), prompts, sso)
                .resolve(name);
        AwsClients clients = new AwsClients(new ConnectionSettings(credentials, Optional.of(stsRegion), Optional.empty(),
                Optional.of(name)));
        LiveAccount account = new LiveAccount(clients, catalog, "the account of profile " + name);
        return new Session(account, clients, account.callerIdentity(), AppDataFolder.resolve(), "profile " + name,
                account);
    }

    /** Identity Center endpoints as the SDK's own settings name them (private endpoints, tests). */
    private static Optional<java.net.URI> endpoint(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(java.net.URI.create(value));
    }
}
