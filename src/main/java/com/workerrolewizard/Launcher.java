package com.workerrolewizard;

import com.workerrolewizard.ui.WizardApplication;
import com.workerrolewizard.ui.WizardContext;
import java.util.List;
import java.util.Set;

/**
 * The jar's main class. A plain class, not an {@code Application}: on the class path JavaFX refuses to
 * start from a main class that extends {@code Application}. No arguments (or only wizard flags) opens
 * the wizard; anything else is a headless command.
 */
public final class Launcher {
    private static final Set<String> WIZARD_FLAGS = Set.of("--sandbox", WizardApplication.FIRST_WINDOW_FLAG);

    private Launcher() {
    }

    public static void main(String[] args) {
        if (opensWizard(args)) {
            WizardApplication.open(args, WizardContext.standard(List.of(args).contains("--sandbox")));
            return;
        }
        System.exit(new CompositionRoot().runCommand(args));
    }

    static boolean opensWizard(String[] args) {
        for (String arg : args) {
            if (!WIZARD_FLAGS.contains(arg)) {
                return false;
            }
        }
        return true;
    }
}
