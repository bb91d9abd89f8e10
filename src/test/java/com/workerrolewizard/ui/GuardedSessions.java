package com.workerrolewizard.ui;

import com.workerrolewizard.aws.AwsClients;
import com.workerrolewizard.aws.ConnectionSettings;
import com.workerrolewizard.aws.LiveAccount;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.ui.wizard.Session;
import com.workerrolewizard.ui.wizard.SessionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Sign-in for the wizard's tests on a sandbox the test holds, as AwsSessionFactory signs in to the sandbox, with one
 * difference: the keys come through an {@link FxThreadGuard}, so any request made on the FX thread fails the test.
 */
final class GuardedSessions implements SessionFactory {
    final Sandbox sandbox;
    final FxThreadGuard guard;

    GuardedSessions(Sandbox sandbox) {
        this.sandbox = sandbox;
        this.guard = new FxThreadGuard(sandbox);
    }

    @Override
    public List<ProfileInfo> profiles() {
        return List.of();
    }

    @Override
    public Session sandbox() {
        AwsClients clients = new AwsClients(new ConnectionSettings(guard, Optional.of("us-east-1"),
                Optional.of(sandbox.endpoint()), Optional.empty()));
        LiveAccount account = new LiveAccount(clients, ReferenceDocuments.load().builtInCatalog(),
                "the sandbox account " + sandbox.account());
        try {
            return new Session(account, clients, account.callerIdentity(), Files.createTempDirectory("guarded-session"),
                    "the sandbox account " + sandbox.account(), account);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Session profile(String name, String region, SignInPrompts prompts, BooleanSupplier cancelled) {
        throw new SignInException("These tests sign in to the sandbox only.");
    }
}
