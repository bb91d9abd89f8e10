package com.workerrolewizard.ui.role;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.session.SandboxSession;
import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.policy.PolicyJson;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.wizard.WizardState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Step 3 without a window: the sandbox's roles through the real gateway, on the calling thread. */
class RoleStepViewModelTest {
    private static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();

    @RegisterExtension
    static final SandboxSession SANDBOX = new SandboxSession();

    private WizardState state;
    private final List<Integer> publishedSizes = new ArrayList<>();
    private RoleStepViewModel model;

    @BeforeEach
    void openStep() {
        state = new WizardState(REFERENCES);
        state.session.set(SANDBOX.get());
        model = newModel(state);
    }

    private RoleStepViewModel newModel(WizardState on) {
        // Runs each posted page at once, noting how many rows the table holds after it.
        Consumer<Runnable> fxThread = task -> {
            task.run();
            publishedSizes.add(model == null ? -1 : model.list().roles().size());
        };
        return new RoleStepViewModel(on, Background.direct(), fxThread);
    }

    private static List<String> names(List<RoleRow> rows) {
        return rows.stream().map(RoleRow::name).toList();
    }

    @Test
    void theSandboxRolesLoadOncePerSession() {
        assertThat(model.valid().get()).isFalse();
        model.shown();

        assertThat(model.list().roles()).hasSize(7);
        assertThat(names(model.list().roles()))
                .contains("VeeamWorkerReady", "WorkerFailingAll", "VeeamBackupImpersonation");
        assertThat(model.list().roles()).allSatisfy(r -> {
            assertThat(r.path()).isEqualTo("/");
            assertThat(r.created()).isNotNull();
        });
        assertThat(model.list().loading().get()).isFalse();
        assertThat(model.list().loaded().get()).isTrue();
        assertThat(model.list().loadError().get()).isNull();
        int posts = publishedSizes.size();

        model.shown();
        assertThat(publishedSizes)
                .as("shown again in the same session: no second listing")
                .hasSize(posts);
        assertThat(model.list().roles()).hasSize(7);
    }

    @Test
    void searchFiltersByNameIgnoringCase() {
        model.shown();

        model.list().search().set("workerfailing");
        assertThat(names(model.list().visibleRoles())).containsExactly("WorkerFailingAll");
        model.list().search().set("  WORKERWITHOUT ");
        assertThat(names(model.list().visibleRoles()))
                .containsExactlyInAnyOrder(
                        "WorkerWithoutInstanceProfile", "WorkerWithoutApplianceTrust", "WorkerWithoutEc2Trust");
        model.list().search().set("no such role");
        assertThat(model.list().visibleRoles()).isEmpty();
        model.list().search().set("");
        assertThat(model.list().visibleRoles()).hasSize(7);
    }

    @Test
    void choosingARoleMakesTheStepValidAndTellsTheLaterSteps() {
        model.shown();
        RoleRow ready = model.list().roles().stream()
                .filter(r -> r.name().equals("VeeamWorkerReady"))
                .findFirst()
                .orElseThrow();

        model.list().selected().set(ready);

        assertThat(model.valid().get()).isTrue();
        assertThat(state.roleName.get()).isEqualTo("VeeamWorkerReady");
        assertThat(state.newRole.get()).isFalse();

        model.createNew().set(true);
        assertThat(model.valid().get()).as("the proposed name is free").isTrue();
        assertThat(state.newRole.get()).isTrue();
        assertThat(state.roleName.get()).isEqualTo("VeeamWorkerRole");
        model.form().name().set("");
        assertThat(model.valid().get()).as("the new-role form's name is empty").isFalse();
        assertThat(state.roleName.get()).isNull();
        model.createNew().set(false);
        assertThat(model.valid().get()).isTrue();
        assertThat(state.roleName.get()).isEqualTo("VeeamWorkerReady");
    }

    @Test
    void theAppliancesOwnRoleIsNotOfferedAndSaysSo() {
        model.shown();
        assertThat(names(model.list().visibleRoles())).contains("VeeamBackupImpersonation");
        state.appliance.set(AppliancePrincipal.parse(Sandbox.APPLIANCE));
        assertThat(names(model.list().visibleRoles())).hasSize(6).doesNotContain("VeeamBackupImpersonation");
        assertThat(model.list().applianceNote().get()).startsWith("VeeamBackupImpersonation, the appliance’s own role");
        assertThat(model.list().taken("veeambackupimpersonation"))
                .as("its name stays taken for a new role")
                .isTrue();
        // The same name as an appliance of another account is another role: it stays on offer.
        state.appliance.set(AppliancePrincipal.parse("arn:aws:iam::111122223333:role/VeeamBackupImpersonation"));
        assertThat(names(model.list().visibleRoles())).contains("VeeamBackupImpersonation");
        assertThat(model.list().applianceNote().get()).isEmpty();
    }

