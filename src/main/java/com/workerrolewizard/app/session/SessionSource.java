package com.workerrolewizard.app.session;

import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInPrompts;
import java.util.List;
import java.util.function.BooleanSupplier;

/** How the wizard signs in; called off the FX thread. {@link Sessions} is the real one; tests give a sandbox of theirs. */
public interface SessionSource {
    List<ProfileInfo> profiles();

    Session sandbox();

    /**
     * Signs in with a profile; an IAM Identity Center profile without a session logs in first (through
     * {@code prompts}), until {@code cancelled} says stop.
     */
    Session profile(String name, String region, SignInPrompts prompts, BooleanSupplier cancelled);
}
