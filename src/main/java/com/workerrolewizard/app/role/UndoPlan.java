package com.workerrolewizard.app.role;

import java.nio.file.Path;
import java.util.List;

/**
 * What undo would revert, shown before it is confirmed: the newest applied plan of the journal, its steps (last
 * write first), and whether it deletes a role created by the wizard.
 *
 * @param steps one sentence per reverting write; a write of unknown outcome says that undo first checks IAM
 * @param record the journal record it reverts, so that what is undone is what was shown
 */
public record UndoPlan(
        String kind,
        String role,
        String account,
        String time,
        List<String> steps,
        boolean deletesRole,
        Path journal,
        String record) {
    public UndoPlan {
        steps = List.copyOf(steps);
    }
}
