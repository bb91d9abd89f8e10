package com.workerrolewizard.cli;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.app.session.SourceRequest;
import com.workerrolewizard.core.UserFacingException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --appliance-profile NAME}: a second sign-in, to the appliance's account, so that {@code appliance-access}
 * (the Impersonation role's own side of the assume-role call) can be checked when the appliance is in another account.
 * It uses the region and endpoint of the account checked.
 */
final class ApplianceProfileOption {
    @Option(
            names = "--appliance-profile",
            paramLabel = "NAME",
            description = "An AWS profile of the appliance's account, to check that its Impersonation role may "
                    + "assume the worker role (appliance-access).")
    String profile;

    /** The appliance's account, opened; empty when no profile was given. */
    Optional<Session> open(Sessions sessions, SourceOptions source) {
        if (profile == null) {
            return Optional.empty();
        }
        if (source.sandbox || source.authorizationDetails != null) {
            throw new UserFacingException(
                    source.sandbox
                            ? "--appliance-profile names a profile of the appliance's account, and the sandbox has no "
                                    + "profiles: check an appliance in the sandbox's Backup account from the wizard's appliance "
                                    + "step, which enters that account by role."
                            : "--appliance-profile signs in to the appliance's AWS account, which an offline file cannot be "
                                    + "checked against: use it with --profile or the default credentials.");
        }
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        SourceRequest request = new SourceRequest(
                Optional.empty(),
                Optional.of(profile),
                Optional.ofNullable(source.region),
                Optional.ofNullable(source.endpointUrl),
                false,
                Optional.empty());
        return Optional.of(sessions.open(request, new TerminalPrompts(err), () -> false, false));
    }
}
