package com.workerrolewizard.cli;

import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.account.UnreadableInputException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** SOURCE of the contract: where the account comes from. This version reads the offline file. */
final class SourceOptions {
    @Option(names = "--authorization-details", paramLabel = "FILE",
            description = "The JSON that 'aws iam get-account-authorization-details' prints (offline, read-only).")
    Path authorizationDetails;

    AuthorizationDetails offlineAccount() {
        if (authorizationDetails == null) {
            throw new UnreadableInputException("This version reads accounts offline only: give --authorization-details FILE "
                    + "(save the output of 'aws iam get-account-authorization-details' to FILE).");
        }
        return AuthorizationDetails.read(authorizationDetails);
    }
}
