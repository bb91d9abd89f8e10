package com.workerrolewizard.cli;

import com.workerrolewizard.app.accounts.AccountTargets;
import java.util.Optional;
import picocli.CommandLine.Option;

/** How another account is entered from the signed-in identity: the role assumed there and its external ID. */
final class EntryOption {
    @Option(
            names = "--assume-role",
            paramLabel = "NAME",
            description = "The role assumed in each account (default: OrganizationAccountAccessRole).")
    String assumeRole;

    @Option(names = "--external-id", paramLabel = "ID", description = "The external ID the assumed role requires.")
    String externalId;

    boolean given() {
        return assumeRole != null || externalId != null;
    }

    String role() {
        return assumeRole == null ? AccountTargets.DEFAULT_ROLE : assumeRole;
    }

    Optional<String> externalIdGiven() {
        return Optional.ofNullable(externalId);
    }
}
