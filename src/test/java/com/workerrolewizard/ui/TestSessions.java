package com.workerrolewizard.ui;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.SessionSource;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.ProfileKind;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.sandbox.Sandbox;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Sessions for the wizard's tests: the sandbox is one the test holds (so it can inject faults and add roles), and
 * the profiles are a fixed list: "sandbox-profile" signs in to the same sandbox, "broken" cannot work.
 */
public final class TestSessions implements SessionSource {
    public final Sandbox sandbox = Sandbox.start();
    private final Sessions real = new Sessions(ReferenceDocuments.load().builtInCatalog());

    @Override
    public List<ProfileInfo> profiles() {
        return List.of(
                new ProfileInfo("sandbox-profile", ProfileKind.KEYS, false, "eu-west-1", null),
                new ProfileInfo(
                        "broken", ProfileKind.ASSUME_ROLE, false, null, "Its source_profile nowhere does not exist."));
    }

    @Override
    public Session sandbox() {
        return real.onSandbox(sandbox, () -> {});
    }

    @Override
    public Session profile(String name, String region, SignInPrompts prompts, BooleanSupplier cancelled) {
        if (!name.equals("sandbox-profile")) {
            throw new SignInException("Profile " + name + " cannot work: its source_profile nowhere does not exist.");
        }
        return real.onSandbox(sandbox, () -> {});
    }
}