    @Test
    void aNewRoleIsProposedANameNoRoleHasAndNoErrorBeforeTyping() {
        model.shown();
        model.createNew().set(true);
        assertThat(model.form().name().get()).isEqualTo("VeeamWorkerRole");
        assertThat(model.form().nameError().get()).isNull();
        assertThat(model.form().pathError().get()).isNull();
        assertThat(model.form().boundaryError().get()).isNull();
        assertThat(model.form().tagsError().get()).isNull();
        assertThat(model.form().descriptionError().get()).isNull();
    }

    @Test
    void theProposedNameSkipsNamesTheAccountHas() {
        WizardState fresh = new WizardState(REFERENCES);
        java.util.Set<String> names = java.util.Set.of("veeamworkerrole", "veeamworkerrole2");
        NewRoleFormViewModel form = new NewRoleFormViewModel(fresh, n -> names.contains(n.toLowerCase()));
        assertThat(form.name().get()).isEqualTo("VeeamWorkerRole3");
        form.name().set("Mine");
        form.suggestName();
        assertThat(form.name().get()).as("a typed name is never replaced").isEqualTo("Mine");
    }

    @Test
    void aNewRoleNameFollowsIamRulesAndIsNotTaken() {
        model.shown();
        model.createNew().set(true);

        model.form().name().set("bad name!");
        assertThat(model.form().nameError().get()).contains("not valid");
        assertThat(model.valid().get()).isFalse();
        assertThat(model.form().newRoleRequest()).isNull();

        model.form().name().set("veeamworkerREADY");
        assertThat(model.form().nameError().get()).contains("exists already");
        assertThat(model.valid().get()).isFalse();

        model.form().name().set("NewVeeamWorker");
        assertThat(model.form().nameError().get()).isNull();
        assertThat(model.valid().get()).isTrue();
        assertThat(state.roleName.get()).isEqualTo("NewVeeamWorker");
        assertThat(state.newRole.get()).isTrue();

        model.form().path().set("veeam");
        assertThat(model.form().pathError().get()).isNotNull();
        assertThat(model.valid().get()).isFalse();
        model.form().path().set("/veeam/");
        model.form().boundaryArn().set("not-an-arn");
        assertThat(model.form().boundaryError().get()).contains("not-an-arn");
        assertThat(model.valid().get()).isFalse();
        model.form().boundaryArn().set("arn:aws:iam::123456789012:policy/WorkerBoundary");
        model.form().tags().set("team=backup\nno-equals-sign");
        assertThat(model.form().tagsError().get()).contains("no-equals-sign");
        model.form().tags().set("team=backup\n\nowner = ops ");
        model.form().description().set("Veeam workers");
        model.form().permissionsMode().set(PermissionsMode.MANAGED);

        assertThat(model.valid().get()).isTrue();
        NewRoleRequest request = model.form().newRoleRequest();
        assertThat(request.roleName()).isEqualTo("NewVeeamWorker");
        assertThat(request.path()).isEqualTo("/veeam/");
        assertThat(request.description()).isEqualTo("Veeam workers");
        assertThat(request.permissionsBoundaryArn()).isEqualTo("arn:aws:iam::123456789012:policy/WorkerBoundary");
        assertThat(request.tags())
                .extracting(t -> t.key() + "=" + t.value())
                .containsExactly("team=backup", "owner=ops");
        assertThat(model.form().permissionsMode().get()).isEqualTo(PermissionsMode.MANAGED);
    }

    @Test
    void aNameTakenByARoleThatArrivesLaterBecomesInvalid() {
        model.createNew().set(true);
        model.form().name().set("WORKERFAILINGALL");
        assertThat(model.valid().get())
                .as("before the list arrives nothing is known to be taken")
                .isTrue();

        model.shown();

        assertThat(model.form().nameError().get()).contains("exists already");
        assertThat(model.valid().get()).isFalse();
        assertThat(state.roleName.get()).isNull();
    }

