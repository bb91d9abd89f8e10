package com.workerrolewizard.ui.wizard;

import com.workerrolewizard.app.role.ReadyRole;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the steps share, in one object (as Cryptomator's wizards do): the session, the appliance, the role.
 * Each step's view model reads what earlier steps set and sets its own part.
 */
public final class WizardState {
    public final ReferenceDocuments references;
    /** The page's documents with the action catalog chosen (the page's 33 unless the admin chose a file). */
    public final ObjectProperty<WorkerDocuments> documents = new SimpleObjectProperty<>();
    /** The signed-in account; null when the admin chose to generate policies only. */
    public final ObjectProperty<Session> session = new SimpleObjectProperty<>();

    public final BooleanProperty generateOnly = new SimpleBooleanProperty();
    public final ObjectProperty<AppliancePrincipal> appliance = new SimpleObjectProperty<>();
    /** The worker role's name: an existing role, or the new one to create. */
    public final StringProperty roleName = new SimpleStringProperty();

    public final BooleanProperty newRole = new SimpleBooleanProperty();

    /** True while changes are being written: the wizard's navigation waits until they are done. */
    public final BooleanProperty applying = new SimpleBooleanProperty();
    /** What this session changed in the account, one line per write made or reverted (for the Finish step). */
    public final ObservableList<String> changes = FXCollections.observableArrayList();
    /** The role as it meets every requirement, with what to enter in the appliance; null while it does not. */
    public final ObjectProperty<ReadyRole> ready = new SimpleObjectProperty<>();
    /** The appliance's own account, entered for appliance-access when the appliance is in another account; or null. */
    public final ObjectProperty<Session> applianceSession = new SimpleObjectProperty<>();

    public WizardState(ReferenceDocuments references) {
        this.references = references;
        this.documents.set(new WorkerDocuments(references, references.builtInCatalog()));
    }
}
