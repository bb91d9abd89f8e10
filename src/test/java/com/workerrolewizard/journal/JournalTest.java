package com.workerrolewizard.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The journal file: one writer at a time, the schema read strictly, format 1 upgraded, never overwritten unread. */
class JournalTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private static ObjectNode parameters(String role) {
        return JSON.createObjectNode().put("RoleName", role).put("PolicyName", "VeeamWorkerPermissions");
    }

    @Test
    void writersOfSeparateJournalObjectsNeverLoseEachOthersRecords() throws Exception {
        int writers = 6;
        int writes = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<String>> ids = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String role = "Role" + w;
            ids.add(pool.submit(() -> {
                // Each its own Journal, as each command or wizard action opens one.
                Journal journal = Journal.open(folder);
                JournalRecord record = journal.begin("fix", "123456789012", role, "arn:aws:iam::1:root", null);
                for (int i = 0; i < writes; i++) {
                    int index = journal.write(
                            record,
                            new JournalEntry(
                                    "PutRolePolicy", parameters(role), null, null, JournalEntry.State.PENDING));
                    journal.mark(record, index, JournalEntry.State.APPLIED);
                }
                journal.finish(record);
                return record.id();
            }));
        }
        pool.shutdown();
        List<String> expected = new ArrayList<>();
        for (Future<String> id : ids) {
            expected.add(id.get());
        }
        List<JournalRecord> records = Journal.open(folder).records();
        assertThat(records).extracting(JournalRecord::id).containsExactlyInAnyOrderElementsOf(expected);
        for (JournalRecord record : records) {
            assertThat(record.entries()).hasSize(writes);
            assertThat(record.entries()).extracting(JournalEntry::state).containsOnly(JournalEntry.State.APPLIED);
            assertThat(record.open()).isFalse();
        }
    }

    @Test
    void aWriteIsOnDiskOwnerOnlyAndLeavesNoTemporaryFile() throws Exception {
        Journal journal = Journal.open(folder);
        JournalRecord record = journal.begin("fix", "123456789012", "R", "arn:aws:iam::1:root", null);
        journal.write(
                record, new JournalEntry("PutRolePolicy", parameters("R"), null, null, JournalEntry.State.PENDING));
        JsonNode file = JSON.readTree(Files.readString(journal.file()));
        assertThat(file.get("format").asInt()).isEqualTo(2);
        assertThat(file.at("/records/0/entries/0/state").asText()).isEqualTo("PENDING");
        assertThat(file.at("/records/0/open").asBoolean()).isTrue();
        assertThat(file.at("/records/0/writer/pid").asLong())
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(journal.file())))
                .isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("journal.json", "journal.lock");
        }
    }

    @Test
    void aRecordOfThisProcessIsNotInProgressForItselfAndAnUnfinishedOneOfAnEndedProcessIsNot() throws Exception {
        Journal journal = Journal.open(folder);
        JournalRecord record = journal.begin("fix", "123456789012", "R", "arn:aws:iam::1:root", null);
        journal.write(
                record, new JournalEntry("PutRolePolicy", parameters("R"), null, null, JournalEntry.State.PENDING));
        assertThat(journal.lastUndoable().orElseThrow().inProgress()).isFalse();
        String text = Files.readString(journal.file()).replaceAll("\"pid\" : \\d+", "\"pid\" : 999999999");
        Files.writeString(journal.file(), text);
        assertThat(journal.lastUndoable().orElseThrow().inProgress())
                .as("pid 999999999 does not run")
                .isFalse();
    }

    @Test
    void anOpenRecordOfAnotherRunningProcessIsInProgress() throws Exception {
        ProcessHandle parent = ProcessHandle.current().parent().orElseThrow();
        Journal journal = Journal.open(folder);
        JournalRecord record = journal.begin("fix", "123456789012", "R", "arn:aws:iam::1:root", null);
        journal.write(
                record, new JournalEntry("PutRolePolicy", parameters("R"), null, null, JournalEntry.State.PENDING));
        String started = parent.info().startInstant().map(Object::toString).orElse("unknown");
        String text = Files.readString(journal.file())
                .replaceAll("\"pid\" : \\d+", "\"pid\" : " + parent.pid())
                .replaceAll("\"started\" : \"[^\"]*\"", "\"started\" : \"" + started + "\"");
        Files.writeString(journal.file(), text);
        assertThat(journal.lastUndoable().orElseThrow().inProgress()).isTrue();
    }

    /** What the first version wrote: a fix whose PutRolePolicy "FAILED" (maybe a timeout), then its undo. */
    private static final String FORMAT_ONE = """
            {
              "format" : 1,
              "records" : [ {
                "id" : "fix-1", "time" : "2025-01-01T10:00:00Z", "kind" : "fix", "account" : "123456789012",
                "role" : "R", "appliance" : "arn:aws:iam::111122223333:role/A",
                "entries" : [ {
                  "action" : "UpdateAssumeRolePolicy", "state" : "APPLIED", "parameters" : { "RoleName" : "R" },
                  "before" : { "Version" : "2012-10-17", "Statement" : [ ] }, "after" : { "Version" : "2012-10-17" }
                }, {
                  "action" : "PutRolePolicy", "state" : "FAILED",
                  "parameters" : { "RoleName" : "R", "PolicyName" : "VeeamWorkerPermissions" }
                } ]
              }, {
                "id" : "undo-1", "time" : "2025-01-01T10:05:00Z", "kind" : "undo", "account" : "123456789012",
                "role" : "R", "appliance" : "arn:aws:iam::111122223333:role/A", "undoes" : "fix-1",
                "entries" : [ {
                  "action" : "UpdateAssumeRolePolicy", "state" : "APPLIED", "parameters" : { "RoleName" : "R" }
                } ]
              } ]
            }
            """;

    @Test
    void aFormatOneJournalIsReadWithItsFailedWritesUnknownAndUpgradedOnTheNextWrite() throws Exception {
        Files.writeString(folder.resolve("journal.json"), FORMAT_ONE);
        Journal journal = Journal.open(folder);
        JournalRecord fix = journal.records().get(0);
        assertThat(fix.entries())
                .extracting(JournalEntry::state)
                .containsExactly(JournalEntry.State.REVERTED, JournalEntry.State.UNKNOWN);
        assertThat(journal.records().get(1).entries().get(0).reverts()).isZero();
        assertThat(journal.lastUndoable()).map(JournalRecord::id).contains("fix-1");
        assertThat(UndoStep.plan(fix)).extracting(UndoStep::action).containsExactly("DeleteRolePolicy");

        JournalRecord next = journal.begin("fix", "123456789012", "S", "arn:aws:iam::1:root", null);
        journal.write(next, new JournalEntry("PutRolePolicy", parameters("S"), null, null, JournalEntry.State.PENDING));
        JsonNode upgraded = JSON.readTree(Files.readString(journal.file()));
        assertThat(upgraded.get("format").asInt()).isEqualTo(2);
        assertThat(upgraded.get("records")).hasSize(3);
        assertThat(upgraded.at("/records/0/entries/1/state").asText()).isEqualTo("UNKNOWN");
        assertThat(Journal.open(folder).records())
                .extracting(JournalRecord::id)
                .containsExactly("fix-1", "undo-1", next.id());
    }

    @Test
    void aFormatOnePolicyCreationThatFailedIsUndoneByTheArnIamWouldHaveGivenIt() throws Exception {
        Files.writeString(folder.resolve("journal.json"), """
                {"format": 1, "records": [{"id": "fix-1", "time": "2025-01-01T10:00:00Z", "kind": "fix",
                  "account": "123456789012", "role": "R", "appliance": "arn:aws-cn:iam::111122223333:role/A",
                  "entries": [{"action": "CreatePolicy", "state": "FAILED",
                               "parameters": {"PolicyName": "VeeamWorkerPermissions", "Path": "/veeam/"}}]}]}
                """);
        List<UndoStep> steps = UndoStep.plan(Journal.open(folder).lastUndoable().orElseThrow());
        assertThat(steps).singleElement().satisfies(step -> {
            assertThat(step.uncertain()).isTrue();
            assertThat(step.parameter("PolicyArn"))
                    .isEqualTo("arn:aws-cn:iam::123456789012:policy/veeam/VeeamWorkerPermissions");
            assertThat(step.reverts().parameter("PolicyArn")).isEqualTo(step.parameter("PolicyArn"));
            assertThat(step.reverts().detail()).contains("earlier version");
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "{}",
                "null",
                "",
                "   ",
                "{\"format\": 3, \"records\": []}",
                "{\"format\": \"2\", \"records\": []}",
                "{\"format\": 2, \"records\": {}}",
                "{\"format\": 2, \"records\": [], \"extra\": 1}",
                "{\"format\": 2, \"records\": [7]}",
                "{\"format\": 2, \"records\": []} trailing",
                "{\"format\": 2, \"format\": 2}",
                "{\"format\": 1, \"records\": [{\"id\": \"a\", \"time\": \"t\", \"kind\": \"fix\", \"account\": \"1\", \"role\": \"r\","
                        + " \"appliance\": \"x\", \"entries\": [{\"action\": \"PutRolePolicy\", \"state\": \"APPLIED\","
                        + " \"parameters\": \"RoleName\"}]}]}",
                "{\"format\": 1, \"records\": [{\"id\": \"a\", \"time\": \"t\", \"kind\": \"fix\", \"account\": \"1\", \"role\": \"r\","
                        + " \"appliance\": \"x\", \"entries\": [{\"action\": \"PutRolePolicy\", \"state\": \"BANANA\","
                        + " \"parameters\": {}}]}]}",
                "{\"format\": 2, \"records\": [{\"id\": \"a\", \"time\": \"t\", \"kind\": \"fix\", \"account\": 1, \"role\": \"r\","
                        + " \"appliance\": \"x\", \"open\": false, \"entries\": []}]}",
                "not json at all {"
            })
    void aJournalOfAnUnexpectedShapeStopsWithOneSentenceAndIsNeverOverwritten(String content) throws Exception {
        Path file = folder.resolve("journal.json");
        Files.writeString(file, content);
        byte[] bytes = Files.readAllBytes(file);
        assertThatThrownBy(() -> Journal.open(folder))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains(file.toString())
                        .contains("move it aside")
                        .doesNotContain("Exception")
                        .doesNotContain("jackson")
                        .doesNotContain("\n"));
        // A journal object made before the file went bad cannot write over it either.
        Files.delete(file);
        Journal journal = Journal.open(folder);
        Files.write(file, bytes);
        assertThatThrownBy(() -> journal.begin("fix", "1", "r", "x", null))
                .isInstanceOf(JournalWriteException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void aBadValueIsQuotedWithItsControlCharactersEscaped() throws Exception {
        Files.writeString(
                folder.resolve("journal.json"),
                "{\"format\": 2, \"records\": [{\"id\": \"a\", \"time\": \"t\", "
                        + "\"kind\": \"fix\\u001b[31m\\nline\", \"account\": \"1\", \"role\": \"r\", \"appliance\": \"x\", \"entries\": []}]}",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Journal.open(folder))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("records[0].kind is \"fix\\u001B[31m\\nline\"")
                        .doesNotContain("\u001b")
                        .doesNotContain("\n"));
    }
}
