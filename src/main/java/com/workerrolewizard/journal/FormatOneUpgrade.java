package com.workerrolewizard.journal;

import java.util.List;
import java.util.Optional;

/**
 * Journal format 1 marked an undone plan only by the undo record that followed it. Format 2 marks each write an
 * undo took back as REVERTED, so this finds, for each write a format 1 undo reverted, the write it reverted.
 */
final class FormatOneUpgrade {
    private FormatOneUpgrade() {}

    static void apply(List<JournalRecord> records) {
        for (JournalRecord undo : records) {
            if (!"undo".equals(undo.kind()) || undo.undoes() == null) {
                continue;
            }
            Optional<JournalRecord> target =
                    records.stream().filter(r -> r.id().equals(undo.undoes())).findFirst();
            if (target.isEmpty()) {
                continue;
            }
            List<JournalEntry> undone = undo.entries();
            for (int u = 0; u < undone.size(); u++) {
                JournalEntry step = undone.get(u);
                if (step.state() != JournalEntry.State.APPLIED && step.state() != JournalEntry.State.SKIPPED) {
                    continue;
                }
                List<JournalEntry> writes = target.get().entries();
                for (int w = 0; w < writes.size(); w++) {
                    JournalEntry write = writes.get(w);
                    if (write.state() == JournalEntry.State.APPLIED
                            && write.parameters().equals(step.parameters())
                            && UndoStep.revertAction(write.action()).equals(step.action())) {
                        writes.set(w, write.with(JournalEntry.State.REVERTED));
                        undone.set(u, step.reverting(w));
                        break;
                    }
                }
            }
        }
    }
}
