package com.workerrolewizard.cli;

import com.workerrolewizard.signin.SsoTokenCache;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.profiles.ProfileFile;

/** {@code login}: IAM Identity Center login by device authorization; the token lands where the AWS CLI reads it. */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Logs in to IAM Identity Center for a profile (device authorization in the browser).")
final class LoginCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "NAME", description = "An IAM Identity Center profile.")
    String profile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TerminalPrompts prompts = new TerminalPrompts(spec.commandLine().getErr());
        SsoTokenCache.Token token = SignIn.sso(prompts).login(profile, ProfileFile.defaultProfileFile(), () -> false);
        out.println("Logged in for profile " + profile + "; the session is valid until " + token.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + " and serves the AWS CLI too.");
        out.flush();
        return ExitCode.OK;
    }
}
