package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.app.accounts.AccountResult;
import com.workerrolewizard.core.account.AccountRef;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.Status;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One account's row of the matrix: its check's result (null while it is checked) and what the last fix did there. */
public final class AccountRow {
    final AccountRef account;
    final ObjectProperty<AccountResult> result = new SimpleObjectProperty<>();
    /** What the last "Fix all across accounts" did here, in one sentence; empty before one. */
    final StringProperty fixed = new SimpleStringProperty("");

    AccountRow(AccountRef account) {
        this.account = account;
    }

    public AccountRef account() {
        return account;
    }

    public ObjectProperty<AccountResult> result() {
        return result;
    }

    public StringProperty fixed() {
        return fixed;
    }

    /** The account's requirements (the four, and the fifth where it was read); empty while checked or not entered. */
    public List<RequirementResult> requirements() {
        AccountResult known = result.get();
        return known == null || known.roles().isEmpty()
                ? List.of()
                : known.roles().get(0).requirements();
    }

    /** A requirement's status: null while checked; UNKNOWN where the account could not be entered or read. */
    public Status status(RequirementId id) {
        if (result.get() == null) {
            return null;
        }
        return requirements().stream()
                .filter(r -> r.id() == id)
                .map(RequirementResult::status)
                .findFirst()
                .orElse(Status.UNKNOWN);
    }

    /** Why the account could not be entered or read; empty when it was. */
    public Optional<String> problem() {
        return result.get() == null ? Optional.empty() : result.get().problem();
    }

    /** Whether every requirement holds here. */
    public boolean passes() {
        return result.get() != null
                && problem().isEmpty()
                && !requirements().isEmpty()
                && requirements().stream().noneMatch(r -> r.status() == Status.FAIL || r.status() == Status.UNKNOWN);
    }
}
