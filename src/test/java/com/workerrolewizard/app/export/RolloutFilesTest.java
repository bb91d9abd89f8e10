package com.workerrolewizard.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.export.ExportSubject;
import com.workerrolewizard.core.export.Exports;
import com.workerrolewizard.core.export.Rollout;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rollout exports' files: the template or module beside the main file, written first, never over a file. */
class RolloutFilesTest {
    private static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();
    private static final Exports RENDER =
            new Exports(new WorkerDocuments(REFERENCES, REFERENCES.builtInCatalog()), "test");
    private static final ExportWorkflow EXPORTS = new ExportWorkflow(RENDER);
    private static final Rollout ACCOUNTS =
            new Rollout(List.of("222222222222"), List.of(), false, "us-east-1", "Admin", Optional.empty());

    @TempDir
    Path temp;

    static ExportSubject subject() {
        return EXPORTS.forNewRole(
                NewRoleRequest.named("VeeamWorkerRole"),
                AppliancePrincipal.parse("arn:aws:iam::111122223333:role/VeeamImpersonation"),
                PermissionsMode.INLINE);
    }

    @Test
    void theStackSetTemplateIsWrittenBesideTheScriptAndNamedInIt() throws Exception {
        Path script = temp.resolve("rollout.sh");
        ExportWorkflow.RolloutFiles files = EXPORTS.stackSet(subject(), ACCOUNTS, Optional.of(script));
        ExportWorkflow.write(script, files, false, true);
        assertThat(Files.readString(temp.resolve("rollout-template.yaml")))
                .isEqualTo(RENDER.render(subject(), ExportFormat.CLOUDFORMATION, Optional.empty()));
        assertThat(Files.readString(script))
                .contains("rollout-template.yaml")
                .doesNotContain("AWSTemplateFormatVersion");
        assertThat(Files.isExecutable(script)).isTrue();
    }

    @Test
    void withoutATargetFileTheTemplateIsEmbedded() {
        ExportWorkflow.RolloutFiles files = EXPORTS.stackSet(subject(), ACCOUNTS, Optional.empty());
        assertThat(files.beside()).isEmpty();
        assertThat(files.text()).contains("AWSTemplateFormatVersion");
    }

    @Test
    void terraformsModuleIsTheOneAccountExportInItsOwnFolder() throws Exception {
        Path root = temp.resolve("main.tf");
        ExportWorkflow.write(root, EXPORTS.terraformAccounts(subject(), ACCOUNTS), false, false);
        assertThat(Files.readString(temp.resolve("worker-role/main.tf")))
                .isEqualTo(RENDER.render(subject(), ExportFormat.TERRAFORM, Optional.empty()));
        assertThat(Files.readString(root)).contains("source        = \"./worker-role\"");
    }

    @Test
    void anExistingFileBesideIsKeptAndNothingIsWrittenWithoutForce() throws Exception {
        Path script = temp.resolve("rollout.sh");
        Files.writeString(temp.resolve("rollout-template.yaml"), "keep me\n");
        ExportWorkflow.RolloutFiles files = EXPORTS.stackSet(subject(), ACCOUNTS, Optional.of(script));
        assertThatThrownBy(() -> ExportWorkflow.write(script, files, false, true))
                .isInstanceOf(SaveRefusedException.class)
                .hasMessageContaining("rollout-template.yaml exists already: add --force");
        assertThat(Files.readString(temp.resolve("rollout-template.yaml"))).isEqualTo("keep me\n");
        assertThat(script).doesNotExist();
        ExportWorkflow.write(script, files, true, true);
        assertThat(Files.readString(temp.resolve("rollout-template.yaml"))).startsWith("# Worker Role Wizard");
    }

    @Test
    void aMissingFolderIsNamedAndNothingIsCreated() throws Exception {
        Path root = temp.resolve("no-such-folder/main.tf");
        assertThatThrownBy(
                        () -> ExportWorkflow.write(root, EXPORTS.terraformAccounts(subject(), ACCOUNTS), false, false))
                .hasMessageContaining("Folder " + temp.resolve("no-such-folder") + " does not exist");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).isEmpty();
        }
    }
}
