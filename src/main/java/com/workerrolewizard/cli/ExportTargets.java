package com.workerrolewizard.cli;

import com.workerrolewizard.app.accounts.AccountTargets;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.export.Rollout;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.text.ControlCharacters;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ACCOUNTS of an export ({@code --format stackset}, {@code --format terraform}): the same options and parsing as for
 * check and fix, read as targets of a rollout. Nothing is signed in to: the export runs offline.
 */
final class ExportTargets {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private ExportTargets() {}

    /** The StackSet's targets; none given leaves them to the variables at the script's top. */
    static Rollout stackSet(AccountsOption options, Optional<String> region) {
        if (options.profiles != null) {
            throw new UserFacingException("--profiles signs in to accounts, which the StackSet export never does: name "
                    + "the accounts with --accounts or --accounts-file, or an OU with --organizational-unit.");
        }
        if (options.entry.given()) {
            throw new UserFacingException(
                    "A service-managed StackSet enters the accounts through AWS Organizations "
                            + "itself: drop --assume-role and --external-id (they are for check, fix and the Terraform export).");
        }
        String where = region(region);
        if (!options.given() && options.organizationalUnit == null) {
            return Rollout.none(where);
        }
        AccountTargets targets = targets(options);
        if (targets.organization()) {
            List<String> units = targets.organizationalUnit().map(List::of).orElse(List.of());
            return new Rollout(List.of(), units, units.isEmpty(), where, Rollout.DEFAULT_ASSUME_ROLE, Optional.empty());
        }
        return new Rollout(ids(targets), List.of(), false, where, Rollout.DEFAULT_ASSUME_ROLE, Optional.empty());
    }

    /** Terraform's accounts, each entered with the assumed role; empty when no account was named. */
    static Optional<Rollout> terraform(AccountsOption options, Optional<String> region) {
        if (!options.given() && options.organizationalUnit == null) {
            if (options.entry.given()) {
                throw new UserFacingException(
                        "--assume-role and --external-id enter the accounts of --accounts: name them too.");
            }
            return Optional.empty();
        }
        if (options.profiles != null) {
            throw new UserFacingException("The Terraform export names accounts by ID: give --accounts ID,... or "
                    + "--accounts-file instead of --profiles.");
        }
        AccountTargets targets = targets(options);
        if (targets.organization()) {
            throw new UserFacingException("Terraform needs each account's ID for its provider, and the export reads no "
                    + "organization: give --accounts ID,... or --accounts-file (or use --format stackset for an OU).");
        }
        IamLimits.roleName(targets.assumeRole()).ifPresent(problem -> {
            throw new UserFacingException("--assume-role: " + problem);
        });
        return Optional.of(new Rollout(
                ids(targets), List.of(), false, region(region), targets.assumeRole(), targets.externalId()));
    }

    /**
     * The options as check and fix read them, except that for an export an OU alone names that OU: it is read as
     * {@code --accounts organization --organizational-unit ou-...}.
     */
    private static AccountTargets targets(AccountsOption options) {
        if (options.organizationalUnit != null && options.accounts == null && options.accountsFile == null) {
            options.accounts = "organization";
        }
        return options.targets();
    }

    private static List<String> ids(AccountTargets targets) {
        return targets.named().stream().map(AccountRef::id).toList();
    }

    private static String region(Optional<String> region) {
        String name = region.map(String::strip).orElse(Rollout.DEFAULT_REGION);
        if (!REGION.matcher(name).matches()) {
            throw new UserFacingException(
                    "\"" + ControlCharacters.escape(name) + "\" is not an AWS region: give one such as us-east-1.");
        }
        return name;
    }
}
