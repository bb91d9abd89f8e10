package com.workerrolewizard.app.accounts;

import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.role.UndoPlan;
import com.workerrolewizard.app.session.Session;
import java.util.Optional;

/** Undo in one account of several: what its own last fix would revert, whatever other accounts' plans the journal holds. */
public final class AccountUndo {
    private AccountUndo() {}

    /**
     * What undo would revert in {@code session}'s account; empty when the journal holds nothing of that account left to
     * undo (plans of other accounts are theirs to undo, and are not this account's problem).
     */
    public static Optional<UndoPlan> plan(Session session, RoleWorkflow roles) {
        if (session.journal().lastUndoable(session.operator().account()).isEmpty()) {
            return Optional.empty();
        }
        return roles.undoPlan();
    }
}
