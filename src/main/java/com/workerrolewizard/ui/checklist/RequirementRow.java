package com.workerrolewizard.ui.checklist;

import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.Status;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One requirement's row of the checklist; a null status means it is being checked. */
public final class RequirementRow {
    public final RequirementId id;
    public final ObjectProperty<Status> status = new SimpleObjectProperty<>();
    public final StringProperty detail = new SimpleStringProperty("");
    /** Details on demand: every missing action with its reason (empty when the detail says it all). */
    public final StringProperty more = new SimpleStringProperty("");

    RequirementRow(RequirementId id) {
        this.id = id;
    }

    /** Shows the requirement's result: its status, its reason, and every missing action with its own. */
    void show(RequirementResult result) {
        status.set(result.status());
        detail.set(result.detail());
        StringBuilder reasons = new StringBuilder();
        result.reasons()
                .forEach((action, reason) ->
                        reasons.append(action).append(": ").append(reason).append('\n'));
        more.set(reasons.toString().strip());
    }

    public boolean fixable() {
        return status.get() == Status.FAIL || status.get() == Status.UNKNOWN;
    }
}
