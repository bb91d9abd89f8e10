package com.workerrolewizard.ui.role;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.aws.AwsClients;
import com.workerrolewizard.aws.ConnectionSettings;
import com.workerrolewizard.aws.LiveAccount;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.role.RoleViewModel.RoleRow;
import com.workerrolewizard.ui.wizard.AwsSessionFactory;
import com.workerrolewizard.ui.wizard.Session;
import com.workerrolewizard.ui.wizard.WizardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Step 3 without a window: the sandbox's roles through the real gateway, on the calling thread. */
class RoleViewModelTest {
    private static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();
    private static Session session;

    private WizardState state;
    private final List<Integer> publishedSizes = new ArrayList<>();
    private RoleViewModel model;

    @BeforeAll
    static void signIn() {
        session = new AwsSessionFactory(REFERENCES.builtInCatalog()).sandbox();
    }

    @AfterAll
    static void signOut() {
        session.close();
    }

    @BeforeEach
    void openStep() {
        state = new WizardState(REFERENCES);
        state.session.set(session);
        model = newModel(state);
    }

    private RoleViewModel newModel(WizardState on) {
        // Runs each posted page at once, noting how many rows the table holds after it.
        Consumer<Runnable> fxThread = task -> {
            task.run();
            publishedSizes.add(model == null ? -1 : model.roles().size());
        };
        return new RoleViewModel(on, Background.direct(), fxThread);
    }

    private static List<String> names(List<RoleRow> rows) {
        return rows.stream().map(RoleRow::name).toList();
    }

    @Test
    void theSandboxRolesLoadOncePerSession() {
        assertThat(model.valid().get()).isFalse();
        model.shown();

        assertThat(model.roles()).hasSize(7);
        assertThat(names(model.roles())).contains("VeeamWorkerReady", "WorkerFailingAll", "VeeamBackupImpersonation");
        assertThat(model.roles()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/");
            assertThat(r.created()).isNotNull();
        });
        assertThat(model.loading().get()).isFalse();
        assertThat(model.loaded().get()).isTrue();
        assertThat(model.loadError().get()).isNull();
        int posts = publishedSizes.size();

