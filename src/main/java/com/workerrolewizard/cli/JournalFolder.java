package com.workerrolewizard.cli;

import com.workerrolewizard.journal.AppDataFolder;
import java.nio.file.Path;

/** Where the journal of live writes is kept. */
final class JournalFolder {
    private JournalFolder() {
    }

    static Path live() {
        return AppDataFolder.resolve();
    }
}
