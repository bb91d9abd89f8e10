package com.workerrolewizard.app;

import com.workerrolewizard.app.export.ExportWorkflow;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.export.Exports;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What both faces are given by the composition root: the vendor page's documents, the product version, and the
 * application layer's workflows, made for the action catalog a run uses (the page's, or a {@code --catalog} file's).
 * The faces call these and nothing else of the AWS side.
 */
public final class Workflows {
    private final ReferenceDocuments references;
    private final String version;

    public Workflows(ReferenceDocuments references, String version) {
        this.references = references;
        this.version = version;
    }

    public ReferenceDocuments references() {
        return references;
    }

    public String version() {
        return version;
    }

    /** The page's actions, or those of a {@code --catalog} file (one sentence when it cannot be read). */
    public ActionCatalog catalog(Optional<Path> file) {
        return file.map(ActionCatalog::read).orElseGet(references::builtInCatalog);
    }

    public WorkerDocuments documents(ActionCatalog catalog) {
        return new WorkerDocuments(references, catalog);
    }

    public Sessions sessions(ActionCatalog catalog) {
        return new Sessions(catalog);
    }

    public RoleWorkflow roles(Session session, WorkerDocuments documents) {
        return new RoleWorkflow(session, documents);
    }

    public ExportWorkflow exports(WorkerDocuments documents) {
        return new ExportWorkflow(new Exports(documents, version));
    }
}
