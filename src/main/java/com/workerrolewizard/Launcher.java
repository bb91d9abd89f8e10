package com.workerrolewizard;

import com.workerrolewizard.cli.ExitCode;
import com.workerrolewizard.cli.UnexpectedError;
import com.workerrolewizard.ui.GraphicalDisplay;
import com.workerrolewizard.ui.WizardApplication;
import java.util.List;
import java.util.Set;

/**
 * The jar's main class. A plain class, not an {@code Application}: on the class path JavaFX refuses to
 * start from a main class that extends {@code Application}. No arguments (or only wizard flags) opens
 * the wizard; anything else is a headless command. What nothing else caught (out of memory anywhere, an error on
 * any thread) ends here with one sentence and exit code 4, never a stack trace.
 */
public final class Launcher {
    private static final String PROGRAM = "worker-role-wizard";
    private static final Set<String> WIZARD_FLAGS = Set.of("--sandbox", WizardApplication.FIRST_WINDOW_FLAG);

    private Launcher() {}

    public static void main(String[] args) {
        boolean wizard = opensWizard(args);
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> lastResort(error, !wizard));
        int exit;
        try {
            if (wizard) {
                if (GraphicalDisplay.missing()) {
                    System.err.println(GraphicalDisplay.MISSING);
                    System.exit(ExitCode.BAD_INPUT);
                }
                new CompositionRoot().openWizard(args, List.of(args).contains("--sandbox"));
                return;
            }
            exit = new CompositionRoot().runCommand(args);
        } catch (Throwable error) {
            if (wizard && GraphicalDisplay.cannotOpen(error)) {
                System.err.println(GraphicalDisplay.MISSING);
                System.exit(ExitCode.BAD_INPUT);
            }
            // An Error (out of memory) passes picocli by: name the command as picocli would.
            String command = args.length > 0 && args[0].matches("[a-z-]+") ? PROGRAM + " " + args[0] : PROGRAM;
            UnexpectedError.report(System.err, command, error);
            exit = ExitCode.INTERNAL_ERROR;
        }
        System.exit(exit);
    }

    /**
     * An error no code caught, on any thread: one sentence. A command ends (its result cannot be trusted), and so
     * does the wizard after running out of memory; the wizard goes on after another error, as JavaFX would.
     */
    static void lastResort(Throwable error, boolean ends) {
        UnexpectedError.report(System.err, PROGRAM, error);
        if (ends || UnexpectedError.outOfMemory(error)) {
            System.out.flush();
            // halt, not exit: exit would wait for shutdown hooks, and this may run on one of them.
            Runtime.getRuntime().halt(ExitCode.INTERNAL_ERROR);
        }
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
