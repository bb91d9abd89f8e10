package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.SignInPrompts;
import java.util.List;

/** Signs in for the wizard; called off the FX thread. */
public interface SessionFactory {
    List<ProfileInfo> profiles();

    Session sandbox();

    /**
     * Signs in with a profile; an IAM Identity Center profile without a session logs in first (the user code
     * is shown through {@code prompts}), until {@code cancelled} says stop.
     */
    Session profile(String name, String region, SignInPrompts prompts, java.util.function.BooleanSupplier cancelled);
}
