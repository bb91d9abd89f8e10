package com.workerrolewizard.app.accounts;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.arn.Arn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which accounts a run covers and how it enters them (ACCOUNTS of the contract): named accounts, every ACTIVE account
 * of the organization (or of one OU), or one account per profile; entered with {@code assumeRole} (and an external
 * ID) from the signed-in identity, except the signed-in account itself.
 */
public record AccountTargets(
        List<AccountRef> named,
        boolean organization,
        Optional<String> organizationalUnit,
        String assumeRole,
        Optional<String> externalId,
        List<String> profiles) {
    public static final String DEFAULT_ROLE = "OrganizationAccountAccessRole";

    public AccountTargets {
        named = List.copyOf(named);
        profiles = List.copyOf(profiles);
    }

    /** The account IDs of {@code --accounts} or a file's lines: 12 digits each, no repeats, blank lines and # skipped. */
    public static List<AccountRef> parseIds(List<String> items, String where) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> wrong = new ArrayList<>();
        for (String item : items) {
            String id = item.replaceAll("#.*$", "").strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!Arn.isAccountId(id)) {
                wrong.add(id);
            } else {
                seen.add(id);
            }
        }
        if (!wrong.isEmpty()) {
            throw new UserFacingException(where + " holds "
                    + (wrong.size() == 1 ? "a value that is" : "values that are")
                    + " not a 12-digit account ID (" + String.join(", ", wrong.subList(0, Math.min(3, wrong.size())))
                    + (wrong.size() > 3 ? ", ..." : "") + "): give account IDs such as 111122223333.");
        }
        if (seen.isEmpty()) {
            throw new UserFacingException(where + " names no account: give at least one 12-digit account ID.");
        }
        return seen.stream().map(AccountRef::of).toList();
    }
}
