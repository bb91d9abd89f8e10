package com.workerrolewizard.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The one sentence for what the program did not expect (exit 4 of the contract): running out of memory, or an
 * error inside the program. Never a stack trace or a Java class name; {@value #DEBUG_VARIABLE}=1 adds the trace
 * for whoever investigates a report.
 */
public final class UnexpectedError {
    public static final String DEBUG_VARIABLE = "WORKER_ROLE_WIZARD_DEBUG";
    // Made before they are needed: after an OutOfMemoryError there may be no memory to build a message.
    private static final String OUT_OF_MEMORY = "ran out of memory: the input is too large for the memory Java was "
            + "given; raise it with -Xmx (java -Xmx4g -jar ..., or JAVA_TOOL_OPTIONS=-Xmx4g for the installed "
            + "program) or give a smaller input.";
    private static final String INTERNAL = "stopped on an unexpected error inside the program (not in what you "
            + "gave it); please report it with the command you ran (" + DEBUG_VARIABLE + "=1 shows the details).";

    private UnexpectedError() {}

    /** The sentence, after {@code who} (the command, such as "worker-role-wizard check"). */
    public static String sentence(String who, Throwable error) {
        return who + ": " + (outOfMemory(error) ? OUT_OF_MEMORY : INTERNAL);
    }

    public static void report(PrintWriter err, String who, Throwable error) {
        err.println(sentence(who, error));
        if (debug()) {
            error.printStackTrace(err);
        }
        err.flush();
    }

    public static void report(PrintStream err, String who, Throwable error) {
        err.println(sentence(who, error));
        if (debug()) {
            error.printStackTrace(err);
        }
        err.flush();
    }

    /** True when the error, or one it wraps, is an {@link OutOfMemoryError}. */
    public static boolean outOfMemory(Throwable error) {
        Throwable e = error;
        for (int depth = 0; e != null && depth < 20; depth++, e = e.getCause()) {
            if (e instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static boolean debug() {
        String value = System.getenv(DEBUG_VARIABLE);
        return value != null
                && !value.isBlank()
                && !value.strip().equals("0")
                && !value.strip().toLowerCase(Locale.ROOT).equals("false");
    }
}
