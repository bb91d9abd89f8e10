package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The fifth row, {@code appliance-access}: shown only where the check produced it (the appliance's own role could be
 * read); elsewhere one line says why it is not listed and how to have it. Its Fix changes another role (the
 * appliance's), so Fix all never includes it: it has its own button and its own confirmation.
 */
public final class ApplianceAccessRow {
    public final RequirementRow row = new RequirementRow(RequirementId.APPLIANCE_ACCESS);
    private final BooleanProperty listed = new SimpleBooleanProperty();
    /** Why the row is not listed and how to have it; empty while it is listed. */
    private final StringProperty notListed = new SimpleStringProperty("");

    private final BooleanBinding fixable =
            Bindings.createBooleanBinding(() -> listed.get() && row.fixable(), listed, row.status);

    /** Shows the check's appliance-access result, or the sentence saying why there is none. */
    void show(RequirementResult result, String whyNot) {
        listed.set(result != null);
        if (result != null) {
            row.show(result);
            notListed.set("");
        } else {
            notListed.set(whyNot);
        }
    }

    /** A check started: the row, where listed, says "checking" until it ends. */
    void checking() {
        row.status.set(null);
    }

    public BooleanProperty listed() {
        return listed;
    }

    public StringProperty notListed() {
        return notListed;
    }

    /** Listed, and failing or undecided: its own Fix may be offered. */
    public BooleanBinding fixable() {
        return fixable;
    }
}
