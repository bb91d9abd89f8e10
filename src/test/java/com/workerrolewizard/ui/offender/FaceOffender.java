package com.workerrolewizard.ui.offender;

import com.workerrolewizard.journal.Journal;
import java.nio.file.Path;

/**
 * A test-only class in a wizard package that breaks the faces' rule on purpose (it opens the journal itself instead of
 * asking the application layer): the architecture test proves its rule reports it. Production code never sees it.
 */
public final class FaceOffender {
    public Journal journal(Path folder) {
        return Journal.open(folder);
    }
}
