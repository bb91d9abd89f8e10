package com.workerrolewizard.cli;

import com.workerrolewizard.app.role.Confirmation;
import com.workerrolewizard.core.UserFacingException;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/** Asks on the terminal before a write; with no terminal it refuses rather than guess. {@code --yes} answers for it. */
final class TerminalConfirmation {
    private TerminalConfirmation() {}

    /** The terminal's answer, or yes without asking when the person said --yes. */
    static Confirmation of(PrintWriter out, boolean yes) {
        return yes ? Confirmation.YES : question -> ask(out, question);
    }

    static boolean ask(PrintWriter out, String question) {
        Console console = System.console();
        if (console == null) {
            throw new UserFacingException("There is no terminal to confirm the changes on: add --yes to apply them, "
                    + "or --dry-run to only see them.");
        }
        out.flush();
        String answer = console.readLine("%s Type yes to apply: ", question);
        return answer != null
                && (answer.strip().toLowerCase(Locale.ROOT).equals("yes")
                        || answer.strip().toLowerCase(Locale.ROOT).equals("y"));
    }
}
