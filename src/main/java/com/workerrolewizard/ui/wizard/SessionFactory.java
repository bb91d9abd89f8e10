package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.signin.ProfileInfo;
import com.workerrolewizard.signin.SignInPrompts;
import java.util.List;

/** Signs in for the wizard; called off the FX thread. */
public interface SessionFactory {
    List<ProfileInfo> profiles();

    Session sandbox();

    Session profile(String name, String region, SignInPrompts prompts);
}
