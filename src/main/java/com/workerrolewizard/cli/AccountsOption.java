package com.workerrolewizard.cli;

import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.account.BoundedInput;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** ACCOUNTS of the contract: which accounts a command covers and how it enters them. */
final class AccountsOption {
    private static final BoundedInput.Expectation FILE = new BoundedInput.Expectation(
            "--accounts-file", "account IDs, one per line", 1024 * 1024, "an account list holds IDs only");

    @Option(
            names = "--accounts",
            paramLabel = "ID,ID,...|organization",
            description = "Check (or fix) the role in these accounts, or in every ACTIVE account of the organization.")
    String accounts;

    @Option(names = "--accounts-file", paramLabel = "FILE", description = "The accounts, one ID per line.")
    Path accountsFile;

    @Option(
            names = "--organizational-unit",
            paramLabel = "ou-...",
            description = "With --accounts organization: only the accounts of this organizational unit.")
    String organizationalUnit;

    @Mixin
    EntryOption entry = new EntryOption();

    @Option(names = "--profiles", paramLabel = "a,b,c", description = "One account per AWS profile.")
    String profiles;

    boolean given() {
        return accounts != null || accountsFile != null || profiles != null;
    }

    AccountTargets targets() {
        int ways = (accounts != null ? 1 : 0) + (accountsFile != null ? 1 : 0) + (profiles != null ? 1 : 0);
        if (ways > 1) {
            throw new UserFacingException(
                    "--accounts, --accounts-file and --profiles each name the accounts: give one of them.");
        }
        boolean organization = "organization".equalsIgnoreCase(accounts == null ? "" : accounts.strip());
        if (organizationalUnit != null && !organization) {
            throw new UserFacingException("--organizational-unit narrows --accounts organization: give both.");
        }
        if (organizationalUnit != null && !organizationalUnit.matches("ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}")) {
            throw new UserFacingException("\"" + organizationalUnit + "\" is not an organizational unit ID: they look "
                    + "like ou-ab12-cd34ef56.");
        }
        if (profiles != null && entry.given()) {
            throw new UserFacingException("--profiles signs in to each account with its own profile: --assume-role and "
                    + "--external-id do not apply.");
        }
        List<AccountRef> named = List.of();
        if (accounts != null && !organization) {
            named = AccountTargets.parseIds(Arrays.asList(accounts.split(",", -1)), "--accounts");
        } else if (accountsFile != null) {
            named = AccountTargets.parseIds(
                    BoundedInput.read(accountsFile, FILE).lines().toList(), accountsFile.toString());
        }
        List<String> profileNames = profiles == null
                ? List.of()
                : Arrays.stream(profiles.split(","))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .distinct()
                        .toList();
        if (profiles != null && profileNames.isEmpty()) {
            throw new UserFacingException("--profiles names no profile: give profile names separated by commas.");
        }
        return new AccountTargets(
                named,
                organization,
                Optional.ofNullable(organizationalUnit),
                entry.role(),
                entry.externalIdGiven(),
                profileNames);
    }
}
