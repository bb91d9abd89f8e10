package com.workerrolewizard;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.cli.Commands;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.ui.WizardApplication;
import com.workerrolewizard.ui.WizardContext;
import com.workerrolewizard.ui.common.Background;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The one place that wires the program together, with constructors, for both faces. The house it builds:
 * the faces ({@code cli}, {@code ui}) call the application layer ({@code app}: sessions, role and export workflows),
 * which alone calls the gateways ({@code aws}, {@code journal}, {@code signin}, {@code sandbox}, {@code files}); all of
 * them use the core ({@code core}: policies, evaluation, requirements, plans, exports), which uses nothing of ours.
 * Nothing calls up; ArchitectureTest says so.
 */
public final class CompositionRoot {
    private final Workflows workflows;

    public CompositionRoot() {
        this.workflows = new Workflows(ReferenceDocuments.load(), ProductVersion.get());
    }

    /** Runs a headless command; output is UTF-8 whatever the platform's default, so JSON reaches scripts intact. */
    public int runCommand(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return Commands.create(workflows, out, err).execute(args);
    }

    /** Opens the desktop wizard (on the sandbox with {@code --sandbox}); returns when its window is closed. */
    public void openWizard(String[] args, boolean sandbox) {
        WizardContext context = new WizardContext(
                workflows, workflows.sessions(workflows.references().builtInCatalog()), Background.fx(), sandbox);
        WizardApplication.open(args, context);
    }
}
