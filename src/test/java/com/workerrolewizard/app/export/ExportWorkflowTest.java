package com.workerrolewizard.app.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.app.session.SandboxSession;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.export.ExportFormat;
import com.workerrolewizard.core.export.Exports;
import com.workerrolewizard.core.export.JsonExport;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.sandbox.Sandbox;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One export of everything a face shows (documents, bundles, check and report), on the sandbox and without it. */
class ExportWorkflowTest {
    private static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();
    private static final WorkerDocuments DOCUMENTS = new WorkerDocuments(REFERENCES, REFERENCES.builtInCatalog());
    private static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(Sandbox.APPLIANCE);
    private static final ExportWorkflow EXPORTS = new ExportWorkflow(new Exports(DOCUMENTS, "test"));

    @RegisterExtension
    static final SandboxSession SANDBOX = new SandboxSession();

    private static ExportBundle export(
            Optional<Session> on, String role, boolean newRole, Optional<NewRoleRequest> request) {
        return EXPORTS.export(
                new ExportRequest(on, APPLIANCE, role, newRole, request, PermissionsMode.INLINE), DOCUMENTS.catalog());
    }

    @Test
    void aRoleOfTheAccountComesWithItsCheckAndReport() {
        ExportBundle made = export(Optional.of(SANDBOX.get()), "WorkerWithoutEc2Trust", false, Optional.empty());

        assertThat(made.subject().existingRole()).isTrue();
        assertThat(made.report().orElseThrow().requirements())
                .extracting(r -> r.status())
                .containsExactly(Status.PASS, Status.PASS, Status.FAIL, Status.PASS);
        assertThat(made.reportMarkdown().orElseThrow())
                .startsWith("# Worker role check: WorkerWithoutEc2Trust")
                .contains(DOCUMENTS.catalog().size() + " required actions from "
                        + DOCUMENTS.catalog().source());
        assertThat(made.bundles()).containsOnlyKeys(ExportBundle.FORMATS);
        assertThat(made.bundleProblems()).isEmpty();
        assertThat(made.trust())
                .isEqualTo(EXPORTS.render(
                        made.subject(),
                        ExportFormat.JSON,
                        Optional.of(com.workerrolewizard.core.export.JsonExport.Document.TRUST)))
                .contains("ec2.amazonaws.com");
        assertThat(made.applied()).as("nothing applied through this tool").isEmpty();
    }

    @Test
    void aNewRoleTheAccountHasByNowIsExportedAsTheRoleItIs() {
        ExportBundle made = export(
                Optional.of(SANDBOX.get()),
                "VeeamWorkerReady",
                true,
                Optional.of(NewRoleRequest.named("VeeamWorkerReady")));

        assertThat(made.subject().existingRole()).isTrue();
        assertThat(made.report()).isPresent();
    }

    @Test
    void aPassingRoleStillExportsScriptsThatCreateTheWholeRoleForAnotherAccount() {
        ExportBundle made = export(Optional.of(SANDBOX.get()), "VeeamWorkerReady", false, Optional.empty());

        assertThat(made.subject().plan().empty()).as("the role needs no change").isTrue();
        assertThat(made.bundles().get(ExportFormat.CLI)).doesNotContain("aws iam create-role");
        assertThat(made.wholeRole()).containsOnlyKeys(ExportBundle.FORMATS);
        // The whole role, planned as new without reading any account: the same as exporting it with no account at all.
        ExportBundle alone =
                export(Optional.empty(), null, true, Optional.of(NewRoleRequest.named("VeeamWorkerReady")));
        for (ExportFormat format : ExportBundle.FORMATS) {
            assertThat(made.wholeRole().get(format))
                    .as(format.id())
                    .isEqualTo(alone.bundles().get(format))
                    .contains("VeeamWorkerReady");
        }
        assertThat(made.wholeRole().get(ExportFormat.CLI))
                .contains("create-role")
                .contains("put-role-policy")
                .contains("create-instance-profile");
    }

    @Test
    void aRoleStillToBeCreatedHasOneSetOfScripts() {
        ExportBundle made = export(Optional.empty(), null, false, Optional.empty());
        assertThat(made.wholeRole()).isEqualTo(made.bundles());
    }

    @Test
    void aNewRoleIsPlannedWithoutACheck() {
        ExportBundle made = export(Optional.of(SANDBOX.get()), "BrandNewWorker", true, Optional.empty());

        assertThat(made.subject().plan().newRole()).isTrue();
        assertThat(made.subject().roleName()).isEqualTo("BrandNewWorker");
        assertThat(made.report()).isEmpty();
        assertThat(made.reportMarkdown()).isEmpty();
    }

    @Test
    void withoutAnAccountTheDefaultRoleIsPlannedAndNothingIsRead() {
        ExportBundle made = export(Optional.empty(), null, false, Optional.empty());

        assertThat(made.subject().roleName()).isEqualTo(ExportWorkflow.DEFAULT_ROLE);
        assertThat(made.report()).isEmpty();
        assertThat(made.applied()).isEmpty();
        assertThat(made.bundles().get(ExportFormat.CLOUDFORMATION)).contains(ExportWorkflow.DEFAULT_ROLE);
    }

    @Test
    void theApplianceSideIsItsOwnDocumentNamingTheWorkerRole() throws Exception {
        ExportBundle offline = export(Optional.empty(), null, false, Optional.empty());
        String anyAccount =
                EXPORTS.render(offline.subject(), ExportFormat.JSON, Optional.of(JsonExport.Document.APPLIANCE_ACCESS));
        // No account known: the role by name in any account, as the appliance enters it in every production account.
        assertThat(com.workerrolewizard.core.policy.Json.MAPPER
                        .readTree(anyAccount)
                        .toString())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "\"sts:AssumeRole\",\"Resource\":\"arn:aws:iam::*:role/" + ExportWorkflow.DEFAULT_ROLE
                        + "\"}]}");
        // The combined document stays the contract's two.
        java.util.List<String> keys = new java.util.ArrayList<>();
        com.workerrolewizard.core.policy.Json.MAPPER
                .readTree(EXPORTS.render(offline.subject(), ExportFormat.JSON, Optional.empty()))
                .fieldNames()
                .forEachRemaining(keys::add);
        assertThat(keys).containsExactly("trustPolicy", "permissionsPolicy");

        ExportBundle live = export(Optional.of(SANDBOX.get()), "WorkerWithoutEc2Trust", false, Optional.empty());
        assertThat(EXPORTS.render(live.subject(), ExportFormat.JSON, Optional.of(JsonExport.Document.APPLIANCE_ACCESS)))
                .contains("\"Resource\": \"arn:aws:iam::" + Sandbox.ACCOUNT + ":role/WorkerWithoutEc2Trust\"");
    }

    @Test
    void aPlanIamWouldRefuseKeepsItsDocumentsAndSaysWhyEachBundleIsMissing() {
        ExportBundle made = export(Optional.empty(), null, true, Optional.of(NewRoleRequest.named("bad name!")));

        assertThat(made.trust()).contains(Sandbox.APPLIANCE);
        assertThat(made.bundles()).isEmpty();
        assertThat(made.bundleProblems())
                .containsOnlyKeys(ExportBundle.FORMATS)
                .allSatisfy((format, why) -> assertThat(why).contains("\"bad name!\" is not valid"));
    }

    @Test
    void aRoleOfTheAccountNeedsAName() {
        assertThatThrownBy(() -> export(Optional.of(SANDBOX.get()), " ", false, Optional.empty()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("No role was chosen");
    }
}