        model.shown();
        assertThat(publishedSizes).as("shown again in the same session: no second listing").hasSize(posts);
        assertThat(model.roles()).hasSize(7);
    }

    @Test
    void searchFiltersByNameIgnoringCase() {
        model.shown();

        model.search().set("workerfailing");
        assertThat(names(model.visibleRoles())).containsExactly("WorkerFailingAll");
        model.search().set("  WORKERWITHOUT ");
        assertThat(names(model.visibleRoles())).containsExactlyInAnyOrder("WorkerWithoutInstanceProfile",
                "WorkerWithoutApplianceTrust", "WorkerWithoutEc2Trust");
        model.search().set("no such role");
        assertThat(model.visibleRoles()).isEmpty();
        model.search().set("");
        assertThat(model.visibleRoles()).hasSize(7);
    }

    @Test
    void choosingARoleMakesTheStepValidAndTellsTheLaterSteps() {
        model.shown();
        RoleRow ready = model.roles().stream().filter(r -> r.name().equals("VeeamWorkerReady")).findFirst().orElseThrow();

        model.selected().set(ready);

        assertThat(model.valid().get()).isTrue();
        assertThat(state.roleName.get()).isEqualTo("VeeamWorkerReady");
        assertThat(state.newRole.get()).isFalse();

        model.createNew().set(true);
        assertThat(model.valid().get()).as("the new-role form is still empty").isFalse();
        assertThat(state.newRole.get()).isTrue();
        assertThat(state.roleName.get()).isNull();
        model.createNew().set(false);
        assertThat(model.valid().get()).isTrue();
        assertThat(state.roleName.get()).isEqualTo("VeeamWorkerReady");
    }

    @Test
    void aNewRoleNameFollowsIamRulesAndIsNotTaken() {
        model.shown();
        model.createNew().set(true);

        model.newName().set("bad name!");
        assertThat(model.nameError().get()).contains("not valid");
        assertThat(model.valid().get()).isFalse();
        assertThat(model.newRoleRequest()).isNull();

        model.newName().set("veeamworkerREADY");
        assertThat(model.nameError().get()).contains("exists already");
        assertThat(model.valid().get()).isFalse();

        model.newName().set("NewVeeamWorker");
        assertThat(model.nameError().get()).isNull();
        assertThat(model.valid().get()).isTrue();
        assertThat(state.roleName.get()).isEqualTo("NewVeeamWorker");
        assertThat(state.newRole.get()).isTrue();

        model.newPath().set("veeam");
        assertThat(model.pathError().get()).isNotNull();
        assertThat(model.valid().get()).isFalse();
        model.newPath().set("/veeam/");
        model.boundaryArn().set("not-an-arn");
        assertThat(model.boundaryError().get()).contains("not-an-arn");
        assertThat(model.valid().get()).isFalse();
        model.boundaryArn().set("arn:aws:iam::123456789012:policy/WorkerBoundary");
        model.tags().set("team=backup\nno-equals-sign");
        assertThat(model.tagsError().get()).contains("no-equals-sign");
        model.tags().set("team=backup\n\nowner = ops ");
        model.newDescription().set("Veeam workers");
        model.permissionsMode().set(PermissionsMode.MANAGED);

        assertThat(model.valid().get()).isTrue();
        NewRoleRequest request = model.newRoleRequest();
        assertThat(request.roleName()).isEqualTo("NewVeeamWorker");
        assertThat(request.path()).isEqualTo("/veeam/");
        assertThat(request.description()).isEqualTo("Veeam workers");
        assertThat(request.permissionsBoundaryArn()).isEqualTo("arn:aws:iam::123456789012:policy/WorkerBoundary");
        assertThat(request.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=backup", "owner=ops");
        assertThat(model.permissionsMode().get()).isEqualTo(PermissionsMode.MANAGED);
    }

    @Test
    void aNameTakenByARoleThatArrivesLaterBecomesInvalid() {
        model.createNew().set(true);
        model.newName().set("WORKERFAILINGALL");
        assertThat(model.valid().get()).as("before the list arrives nothing is known to be taken").isTrue();

        model.shown();

        assertThat(model.nameError().get()).contains("exists already");
        assertThat(model.valid().get()).isFalse();
        assertThat(state.roleName.get()).isNull();
    }

    @Test
    void thePreviewIsTheExactDocumentsForTheAppliance() {
        AppliancePrincipal appliance = AppliancePrincipal.parse(Sandbox.APPLIANCE);
        state.appliance.set(appliance);

        assertThat(model.trustPreview().get()).isEqualTo(PolicyJson.pretty(state.documents.trustPolicy(appliance,
                Partition.AWS)));
        assertThat(model.trustPreview().get()).contains("\"AWS\": \"" + Sandbox.APPLIANCE + "\"");
        assertThat(model.permissionsPreview().get()).isEqualTo(PolicyJson.pretty(state.documents.permissionsPolicy()));
        assertThat(model.permissionsPreview().get()).contains("ssm:UpdateInstanceInformation");
    }

    @Test
    void fiveThousandRolesArrivePageByPageAndStaySearchable() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addRoles("BulkWorker", 5000);
                Session big = openSession(sandbox)) {
            WizardState bigState = new WizardState(REFERENCES);
            bigState.session.set(big);
            model = newModel(bigState);

            model.shown();

            assertThat(model.roles()).hasSize(5007);
            assertThat(publishedSizes).as("one post per page, each adding rows").hasSizeGreaterThanOrEqualTo(5)
                    .isSorted().endsWith(5007);
            assertThat(publishedSizes.get(0)).isLessThan(5007);

            long start = System.nanoTime();
            model.search().set("bulkworker04999");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(names(model.visibleRoles())).containsExactly("BulkWorker04999");
            assertThat(millis).as("filtering 5,000 rows must not freeze the window").isLessThan(1000);
            model.search().set("BULKWORKER0");
            assertThat(model.visibleRoles()).hasSize(5000);

            model.createNew().set(true);
            model.newName().set("bulkworker00042");
            assertThat(model.nameError().get()).contains("exists already");
        }
    }

    @Test
    void aFailedListingSaysWhyAndStopsLoading() throws Exception {
        Sandbox sandbox = Sandbox.start();
        try (Session broken = openSession(sandbox)) {
            sandbox.close();
            WizardState brokenState = new WizardState(REFERENCES);
            brokenState.session.set(broken);
            model = newModel(brokenState);

            model.shown();

            assertThat(model.loading().get()).isFalse();
            assertThat(model.loaded().get()).isFalse();
            assertThat(model.loadError().get()).contains("Cannot list the roles");
            assertThat(model.roles()).isEmpty();
        }
    }

    /** A session as AwsSessionFactory.sandbox() opens one, on a sandbox the test keeps. */
    private static Session openSession(Sandbox sandbox) throws Exception {
        AwsClients clients = new AwsClients(new ConnectionSettings(sandbox.credentials(), Optional.of("us-east-1"),
                Optional.of(sandbox.endpoint()), Optional.empty()));
        LiveAccount account = new LiveAccount(clients, REFERENCES.builtInCatalog(), "the test sandbox");
        Path journal = Files.createTempDirectory("role-step-test");
        return new Session(account, clients, account.callerIdentity(), journal, "the test sandbox", account);
    }
}
