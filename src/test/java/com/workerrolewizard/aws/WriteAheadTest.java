package com.workerrolewizard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.FixPlanner;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.journal.Journal;
import com.workerrolewizard.journal.JournalEntry;
import com.workerrolewizard.journal.JournalRecord;
import com.workerrolewizard.sandbox.Faults;
import com.workerrolewizard.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes whose outcome is unknown (a timeout, a write in flight when the journal could not record its answer, an
 * intent left pending by a crash) are journaled as such, and undo looks each up in IAM: it reverts what landed and
 * marks what did not, saying what it found. A clear refusal from IAM is known not applied.
 */
class WriteAheadTest {
    private static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(Sandbox.APPLIANCE);
    private static final WorkerDocuments DOCUMENTS =
            new WorkerDocuments(ReferenceDocuments.load(), SandboxAccounts.PAGE);
    private static final Propagation QUICK = new Propagation(Duration.ofSeconds(1), Duration.ofMillis(20));
    private static final String ROLE = "WorkerFailingAll";

    @TempDir
    Path journalFolder;

    private Sandbox sandbox;
    private AwsClients clients;
    private LiveAccount account;
    private Journal journal;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        // Attempts of half a second: a held or slow answer is a client timeout.
        clients = new AwsClients(new ConnectionSettings(
                sandbox.credentials(),
                Optional.of("us-east-1"),
                Optional.of(sandbox.endpoint()),
                Optional.empty(),
                Duration.ofSeconds(20),
                Duration.ofMillis(500)));
        account = new LiveAccount(clients, SandboxAccounts.PAGE, "the sandbox");
        journal = Journal.open(journalFolder);
    }

    @AfterEach
    void stop() {
        account.close();
        sandbox.close();
    }

    private FixPlan plan() {
        return new FixPlanner(DOCUMENTS)
                .planFix(account.role(ROLE), APPLIANCE, account.facts(), PermissionsMode.INLINE);
    }

    private ApplyOutcome apply(FixPlan plan) {
        return new PlanExecutor(clients, journal, DOCUMENTS, QUICK).apply(plan, APPLIANCE, account.callerIdentity());
    }

    private ApplyOutcome undo() {
        return new UndoExecutor(clients, journal, QUICK)
                .undo(journal.lastUndoable().orElseThrow());
    }

    /** Everything IAM holds about the role, for "restored exactly". */
    private Map<String, Object> state() {
        Map<String, Object> state = new TreeMap<>();
        state.put(
                "trust",
                sandbox.trustPolicy(ROLE)
                        .map(t -> {
                            try {
                                return Json.MAPPER.readTree(t);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .orElse(null));
        state.put(
                "inline", clients.iam().listRolePolicies(r -> r.roleName(ROLE)).policyNames());
        state.put(
                "profiles",
                clients.iam().listInstanceProfilesForRole(r -> r.roleName(ROLE)).instanceProfiles().stream()
                        .map(p -> p.instanceProfileName())
                        .toList());
        boolean profileNamedAfterRole;
        try {
            clients.iam().getInstanceProfile(r -> r.instanceProfileName(ROLE));
            profileNamedAfterRole = true;
        } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
            profileNamedAfterRole = false;
        }
        state.put("profileNamedAfterRole", profileNamedAfterRole);
        return state;
    }

    private boolean inlinePolicyThere() {
        return clients.iam()
                .listRolePolicies(r -> r.roleName(ROLE))
                .policyNames()
                .contains("VeeamWorkerPermissions");
    }

    private void awaitInlinePolicy() throws InterruptedException {
        for (int i = 0; i < 300 && !inlinePolicyThere(); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void aWriteThatLandedAfterTheClientTimedOutIsUnknownAndUndoFindsAndRevertsIt() throws Exception {
        Map<String, Object> before = state();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sandbox.faults().hold("PutRolePolicy", held, release);
        ApplyOutcome outcome = apply(plan());
        assertThat(held.getCount()).isZero();
        assertThat(outcome.applied()).hasSize(1);
        assertThat(outcome.unknown()).singleElement().asString().contains("VeeamWorkerPermissions");
        assertThat(outcome.failure().orElseThrow()).contains("no clear answer").contains("may have been made");
        assertThat(outcome.nothingChanged()).isFalse();
        assertThat(journal.records().get(0).entries())
                .extracting(JournalEntry::state)
                .containsExactly(JournalEntry.State.APPLIED, JournalEntry.State.UNKNOWN);

        release.countDown();
        awaitInlinePolicy();
        sandbox.faults().clear();
        ApplyOutcome undone = undo();
        assertThat(undone.complete()).as(undone.failure().orElse("")).isTrue();
        assertThat(undone.found())
                .singleElement()
                .asString()
                .isEqualTo("PutRolePolicy had an unknown outcome; inline policy VeeamWorkerPermissions is on role "
                        + ROLE + ", so it landed and is reverted.");
        assertThat(state()).isEqualTo(before);
        assertThat(journal.records().get(0).entries())
                .extracting(JournalEntry::state)
                .containsOnly(JournalEntry.State.REVERTED);
        assertThat(journal.lastUndoable()).isEmpty();
    }

    @Test
    void aWriteThatTimedOutWithoutLandingIsFoundNotAppliedAndNothingIsRevertedForIt() {
        Map<String, Object> before = state();
        sandbox.faults().timeoutDelay(1500).always("PutRolePolicy", Faults.Kind.TIMEOUT);
        ApplyOutcome outcome = apply(plan());
        assertThat(outcome.unknown()).hasSize(1);
        sandbox.faults().clear();
        assertThat(inlinePolicyThere()).isFalse();
        ApplyOutcome undone = undo();
        assertThat(undone.complete()).isTrue();
        assertThat(undone.found())
                .singleElement()
                .asString()
                .contains("is not on role " + ROLE)
                .endsWith("so it did not land and there is nothing to revert.");
        assertThat(state()).isEqualTo(before);
        assertThat(journal.records().get(0).entries())
                .extracting(JournalEntry::state)
                .containsExactly(JournalEntry.State.REVERTED, JournalEntry.State.NOT_APPLIED);
    }

    @Test
    void aClearRefusalIsKnownNotAppliedAndUndoDoesNotLookItUp() {
        Map<String, Object> before = state();
        sandbox.faults().always("PutRolePolicy", Faults.Kind.ACCESS_DENIED);
        ApplyOutcome outcome = apply(plan());
        assertThat(outcome.unknown()).isEmpty();
        assertThat(outcome.notApplied()).hasSize(3);
        sandbox.faults().clear();
        ApplyOutcome undone = undo();
        assertThat(undone.found()).isEmpty();
        assertThat(undone.applied()).hasSize(1);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void intentsLeftPendingByACrashAreLookedUpLandedOrNot() {
        Map<String, Object> before = state();
        // A crashed run's journal: two writes recorded, their calls' answers never recorded; only the first was made.
        JournalRecord crashed = journal.begin("fix", Sandbox.ACCOUNT, ROLE, Sandbox.APPLIANCE, null);
        FixPlan plan = plan();
        var put = plan.changes().stream()
                .map(c -> c.operation())
                .filter(o -> o instanceof com.workerrolewizard.core.plan.IamOperation.PutRolePolicy)
                .findFirst()
                .orElseThrow();
        var profile = plan.changes().stream()
                .map(c -> c.operation())
                .filter(o -> o instanceof com.workerrolewizard.core.plan.IamOperation.CreateInstanceProfile)
                .findFirst()
                .orElseThrow();
        journal.write(crashed, PlanExecutor.entry(put, null, put.document().orElseThrow()));
        journal.write(crashed, PlanExecutor.entry(profile, null, null));
        clients.iam()
                .putRolePolicy(r -> r.roleName(ROLE)
                        .policyName("VeeamWorkerPermissions")
                        .policyDocument(put.document().orElseThrow().toString()));

        ApplyOutcome undone = undo();
        assertThat(undone.complete()).as(undone.failure().orElse("")).isTrue();
        assertThat(undone.found())
                .containsExactly(
                        "CreateInstanceProfile had an unknown outcome; instance profile " + ROLE
                                + " does not exist, so it did not " + "land and there is nothing to revert.",
                        "PutRolePolicy had an unknown outcome; inline policy VeeamWorkerPermissions is on role " + ROLE
                                + ", so it landed and is reverted.");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aJournalThatCannotRecordALandedWriteSaysItWasMadeAndUndoStillRevertsIt() throws Exception {
        Map<String, Object> before = state();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sandbox.faults().hold("UpdateAssumeRolePolicy", held, release);
        FixPlan plan = plan();
        // Generous attempts here: the write must land and be answered, only the journal fails.
        AwsClients patient = new AwsClients(new ConnectionSettings(
                sandbox.credentials(), Optional.of("us-east-1"), Optional.of(sandbox.endpoint()), Optional.empty()));
        CompletableFuture<ApplyOutcome> running = CompletableFuture.supplyAsync(() ->
                new PlanExecutor(patient, journal, DOCUMENTS, QUICK).apply(plan, APPLIANCE, account.callerIdentity()));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        // The journal goes bad while the write is in flight: a folder where the file was.
        Path file = journal.file();
        Path saved = journalFolder.resolve("saved.json");
        Files.move(file, saved);
        Files.createDirectory(file);
        release.countDown();
        ApplyOutcome outcome = running.get(60, TimeUnit.SECONDS);
        patient.close();

        assertThat(outcome.applied())
                .singleElement()
                .asString()
                .contains("made in AWS, but the journal still shows it as pending");
        assertThat(outcome.failure().orElseThrow())
                .contains(file.toString())
                .contains("after UpdateAssumeRolePolicy was made in AWS")
                .contains("undo");
        assertThat(outcome.nothingChanged()).isFalse();
        assertThat(outcome.notApplied()).hasSize(3);

        Files.delete(file);
        Files.move(saved, file);
        assertThat(journal.records().get(0).entries())
                .extracting(JournalEntry::state)
                .containsExactly(JournalEntry.State.PENDING);
        sandbox.faults().clear();
        ApplyOutcome undone = undo();
        assertThat(undone.found())
                .singleElement()
                .asString()
                .contains("the trust policy of role " + ROLE
                        + " is the one the fix wrote, so it landed and is reverted.");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void aPlanStillBeingAppliedByAnotherRunningProcessIsNotUndone() throws Exception {
        JournalRecord record = journal.begin("fix", Sandbox.ACCOUNT, ROLE, Sandbox.APPLIANCE, null);
        journal.write(
                record,
                new JournalEntry(
                        "PutRolePolicy",
                        Json.MAPPER
                                .createObjectNode()
                                .put("RoleName", ROLE)
                                .put("PolicyName", "VeeamWorkerPermissions"),
                        null,
                        null,
                        JournalEntry.State.PENDING));
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        String text = Files.readString(journal.file())
                .replaceAll("\"pid\" : \\d+", "\"pid\" : " + parent.pid())
                .replaceAll(
                        "\"started\" : \"[^\"]*\"",
                        "\"started\" : \""
                                + parent.info()
                                        .startInstant()
                                        .map(Object::toString)
                                        .orElse("unknown") + "\"");
        Files.writeString(journal.file(), text);
        org.assertj.core.api.Assertions.assertThatThrownBy(this::undo)
                .hasMessageContaining("is still being applied by process " + parent.pid());
        assertThat(journal.records()).hasSize(1);
        assertThat(List.of(journal.records().get(0).entries().get(0).state()))
                .containsExactly(JournalEntry.State.PENDING);
    }
}
