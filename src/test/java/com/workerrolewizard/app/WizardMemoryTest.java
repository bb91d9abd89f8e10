package com.workerrolewizard.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.ui.appliance.ApplianceViewModel;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last choices survive a restart, and nothing secret is among them. */
class WizardMemoryTest {
    @TempDir
    Path home;

    private String before;

    @BeforeEach
    void useTemporaryHome() {
        before = System.getProperty("worker.role.wizard.home");
        System.setProperty("worker.role.wizard.home", home.toString());
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("worker.role.wizard.home");
        } else {
            System.setProperty("worker.role.wizard.home", before);
        }
    }

    @Test
    void valuesAreRememberedAcrossLoads() throws Exception {
        WizardMemory.load().put(WizardMemory.PROFILE, "prod");
        WizardMemory.load().put(WizardMemory.REGION, "eu-west-1");
        WizardMemory again = WizardMemory.load();
        assertThat(again.get(WizardMemory.PROFILE)).contains("prod");
        assertThat(again.get(WizardMemory.REGION)).contains("eu-west-1");
        assertThat(Files.readString(home.resolve("wizard.properties"))).contains("no secrets");
    }

    @Test
    void theApplianceOfTheLastRunIsOfferedAndAValidOneIsRemembered() {
        WizardMemory memory = WizardMemory.load();
        ApplianceViewModel first = new ApplianceViewModel(
                new WizardState(ReferenceDocuments.load()), Background.direct(), () -> Optional.of(memory));
        first.text().set("arn:aws:iam::111122223333:role/VeeamImpersonation");
        first.remember();
        WizardState state = new WizardState(ReferenceDocuments.load());
        ApplianceViewModel next =
                new ApplianceViewModel(state, Background.direct(), () -> Optional.of(WizardMemory.load()));
        next.prefill();
        assertThat(next.text().get()).isEqualTo("arn:aws:iam::111122223333:role/VeeamImpersonation");
        assertThat(state.appliance.get()).isNotNull();
    }

    @Test
    void anInvalidApplianceIsNotRemembered() {
        WizardMemory memory = WizardMemory.load();
        ApplianceViewModel model = new ApplianceViewModel(
                new WizardState(ReferenceDocuments.load()), Background.direct(), () -> Optional.of(memory));
        model.text().set("not an arn");
        model.remember();
        assertThat(WizardMemory.load().get(WizardMemory.APPLIANCE)).isEmpty();
        assertThat(model.error().get()).contains("not an IAM role ARN");
    }
}
