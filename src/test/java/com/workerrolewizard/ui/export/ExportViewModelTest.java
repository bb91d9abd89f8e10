package com.workerrolewizard.ui.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.session.SandboxSession;
import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.export.ExportSubject;
import com.workerrolewizard.core.export.Exports;
import com.workerrolewizard.core.export.JsonExport;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Step 5 without a window: the export of the sandbox's roles, the clipboard and the files. */
class ExportViewModelTest {
    private static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();
    private static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(Sandbox.APPLIANCE);

    @RegisterExtension
    static final SandboxSession SANDBOX = new SandboxSession();

    @TempDir
    Path folder;

    private WizardState state;
    private Exports exports;
    private final List<String> clipboard = new ArrayList<>();
    private NewRoleRequest request;
    private PermissionsMode mode;
    private ExportViewModel model;

    @BeforeEach
    void openStep() {
        state = new WizardState(REFERENCES);
        state.session.set(SANDBOX.get());
        state.appliance.set(APPLIANCE);
        exports = new Exports(state.documents.get(), "test");
        model = new ExportViewModel(
                state,
                documents -> new com.workerrolewizard.app.export.ExportWorkflow(new Exports(documents, "test")),
                Background.direct(),
                clipboard::add,
                () -> request,
                () -> mode);
    }

    private String json(ExportSubject subject, JsonExport.Document document) {
        return exports.render(subject, ExportFormat.JSON, Optional.of(document));
    }

    @Test
    void anExistingRoleExportsWhatExportsMakesAndAReport() {
        state.roleName.set("WorkerFailingAll");

        model.shown();

        ExportSubject expected = exports.forRole(
                SANDBOX.get().account().role("WorkerFailingAll"),
                APPLIANCE,
                SANDBOX.get().account().facts(),
                PermissionsMode.INLINE);
        assertThat(model.error().get()).isNull();
        assertThat(model.shown(ExportItem.TRUST).get())
                .isEqualTo(json(expected, JsonExport.Document.TRUST))
                .contains(Sandbox.APPLIANCE)
                .contains("lambda.amazonaws.com");
        assertThat(model.shown(ExportItem.PERMISSIONS).get())
                .isEqualTo(json(expected, JsonExport.Document.PERMISSIONS));
        assertThat(model.shown(ExportItem.BUNDLE).get())
                .isEqualTo(exports.render(expected, ExportFormat.CLI, Optional.empty()))
                .contains("aws iam");
        model.bundleFormat().set(ExportFormat.TERRAFORM);
        assertThat(model.shown(ExportItem.BUNDLE).get())
                .isEqualTo(exports.render(expected, ExportFormat.TERRAFORM, Optional.empty()));

        String report = model.shown(ExportItem.REPORT).get();
        assertThat(report)
                .startsWith("# Worker role check: WorkerFailingAll")
                .contains("arn:aws:iam::123456789012:role/WorkerFailingAll")
                .contains(Sandbox.APPLIANCE)
                .contains("| The role is in an instance profile | FAIL |")
                .contains("| The EC2 service may assume the role | FAIL |")
                .contains("| The role has the required permissions | FAIL |");
        assertThat(report.lines().filter(l -> l.matches("\\| .* \\| (PASS|WARN|FAIL|UNKNOWN) \\| .*")))
                .hasSize(4);
        assertThat(model.summary().get()).contains("WorkerFailingAll").contains("0 of 4");
    }

    @Test
    void aPassingRoleReportsFourPasses() {
        state.roleName.set("VeeamWorkerReady");

        model.shown();

        assertThat(model.shown(ExportItem.REPORT).get().lines().filter(l -> l.contains(" | PASS | ")))
                .hasSize(4);
        assertThat(model.summary().get()).contains("4 of 4");
        // A live account's exported documents are validated by IAM Access Analyzer, and the result is on screen.
        assertThat(model.summary().get()).contains("IAM Access Analyzer").doesNotContain("not validated");
    }

    @Test
    void copyPutsTheExactJsonOnTheClipboard() {
        state.roleName.set("WorkerWithoutEc2Trust");
        model.shown();

        model.handOver().copy(ExportItem.TRUST);
        model.handOver().copy(ExportItem.PERMISSIONS);

        ExportSubject expected = exports.forRole(
                SANDBOX.get().account().role("WorkerWithoutEc2Trust"),
                APPLIANCE,
                SANDBOX.get().account().facts(),
                PermissionsMode.INLINE);
        assertThat(clipboard)
                .containsExactly(
                        json(expected, JsonExport.Document.TRUST), json(expected, JsonExport.Document.PERMISSIONS));
        assertThat(model.handOver().message().get()).contains("permissions policy");
    }

    @Test
    void saveWritesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        state.roleName.set("WorkerFailingAll");
        model.shown();
        Path target = folder.resolve("trust.json");
        Files.writeString(target, "an older export that must be replaced whole");

        model.handOver().save(ExportItem.TRUST, target);

