package com.workerrolewizard.ui.appliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.app.role.RoleWorkflow;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.TestSessions;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The action catalog chosen on the appliance step, without a window, on the sandbox: a file read with the command
 * line's own reader changes what every step judges, the live session included (its simulator asks about the same
 * actions); a bad file is one sentence and changes nothing; back to the page's 33.
 */
class CatalogChoiceViewModelTest {
    private static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();

    @TempDir
    Path folder;

    private TestSessions sessions;
    private WizardState state;
    private CatalogChoiceViewModel model;

    @BeforeEach
    void start() {
        sessions = new TestSessions();
        state = new WizardState(REFERENCES);
        state.session.set(sessions.sandbox());
        state.appliance.set(AppliancePrincipal.parse(Sandbox.APPLIANCE));
        model = new CatalogChoiceViewModel(state, Background.direct(), new Workflows(REFERENCES, "test")::catalog);
    }

    @AfterEach
    void stop() {
        state.session.get().close();
        sessions.sandbox.close();
    }

    private RequirementResult permissionsOf(String role) {
        return new RoleWorkflow(state.session.get(), state.documents.get())
                .check(role, state.appliance.get()).requirements().stream()
                        .filter(r -> r.id() == RequirementId.PERMISSIONS)
                        .findFirst()
                        .orElseThrow();
    }

    @Test
    void aCatalogFileIsWhatTheRoleIsJudgedAgainstTheSimulatorIncluded() throws Exception {
        assertThat(model.using().get()).isEqualTo("Using 33 required actions from the Veeam Backup for AWS page.");
        assertThat(permissionsOf("VeeamWorkerReady").status()).isEqualTo(Status.PASS);
        Session signedIn = state.session.get();
        Path file = folder.resolve("veeam-next.txt");
        Files.writeString(
                file,
                String.join("\n", REFERENCES.builtInCatalog().actions())
                        + "\n# new in the next version\nec2:DescribeRegions\n");

        model.file().set(file.toString());
        model.fromFile().set(true);

        assertThat(model.error().get()).isEmpty();
        assertThat(model.loading().get()).isFalse();
        assertThat(state.documents.get().catalog().size()).isEqualTo(34);
        assertThat(model.using().get()).isEqualTo("Using 34 required actions from " + file + ".");
        assertThat(state.session.get())
                .as("a session asking the simulator about the 34")
                .isNotSameAs(signedIn);
        RequirementResult permissions = permissionsOf("VeeamWorkerReady");
        assertThat(permissions.status()).isEqualTo(Status.FAIL);
        assertThat(permissions.missing()).containsExactly("ec2:DescribeRegions");

        model.fromFile().set(false);
        assertThat(state.documents.get().catalog().size()).isEqualTo(33);
        assertThat(permissionsOf("VeeamWorkerReady").status()).isEqualTo(Status.PASS);
    }

    @Test
    void aFileThatCannotBeUsedIsOneSentenceAndChangesNothing() throws Exception {
        Path file = folder.resolve("bad.txt");
        Files.writeString(file, "ssm:GetDocument\nnot an action\n");
        Session signedIn = state.session.get();

        model.file().set(file.toString());
        model.fromFile().set(true);

        assertThat(model.error().get())
                .startsWith("Catalog " + file + ", line 2: \"not an action\" is not an action name")
                .doesNotContain("Exception");
        assertThat(state.documents.get().catalog().size()).isEqualTo(33);
        assertThat(state.session.get()).isSameAs(signedIn);
        assertThat(model.using().get()).contains("33 required actions");

        model.file().set(folder.resolve("missing.txt").toString());
        model.load();
        assertThat(model.error().get()).contains("missing.txt").doesNotContain("Exception");

        model.file().set("  ");
        model.load();
        assertThat(model.error().get()).isEqualTo("Name the catalog file first, or choose it with Choose….");
    }

    @Test
    void aNewSignInGetsTheCatalogInUse() throws Exception {
        Path file = folder.resolve("next.json");
        Files.writeString(file, "[\"ssm:GetDocument\"]");
        model.file().set(file.toString());
        model.fromFile().set(true);
        Session chosen = state.session.get();

        Session again = sessions.sandbox();
        state.session.set(again);
        chosen.close();

        assertThat(state.session.get())
                .as("replaced by one asking about the file's actions")
                .isNotSameAs(again);
        assertThat(state.documents.get().catalog().size()).isEqualTo(1);
        assertThat(permissionsOf("WorkerMissingPermissions").status()).isEqualTo(Status.FAIL);
        assertThat(permissionsOf("VeeamWorkerReady").status()).isEqualTo(Status.PASS);
    }
}
