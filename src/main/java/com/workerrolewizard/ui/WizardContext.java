package com.workerrolewizard.ui;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.common.SaveDialog;
import com.workerrolewizard.ui.wizard.AwsSessionFactory;
import com.workerrolewizard.ui.wizard.SessionFactory;

/**
 * What the wizard is built from, handed over by the composition root (JavaFX creates the Application itself,
 * so this is how its dependencies reach it).
 *
 * @param sandbox open directly on the built-in sandbox account ({@code --sandbox})
 */
public record WizardContext(ReferenceDocuments references, SessionFactory sessions, Background background, boolean sandbox,
        String version, SaveDialog saveDialog) {

    public WizardContext(ReferenceDocuments references, SessionFactory sessions, Background background, boolean sandbox,
            String version) {
        this(references, sessions, background, sandbox, version, SaveDialog.fileChooser());
    }

    public static WizardContext standard(boolean sandbox) {
        ReferenceDocuments references = ReferenceDocuments.load();
        return new WizardContext(references, new AwsSessionFactory(references.builtInCatalog()), Background.fx(), sandbox,
                com.workerrolewizard.ProductVersion.get());
    }
}