        assertThat(model.handOver().error().get()).isNull();
        assertThat(Files.readString(target))
                .isEqualTo(model.shown(ExportItem.TRUST).get());
        assertThat(model.handOver().message().get()).contains(target.toString());
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files)
                    .as("the temporary file was renamed, not left behind")
                    .containsExactly(target);
        }

        model.bundleFormat().set(ExportFormat.CLI);
        Path script = folder.resolve("worker-role.sh");
        model.handOver().save(ExportItem.BUNDLE, script);
        assertThat(Files.readString(script))
                .isEqualTo(model.shown(ExportItem.BUNDLE).get());
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(script)).contains(PosixFilePermission.OWNER_EXECUTE);
        }
    }

    @Test
    void aSaveThatCannotHappenSaysWhy() {
        state.roleName.set("WorkerFailingAll");
        model.shown();

        Path missing = folder.resolve("no-such-folder").resolve("trust.json");
        model.handOver().save(ExportItem.TRUST, missing);
        assertThat(model.handOver().error().get()).contains("does not exist");
        assertThat(Files.exists(missing)).isFalse();

        model.handOver().save(ExportItem.PERMISSIONS, folder);
        assertThat(model.handOver().error().get()).contains("is a folder");
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    @Test
    void aSaveNeverGoesOverOrThroughWhatIsNotARegularFile() throws Exception {
        state.roleName.set("WorkerFailingAll");
        model.shown();

        Path gone = folder.resolve("gone.json");
        Path dangling = Files.createSymbolicLink(folder.resolve("dangling.json"), gone);
        model.handOver().save(ExportItem.TRUST, dangling);
        assertThat(model.handOver().error().get()).contains(dangling.toString()).contains("symbolic link");
        assertThat(Files.isSymbolicLink(dangling)).isTrue();
        assertThat(gone).doesNotExist();

        Path real = Files.writeString(folder.resolve("real.json"), "keep\n");
        Path link = Files.createSymbolicLink(folder.resolve("link.json"), real);
        model.handOver().save(ExportItem.TRUST, link);
        assertThat(model.handOver().error().get()).contains("symbolic link");
        assertThat(real).hasContent("keep");
        assertThat(Files.isSymbolicLink(link)).isTrue();

        Optional<Path> fifo = com.workerrolewizard.SpecialFiles.fifo(folder.resolve("pipe"));
        if (fifo.isPresent()) {
            model.handOver().save(ExportItem.TRUST, fifo.get());
            assertThat(model.handOver().error().get())
                    .isEqualTo(fifo.get() + " is a named pipe, not a regular file: choose another name.");
            assertThat(Files.isRegularFile(fifo.get())).isFalse();
        }
    }

    @Test
    void generateOnlyWorksWithoutASession() throws Exception {
        state.session.set(null);
        state.generateOnly.set(true);

        model.shown();

        ExportSubject expected = exports.forNewRole(
                NewRoleRequest.named("VeeamWorkerRole"), APPLIANCE, AccountFacts.none(), PermissionsMode.INLINE);
        assertThat(model.error().get()).isNull();
        assertThat(model.shown(ExportItem.TRUST).get()).isEqualTo(json(expected, JsonExport.Document.TRUST));
        assertThat(model.shown(ExportItem.PERMISSIONS).get())
                .isEqualTo(json(expected, JsonExport.Document.PERMISSIONS));
        assertThat(model.result().get().bundles())
                .containsOnlyKeys(com.workerrolewizard.app.export.ExportBundle.FORMATS);
        assertThat(model.result().get().bundles().get(ExportFormat.CLOUDFORMATION))
                .contains("VeeamWorkerRole");
        assertThat(model.shown(ExportItem.REPORT).get()).isEmpty();
        assertThat(model.shown(ExportItem.WHOLE_ROLE).get())
                .as("with no account the change is the whole role")
                .isEqualTo(model.shown(ExportItem.BUNDLE).get());
        model.bundleFormat().set(ExportFormat.TERRAFORM);
        assertThat(model.shown(ExportItem.WHOLE_ROLE).get()).contains("aws_iam_role");
        assertThat(model.handOver().suggestedFileName(ExportItem.WHOLE_ROLE)).isEqualTo("create-worker-role.tf");
        model.bundleFormat().set(ExportFormat.CLI);
        assertThat(model.summary().get())
                .contains("VeeamWorkerRole")
                .contains(Sandbox.APPLIANCE)
                .contains("IAM Access Analyzer: not validated (no account is signed in).");

        Path report = folder.resolve("report.md");
        model.handOver().save(ExportItem.REPORT, report);
        assertThat(model.handOver().error().get()).contains("check report");
        assertThat(Files.exists(report)).isFalse();
        model.handOver().copy(ExportItem.REPORT);
        assertThat(clipboard).isEmpty();
    }

    @Test
    void aNewRoleExportsTheRequestAndTheChosenMode() {
        state.newRole.set(true);
        state.roleName.set("BrandNewWorker");
        request = new NewRoleRequest("BrandNewWorker", "/veeam/", "Veeam workers", null, List.of(), null);
        mode = PermissionsMode.MANAGED;

        model.shown();

        ExportSubject subject = model.result().get().subject();
        assertThat(subject.roleName()).isEqualTo("BrandNewWorker");
        assertThat(subject.path()).isEqualTo("/veeam/");
        assertThat(subject.mode()).isEqualTo(PermissionsMode.MANAGED);
        assertThat(subject.plan().newRole()).isTrue();
        assertThat(model.permissionsMode().get()).isEqualTo(PermissionsMode.MANAGED);
        assertThat(model.shown(ExportItem.REPORT).get()).isEmpty();
        assertThat(model.shown(ExportItem.BUNDLE).get()).contains("create-role").contains("create-policy");

        model.permissionsMode().set(PermissionsMode.INLINE);
        assertThat(model.result().get().subject().mode())
                .as("another mode makes the export again")
                .isEqualTo(PermissionsMode.INLINE);
        assertThat(model.shown(ExportItem.BUNDLE).get())
                .contains("put-role-policy")
                .doesNotContain("create-policy");
    }

    @Test
    void withoutAnApplianceTheErrorSaysWhereToGo() {
        state.appliance.set(null);
        state.roleName.set("WorkerFailingAll");

        model.shown();

        assertThat(model.result().get()).isNull();
        assertThat(model.error().get()).contains("step 2");
        assertThat(model.busy().get()).isFalse();
    }
}
