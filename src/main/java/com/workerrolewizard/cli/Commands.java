package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.text.ControlCharacters;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the command line with its dependencies and the contract's error behaviour: anything the user
 * got wrong is one line on stderr and exit code 2, anything unexpected one line and exit code 4, never a stack
 * trace. Errors (out of memory) pass picocli by: the {@code Launcher} ends those.
 */
public final class Commands {
    private Commands() {}

    public static CommandLine create(Workflows workflows, PrintWriter out, PrintWriter err) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                // Commands take the application layer's workflows through their constructor; everything else is
                // picocli's.
                try {
                    var constructor = type.getDeclaredConstructor(Workflows.class);
                    return constructor.newInstance(workflows);
                } catch (NoSuchMethodException e) {
                    return defaults.create(type);
                }
            }
        };
        CommandLine commandLine = new CommandLine(new WizardCommand(), factory);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            err.println(command + ": " + oneLine(e.getMessage()) + " (see '" + command + " --help').");
            err.flush();
            return ExitCode.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof UserFacingException) {
                err.println(line.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage()));
                err.flush();
                return ExitCode.BAD_INPUT;
            }
            UnexpectedError.report(err, line.getCommandSpec().qualifiedName(), e);
            return ExitCode.INTERNAL_ERROR;
        });
        return commandLine;
    }

    /** One line, and a name from outside in it cannot fake another line or a colour: control characters escaped. */
    private static String oneLine(String message) {
        return message == null
                ? ""
                : ControlCharacters.escape(
                        message.replaceAll("\\s*\\R\\s*", " ").strip());
    }
}
