package com.workerrolewizard.cli;

import com.workerrolewizard.core.UserFacingException;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/** Asks on the terminal before a write; with no terminal it refuses rather than guess. */
final class Confirmation {
    private Confirmation() {
    }

    static boolean ask(PrintWriter out, String question) {
        Console console = System.console();
        if (console == null) {
            throw new UserFacingException("There is no terminal to confirm the changes on: add --yes to apply them, "
                    + "or --dry-run to only see them.");
        }
        out.flush();
        String answer = console.readLine("%s Type yes to apply: ", question);
        return answer != null && (answer.strip().toLowerCase(Locale.ROOT).equals("yes")
                || answer.strip().toLowerCase(Locale.ROOT).equals("y"));
    }
}
