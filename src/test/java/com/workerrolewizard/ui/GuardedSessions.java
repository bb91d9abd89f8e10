package com.workerrolewizard.ui;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.SessionSource;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.sandbox.Sandbox;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Sign-in for the wizard's tests on a sandbox the test holds, as AwsSessionFactory signs in to the sandbox, with one
 * difference: the keys come through an {@link FxThreadGuard}, so any request made on the FX thread fails the test.
 */
final class GuardedSessions implements SessionSource {
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
        return new Sessions(ReferenceDocuments.load().builtInCatalog()).onSandbox(sandbox, guard, () -> {});
    }

    @Override
    public Session profile(String name, String region, SignInPrompts prompts, BooleanSupplier cancelled) {
        throw new SignInException("These tests sign in to the sandbox only.");
    }
}