    @Test
    void thePreviewIsTheExactDocumentsForTheAppliance() {
        AppliancePrincipal appliance = AppliancePrincipal.parse(Sandbox.APPLIANCE);
        state.appliance.set(appliance);

        assertThat(model.form().trustPreview().get())
                .isEqualTo(PolicyJson.pretty(state.documents.get().trustPolicy(appliance, Partition.AWS)));
        assertThat(model.form().trustPreview().get()).contains("\"AWS\": \"" + Sandbox.APPLIANCE + "\"");
        assertThat(model.form().permissionsPreview().get())
                .isEqualTo(PolicyJson.pretty(state.documents.get().permissionsPolicy()));
        assertThat(model.form().permissionsPreview().get()).contains("ssm:UpdateInstanceInformation");
    }

    @Test
    void fiveThousandRolesArrivePageByPageAndStaySearchable() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addRoles("BulkWorker", 5000);
                Session big = openSession(sandbox)) {
            WizardState bigState = new WizardState(REFERENCES);
            bigState.session.set(big);
            model = newModel(bigState);

            model.shown();

            assertThat(model.list().roles()).hasSize(5007);
            assertThat(publishedSizes)
                    .as("one post per page, each adding rows")
                    .hasSizeGreaterThanOrEqualTo(5)
                    .isSorted()
                    .endsWith(5007);
            assertThat(publishedSizes.get(0)).isLessThan(5007);

            long start = System.nanoTime();
            model.list().search().set("bulkworker04999");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(names(model.list().visibleRoles())).containsExactly("BulkWorker04999");
            assertThat(millis)
                    .as("filtering 5,000 rows must not freeze the window")
                    .isLessThan(1000);
            model.list().search().set("BULKWORKER0");
            assertThat(model.list().visibleRoles()).hasSize(5000);

            model.createNew().set(true);
            model.form().name().set("bulkworker00042");
            assertThat(model.form().nameError().get()).contains("exists already");
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

            assertThat(model.list().loading().get()).isFalse();
            assertThat(model.list().loaded().get()).isFalse();
            assertThat(model.list().loadError().get()).contains("Cannot list the roles");
            assertThat(model.list().roles()).isEmpty();
        }
    }

    private static RoleStatus status(RoleStepViewModel on, String role) {
        return on.list().statuses().status(role);
    }

    private static List<String> texts(RoleStepViewModel on, List<RoleRow> rows) {
        return rows.stream()
                .map(r -> on.list().statuses().status(r.name()).text())
                .toList();
    }

    @Test
    void theStatusesFillInAfterTheListInTheirOwnJob() {
        QueuedBackground background = new QueuedBackground();
        state.appliance.set(AppliancePrincipal.parse(Sandbox.APPLIANCE));
        model = new RoleStepViewModel(state, background, Runnable::run);
        model.shown();
        assertThat(background.waiting()).as("the listing").isEqualTo(1);

        background.runNext();

        assertThat(model.list().roles())
                .as("the list shows before any status is known")
                .hasSize(7);
        assertThat(model.list().loaded().get()).isTrue();
        assertThat(texts(model, model.list().roles())).containsOnly("Checking…");
        RoleRow ready = model.list().roles().stream()
                .filter(r -> r.name().equals("VeeamWorkerReady"))
                .findFirst()
                .orElseThrow();
        var cell = model.list().statuses().of(ready);
        assertThat(cell.getValue().kind()).isEqualTo(RoleStatus.Kind.CHECKING);
        assertThat(model.list().statuses().working().get()).isTrue();
        assertThat(background.waiting()).as("one job reads the whole account").isEqualTo(1);

        background.runAll();

        assertThat(cell.getValue().text()).as("the cell's value follows").isEqualTo("Ready");
        assertThat(status(model, "WorkerFailingAll").text()).isEqualTo("4 of 4 failing");
        assertThat(status(model, "WorkerFailingAll").why())
                .isEqualTo("Failing: instance-profile, appliance-trust, ec2-trust, permissions.");
        assertThat(status(model, "WorkerWithoutInstanceProfile").failing()).containsExactly("instance-profile");
        assertThat(status(model, "WorkerWithoutApplianceTrust").failing()).containsExactly("appliance-trust");
        assertThat(status(model, "WorkerWithoutEc2Trust").failing()).containsExactly("ec2-trust");
        assertThat(status(model, "WorkerMissingPermissions").failing()).containsExactly("permissions");
        assertThat(status(model, "WorkerMissingPermissions").text()).isEqualTo("1 of 4 failing");
        assertThat(texts(model, model.list().roles())).doesNotContain("Checking…");
        assertThat(model.list().statuses().working().get()).isFalse();
        assertThat(model.list().statuses().problem().get()).isNull();
        assertThat(model.list().statuses().summary().get()).isEqualTo("1 ready, 6 failing, 0 unknown");
    }

    @Test
    void aNewApplianceIsCheckedAgainWithoutReadingTheAccountAgain() throws Exception {
        try (Sandbox sandbox = Sandbox.start();
                Session own = openSession(sandbox)) {
            WizardState ownState = signedIn(own);
            model = new RoleStepViewModel(ownState, Background.direct(), Runnable::run);
            model.shown();
            assertThat(status(model, "VeeamWorkerReady").text()).isEqualTo("Ready");
            long calls = sandbox.calls();

            ownState.appliance.set(AppliancePrincipal.parse("arn:aws:iam::111122223333:role/AnotherAppliance"));

            assertThat(status(model, "VeeamWorkerReady").text()).isEqualTo("1 of 4 failing");
            assertThat(status(model, "VeeamWorkerReady").failing()).containsExactly("appliance-trust");
            assertThat(status(model, "WorkerWithoutEc2Trust").text()).isEqualTo("2 of 4 failing");

            ownState.appliance.set(null);
            assertThat(status(model, "VeeamWorkerReady").text()).isEqualTo("Unknown");
            assertThat(status(model, "VeeamWorkerReady").why()).contains("Enter the backup appliance");

            ownState.appliance.set(AppliancePrincipal.parse(Sandbox.APPLIANCE));
            assertThat(status(model, "VeeamWorkerReady").text()).isEqualTo("Ready");
            assertThat(sandbox.calls())
                    .as("the snapshots were kept: no request to the account")
                    .isEqualTo(calls);
        }
    }

    @Test
    void backFromTheChecklistTheChosenRoleIsCheckedAgainAndNoOther() throws Exception {
        try (Sandbox sandbox = Sandbox.start();
                Session own = openSession(sandbox)) {
            WizardState ownState = signedIn(own);
            model = new RoleStepViewModel(ownState, Background.direct(), Runnable::run);
            model.shown();
            model.list()
                    .selected()
                    .set(model.list().roles().stream()
                            .filter(r -> r.name().equals("WorkerFailingAll"))
                            .findFirst()
                            .orElseThrow());
            assertThat(status(model, "WorkerFailingAll").text()).isEqualTo("4 of 4 failing");
            // What the checklist's fix of both trust statements does, done here behind the wizard's back.
            sandbox.replaceTrustPolicy(
                    "WorkerFailingAll", sandbox.trustPolicy("VeeamWorkerReady").orElseThrow());
            sandbox.replaceTrustPolicy(
                    "WorkerWithoutEc2Trust",
                    sandbox.trustPolicy("VeeamWorkerReady").orElseThrow());

            model.shown();

            assertThat(status(model, "WorkerFailingAll").text()).isEqualTo("2 of 4 failing");
            assertThat(status(model, "WorkerFailingAll").failing()).containsExactly("instance-profile", "permissions");
            assertThat(status(model, "WorkerWithoutEc2Trust").text())
                    .as("not chosen, not read again")
                    .isEqualTo("1 of 4 failing");
            assertThat(model.list().statuses().summary().get()).isEqualTo("1 ready, 6 failing, 0 unknown");

            // The appliance as its account: the trust naming its role no longer counts, the EC2 statement still does.
            ownState.appliance.set(AppliancePrincipal.parse("123456789012"));
            assertThat(status(model, "WorkerFailingAll").failing())
                    .as("the snapshot read again is the one kept")
                    .containsExactly("instance-profile", "appliance-trust", "permissions");
        }
    }

    @Test
    void anApplianceChangedWhileTheAccountIsReadIsTheOneChecked() {
        QueuedBackground background = new QueuedBackground();
        state.appliance.set(AppliancePrincipal.parse(Sandbox.APPLIANCE));
        model = new RoleStepViewModel(state, background, Runnable::run);
        model.shown();
        background.runNext();

        state.appliance.set(AppliancePrincipal.parse("111122223333"));
        background.runAll();

        assertThat(status(model, "VeeamWorkerReady").failing()).containsExactly("appliance-trust");
    }

    @Test
    void aFailedStatusReadKeepsTheListAndEveryRowSaysWhy() throws Exception {
        Sandbox sandbox = Sandbox.start();
        try (Session own = openSession(sandbox)) {
            WizardState ownState = signedIn(own);
            QueuedBackground background = new QueuedBackground();
            model = new RoleStepViewModel(ownState, background, Runnable::run);
            model.shown();
            background.runNext();
            assertThat(model.list().roles()).hasSize(7);

            sandbox.close();
            background.runAll();

            assertThat(model.list().roles()).as("the list stays").hasSize(7);
            assertThat(model.list().loadError().get()).isNull();
            assertThat(model.list().statuses().problem().get())
                    .startsWith("Cannot list the roles of the sandbox account");
            assertThat(model.list().roles()).allSatisfy(r -> {
                RoleStatus unknown = status(model, r.name());
                assertThat(unknown.text()).isEqualTo("Unknown");
                assertThat(unknown.why())
                        .startsWith("The status could not be read: Cannot list the roles of the sandbox account");
            });
            assertThat(model.list().statuses().summary().get())
                    .startsWith("The roles’ statuses could not be read: Cannot list");
            assertThat(model.list().statuses().working().get()).isFalse();
        } finally {
            sandbox.close();
        }
    }

    @Test
    void aNewSessionCancelsTheStatusJobBeforeItReadsAnything() throws Exception {
        try (Sandbox sandbox = Sandbox.start();
                Session own = openSession(sandbox)) {
            WizardState ownState = signedIn(own);
            QueuedBackground background = new QueuedBackground();
            model = new RoleStepViewModel(ownState, background, Runnable::run);
            model.shown();
            background.runNext();
            long calls = sandbox.calls();

            ownState.session.set(SANDBOX.get());
            background.runAll();

            assertThat(sandbox.calls()).as("the cancelled job never ran").isEqualTo(calls);
            assertThat(status(model, "VeeamWorkerReady").kind()).isEqualTo(RoleStatus.Kind.CHECKING);
            assertThat(model.list().statuses().working().get()).isFalse();
        }
    }

    @Test
    void fiveThousandStatusesReachTheFxThreadInFewBoundedBatches() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addRoles("Bulk", 5000);
                Session big = openSession(sandbox)) {
            WizardState bigState = signedIn(big);
            QueuedBackground background = new QueuedBackground();
            java.util.ArrayDeque<Runnable> fxQueue = new java.util.ArrayDeque<>();
            model = new RoleStepViewModel(bigState, background, fxQueue::add);
            Runnable drainFx = () -> {
                while (!fxQueue.isEmpty()) {
                    fxQueue.remove().run();
                }
            };
            model.shown();
            background.runNext();
            drainFx.run();
            assertThat(model.list().roles()).hasSize(5007);
            long beforeRead = sandbox.calls();
            background.runNext();
            drainFx.run();
            assertThat(sandbox.calls() - beforeRead)
                    .as("5,007 roles read in a few dozen requests, not one per role")
                    .isLessThan(250);
            assertThat(model.list().statuses().summary().get()).isEqualTo("Statuses known: 0 of 5,007");

            background.runNext();
            assertThat(background.waiting()).isZero();
            assertThat(fxQueue).as("5,007 statuses made, one FX task waiting").hasSize(1);
            List<Long> knownAfterEachTask = new ArrayList<>();
            while (!fxQueue.isEmpty()) {
                fxQueue.remove().run();
                knownAfterEachTask.add(model.list().roles().stream()
                        .filter(r -> status(model, r.name()).kind() != RoleStatus.Kind.CHECKING)
                        .count());
            }

            assertThat(knownAfterEachTask)
                    .as("ceil(5,007 / 500) tasks, each applying at most 500 statuses")
                    .hasSize(11)
                    .isSorted()
                    .endsWith(5007L);
            for (int i = 1; i < knownAfterEachTask.size(); i++) {
                assertThat(knownAfterEachTask.get(i) - knownAfterEachTask.get(i - 1))
                        .isBetween(1L, 500L);
            }
            assertThat(status(model, "Bulk04999").text()).isEqualTo("3 of 4 failing");
            assertThat(status(model, "Bulk04999").failing())
                    .containsExactly("instance-profile", "appliance-trust", "permissions");
            assertThat(model.list().statuses().summary().get()).isEqualTo("1 ready, 5,006 failing, 0 unknown");
        }
    }

    /** The wizard's state signed in to {@code account}, with the sandbox's appliance entered. */
    private static WizardState signedIn(Session account) {
        WizardState signedIn = new WizardState(REFERENCES);
        signedIn.session.set(account);
        signedIn.appliance.set(AppliancePrincipal.parse(Sandbox.APPLIANCE));
        return signedIn;
    }

    /** A session as the wizard opens the sandbox, on a sandbox the test keeps. */
    private static Session openSession(Sandbox sandbox) {
        return new Sessions(REFERENCES.builtInCatalog()).onSandbox(sandbox, () -> {});
    }
}
