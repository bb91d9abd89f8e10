package com.workerrolewizard.app.accounts;

import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.requirement.RoleReport;
import java.util.List;
import java.util.Optional;

/**
 * One account of a multi-account check: its reports, or why it could not be entered or read (which counts as
 * UNKNOWN).
 */
public record AccountResult(AccountRef account, Optional<String> problem, List<RoleReport> roles) {
    public AccountResult {
        roles = List.copyOf(roles);
    }
}
