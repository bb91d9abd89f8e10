package com.workerrolewizard.ui;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.SessionSource;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.SaveDialog;

/**
 * What the wizard is built from, handed over by the composition root (JavaFX creates the Application itself,
 * so this is how its dependencies reach it).
 *
 * @param sessions how the sign-in step signs in (the real one, or a test's sandbox)
 * @param timing   how long to wait for IAM after a write (tests against the sandbox shorten it)
 * @param sandbox  open directly on the built-in sandbox account ({@code --sandbox})
 */
public record WizardContext(
        Workflows workflows,
        SessionSource sessions,
        Background background,
        RoleWorkflow.Timing timing,
        boolean sandbox,
        SaveDialog saveDialog) {

    public WizardContext(Workflows workflows, SessionSource sessions, Background background, boolean sandbox) {
        this(workflows, sessions, background, RoleWorkflow.Timing.IAM, sandbox, SaveDialog.fileChooser());
    }
}
