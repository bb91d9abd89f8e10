package com.workerrolewizard.cli;

import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --catalog FILE}, which every command takes: a list of required actions replacing the page's. */
final class CatalogOption {
    @Option(names = "--catalog", paramLabel = "FILE",
            description = "Required actions replacing the page's 33: one per line, a JSON array, or a permissions policy.")
    Path file;

    ActionCatalog resolve(ReferenceDocuments references) {
        return file == null ? references.builtInCatalog() : ActionCatalog.read(file);
    }

    static String describe(ActionCatalog catalog) {
        return catalog.size() + " required actions from " + catalog.source();
    }
}
