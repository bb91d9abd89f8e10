package com.workerrolewizard.cli;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.app.session.SourceRequest;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** SOURCE of the contract, as options: live AWS (a profile or the SDK's default chain), an offline file, or the sandbox. */
final class SourceOptions {
    @Option(
            names = "--authorization-details",
            paramLabel = "FILE",
            description = "The JSON that 'aws iam get-account-authorization-details' prints (offline, read-only).")
    Path authorizationDetails;

    @Option(
            names = "--profile",
            paramLabel = "NAME",
            description = "An AWS profile (default: the SDK's default chain).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "The region for STS (default: the profile's).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "An endpoint replacing IAM's and STS's.")
    String endpointUrl;

    @Option(names = "--sandbox", description = "The built-in sandbox account (no AWS needed).")
    boolean sandbox;

    @Option(
            names = "--sandbox-seed",
            paramLabel = "FILE",
            hidden = true,
            description = "Seed the sandbox from an authorization-details file instead of its example roles.")
    Path sandboxSeed;

    SourceRequest request() {
        return new SourceRequest(
                Optional.ofNullable(authorizationDetails),
                Optional.ofNullable(profile),
                Optional.ofNullable(region),
                Optional.ofNullable(endpointUrl),
                sandbox,
                Optional.ofNullable(sandboxSeed));
    }

    /** True when any SOURCE option was given (export without one plans a new role). */
    boolean given() {
        return request().given();
    }

    boolean offline() {
        return authorizationDetails != null;
    }

    /** The account, opened; close it to stop the sandbox and release the clients. MFA codes are asked on the terminal. */
    Session open(Sessions sessions) {
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return sessions.open(request(), new TerminalPrompts(err), () -> false, false);
    }
}
