package com.workerrolewizard;

import com.workerrolewizard.cli.Commands;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The one place that wires the program together, with constructors. */
public final class CompositionRoot {
    private final ReferenceDocuments references;

    public CompositionRoot() {
        this.references = ReferenceDocuments.load();
    }

    /** Runs a headless command; output is UTF-8 whatever the platform's default, so JSON reaches scripts intact. */
    public int runCommand(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return Commands.create(references, out, err).execute(args);
    }
}
