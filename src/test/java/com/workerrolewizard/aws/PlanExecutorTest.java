package com.workerrolewizard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.plan.ApplyOutcome;
import com.workerrolewizard.core.plan.FixPlan;
import com.workerrolewizard.core.plan.FixPlanner;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.journal.Journal;
import com.workerrolewizard.journal.JournalEntry;
import com.workerrolewizard.journal.JournalRecord;
import com.workerrolewizard.sandbox.Faults;
import com.workerrolewizard.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing safely, against the sandbox through the real SDK: journal first, fresh re-read, undo, halfway failures. */
class PlanExecutorTest {
    private static final AppliancePrincipal APPLIANCE = AppliancePrincipal.parse(Sandbox.APPLIANCE);
    private static final WorkerDocuments DOCUMENTS =
            new WorkerDocuments(ReferenceDocuments.load(), SandboxAccounts.PAGE);
    private static final Propagation QUICK = new Propagation(Duration.ofSeconds(5), Duration.ofMillis(20));

    @TempDir
    Path journalFolder;

    private Sandbox sandbox;
    private LiveAccount account;
    private AwsClients clients;
    private Journal journal;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        clients = new AwsClients(new ConnectionSettings(
                sandbox.credentials(),
                java.util.Optional.of("us-east-1"),
                java.util.Optional.of(sandbox.endpoint()),
                java.util.Optional.empty()));
        account = new LiveAccount(clients, SandboxAccounts.PAGE, "the sandbox");
        journal = Journal.open(journalFolder);
    }

    @AfterEach
    void stop() {
        account.close();
        sandbox.close();
    }

    private FixPlan plan(String role, PermissionsMode mode) {
        return new FixPlanner(DOCUMENTS).planFix(account.role(role), APPLIANCE, account.facts(), mode);
    }

    private ApplyOutcome apply(FixPlan plan) {
        return new PlanExecutor(clients, journal, DOCUMENTS, QUICK).apply(plan, APPLIANCE, account.callerIdentity());
    }

    private List<Status> statuses(String role) {
        return new RoleChecker(SandboxAccounts.PAGE)
                .check(account.role(role), APPLIANCE).requirements().stream()
                        .map(RequirementResult::status)
                        .toList();
    }

    @Test
    void aRoleFailingAllFourPassesAfterItsPlanAndEveryWriteIsJournaled() {
        ApplyOutcome outcome = apply(plan("WorkerFailingAll", PermissionsMode.INLINE));
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.applied()).hasSize(4);
        assertThat(statuses("WorkerFailingAll")).containsOnly(Status.PASS);
        JournalRecord record = Journal.open(journalFolder).records().get(0);
        assertThat(record.entries())
                .extracting(JournalEntry::action)
                .containsExactly(
                        "UpdateAssumeRolePolicy", "PutRolePolicy", "CreateInstanceProfile", "AddRoleToInstanceProfile");
        assertThat(record.entries()).extracting(JournalEntry::state).containsOnly(JournalEntry.State.APPLIED);
        assertThat(record.entries().get(0).before().toString()).contains("lambda.amazonaws.com");
        assertThat(record.account()).isEqualTo(Sandbox.ACCOUNT);
    }

    @Test
    void aTrustPolicyEditedBetweenReadAndWriteKeepsTheEdit() throws Exception {
        FixPlan plan = plan("WorkerWithoutApplianceTrust", PermissionsMode.INLINE);
        String colleague =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}},{\"Sid\":\"AddedByAColleague\",\"Effect\":\"Allow\","
                        + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ssm.amazonaws.com\"}}]}";
        sandbox.replaceTrustPolicy("WorkerWithoutApplianceTrust", colleague);
        assertThat(apply(plan).complete()).isTrue();
        JsonNode trust = Json.MAPPER.readTree(
                sandbox.trustPolicy("WorkerWithoutApplianceTrust").orElseThrow());
        assertThat(trust.get("Statement").toString())
                .contains("AddedByAColleague")
                .contains(Sandbox.APPLIANCE);
        assertThat(trust.get("Statement")).hasSize(3);
        assertThat(statuses("WorkerWithoutApplianceTrust")).containsOnly(Status.PASS);
    }

    @Test
    void undoRestoresWhatTheRoleHadAndKeepsLaterEditsOfOthers() throws Exception {
        String original = sandbox.trustPolicy("WorkerFailingAll").orElseThrow();
        apply(plan("WorkerFailingAll", PermissionsMode.MANAGED));
        assertThat(statuses("WorkerFailingAll")).containsOnly(Status.PASS);
        JournalRecord record = journal.lastUndoable().orElseThrow();
        ApplyOutcome undone = new UndoExecutor(clients, journal, QUICK).undo(record);
        assertThat(undone.complete()).isTrue();
        assertThat(Json.MAPPER.readTree(sandbox.trustPolicy("WorkerFailingAll").orElseThrow()))
                .isEqualTo(Json.MAPPER.readTree(original));
        assertThat(statuses("WorkerFailingAll")).containsOnly(Status.FAIL);
        assertThat(journal.lastUndoable()).isEmpty();
    }

    @Test
    void undoAfterSomeoneElseEditedTheTrustPolicyTakesOutOnlyWhatTheFixAdded() throws Exception {
        apply(plan("WorkerWithoutEc2Trust", PermissionsMode.INLINE));
        String fixed = sandbox.trustPolicy("WorkerWithoutEc2Trust").orElseThrow();
        sandbox.replaceTrustPolicy(
                "WorkerWithoutEc2Trust",
                fixed.replace(
                        "]}",
                        ",{\"Sid\":\"Later\",\"Effect\":\"Allow\","
                                + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ssm.amazonaws.com\"}}]}"));
        new UndoExecutor(clients, journal, QUICK).undo(journal.lastUndoable().orElseThrow());
        String after = sandbox.trustPolicy("WorkerWithoutEc2Trust").orElseThrow();
        assertThat(after).contains("\"Later\"").contains(Sandbox.APPLIANCE).doesNotContain("ec2.amazonaws.com");
    }

    @Test
    void aPlanThatFailsHalfwayStopsSaysWhatWasAppliedAndCanBeUndone() {
        sandbox.faults().always("PutRolePolicy", Faults.Kind.ACCESS_DENIED);
        ApplyOutcome outcome = apply(plan("WorkerFailingAll", PermissionsMode.INLINE));
        assertThat(outcome.complete()).isFalse();
        assertThat(outcome.failure().orElseThrow()).contains("PutRolePolicy").contains("iam:PutRolePolicy");
        assertThat(outcome.applied()).hasSize(1);
        assertThat(outcome.notApplied()).hasSize(3);
        JournalRecord record = journal.records().get(0);
        assertThat(record.entries())
                .extracting(JournalEntry::state)
                .containsExactly(JournalEntry.State.APPLIED, JournalEntry.State.NOT_APPLIED);
        sandbox.faults().clear();
        assertThat(new UndoExecutor(clients, journal, QUICK).undo(record).complete())
                .isTrue();
        assertThat(sandbox.trustPolicy("WorkerFailingAll").orElseThrow()).doesNotContain("ec2.amazonaws.com");
    }

    @Test
    void writesRightAfterACreateAreRetriedWhileIamPropagates() {
        sandbox.faults().inject("AddRoleToInstanceProfile", Faults.Kind.NOT_YET_PROPAGATED, 3);
        ApplyOutcome outcome = apply(plan("WorkerWithoutInstanceProfile", PermissionsMode.INLINE));
        assertThat(outcome.complete()).isTrue();
        assertThat(statuses("WorkerWithoutInstanceProfile")).containsOnly(Status.PASS);
    }

    @Test
    void aNewRoleIsCreatedPassingAndUndoRemovesItAll() {
        FixPlan plan = new FixPlanner(DOCUMENTS)
                .planNewRole(
                        NewRoleRequest.named("BrandNewWorker"), APPLIANCE, account.facts(), PermissionsMode.MANAGED);
        assertThat(apply(plan).complete()).isTrue();
        assertThat(statuses("BrandNewWorker")).containsOnly(Status.PASS);
        assertThat(new UndoExecutor(clients, journal, QUICK)
                        .undo(journal.lastUndoable().orElseThrow())
                        .complete())
                .isTrue();
        assertThat(sandbox.trustPolicy("BrandNewWorker")).isEmpty();
    }

    @Test
    void applyingAPlanTwiceChangesNothingTheSecondTime() {
        FixPlan plan = plan("WorkerWithoutApplianceTrust", PermissionsMode.INLINE);
        apply(plan);
        String once = sandbox.trustPolicy("WorkerWithoutApplianceTrust").orElseThrow();
        ApplyOutcome again = apply(plan);
        assertThat(again.skipped()).hasSize(1);
        assertThat(sandbox.trustPolicy("WorkerWithoutApplianceTrust").orElseThrow())
                .isEqualTo(once);
    }
}
