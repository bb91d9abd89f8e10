package com.workerrolewizard.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.TestSessions;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The header above every step after sign-in names the account (and the sandbox), the role and the appliance. */
class ContextHeaderViewModelTest {

    @Test
    void theHeaderFollowsTheStateAndShowsFromTheApplianceStepOn() {
        WizardState state = new WizardState(ReferenceDocuments.load());
        SimpleObjectProperty<WizardStep> current = new SimpleObjectProperty<>(WizardStep.SIGN_IN);
        ContextHeaderViewModel header = new ContextHeaderViewModel(state, current);
        assertThat(header.shown().get()).isFalse();
        assertThat(header.role().get()).isEqualTo("not chosen yet");
        assertThat(header.appliance().get()).isEqualTo("not entered yet");

        TestSessions sessions = new TestSessions();
        try {
            state.session.set(sessions.sandbox());
            assertThat(header.account().get()).isEqualTo(Sandbox.ACCOUNT);
            assertThat(header.sandbox().get()).isTrue();
            current.set(WizardStep.APPLIANCE);
            assertThat(header.shown().get()).isTrue();
            state.appliance.set(AppliancePrincipal.parse(Sandbox.APPLIANCE));
            assertThat(header.appliance().get()).isEqualTo(Sandbox.APPLIANCE);
            state.roleName.set("WorkerFailingAll");
            assertThat(header.role().get()).isEqualTo("WorkerFailingAll");
            state.newRole.set(true);
            assertThat(header.role().get()).isEqualTo("WorkerFailingAll (new, not created yet)");

            state.generateOnly.set(true);
            assertThat(header.sandbox().get())
                    .as("no account when generating only")
                    .isFalse();
            assertThat(header.account().get()).startsWith("none");
            current.set(WizardStep.FINISH);
            assertThat(header.shown().get()).isTrue();
        } finally {
            state.session.get().close();
            sessions.sandbox.close();
        }
    }
}
