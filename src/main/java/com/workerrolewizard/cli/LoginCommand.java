package com.workerrolewizard.cli;

import com.workerrolewizard.app.Workflows;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code login}: IAM Identity Center login as {@code aws sso login} does it (the browser with PKCE for an sso-session
 * profile, a device code for a legacy one or on request); the token lands where the AWS CLI reads it.
 */
@Command(
        name = "login",
        mixinStandardHelpOptions = true,
        description =
                "Logs in to IAM Identity Center for a profile: through the browser (authorization code with PKCE) "
                        + "for an sso-session profile, with a device code for a legacy one or with --use-device-code.")
final class LoginCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "NAME", description = "An IAM Identity Center profile.")
    String profile;

    @Option(
            names = "--use-device-code",
            description = "Sign in with a code to confirm on a page (from any device) "
                    + "instead of being sent back to this machine by the browser.")
    boolean useDeviceCode;

    private final Workflows workflows;

    LoginCommand(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TerminalPrompts prompts = new TerminalPrompts(spec.commandLine().getErr());
        Instant expires = workflows
                .sessions(workflows.references().builtInCatalog())
                .login(profile, useDeviceCode, prompts, () -> false);
        out.println("Logged in for profile " + profile + "; the session is valid until "
                + expires.truncatedTo(ChronoUnit.SECONDS) + " and serves the AWS CLI too.");
        out.flush();
        return ExitCode.OK;
    }
}
