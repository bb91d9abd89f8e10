package com.workerrolewizard.ui;

import com.workerrolewizard.ui.signin.SignInViewModel;
import com.workerrolewizard.ui.wizard.ThemeChoice;
import com.workerrolewizard.ui.wizard.WizardViewModel;
import javafx.application.Application;

/** The wizard built from a test's parts, for the tests of the steps' own packages (as {@link ScreenshotsAccess}). */
public final class WizardAccess {
    private WizardAccess() {}

    public static Application wizard(WizardContext context) {
        return new WizardApplication(context);
    }

    public static SignInViewModel signIn(Application wizard) {
        return ((WizardApplication) wizard).signInForTests();
    }

    public static WizardViewModel navigation(Application wizard) {
        return ((WizardApplication) wizard).wizard();
    }

    public static void theme(Application wizard, boolean dark) {
        ((WizardApplication) wizard).theme().choose(dark ? ThemeChoice.DARK : ThemeChoice.LIGHT);
    }
}
