package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.sandbox.Sandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * The journal's guarantees through the built jar, against a sandbox started here (reached with --endpoint-url, so the
 * test sees and steers IAM's state): concurrent runs keep every record, a run killed mid-write and a client timeout
 * after the write landed are undone completely, a full disk is reported exactly, and a journal of an unexpected
 * shape is never overwritten.
 */
class JournalSafetyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Short runs start faster with the client compiler and the serial collector (this test runs the jar about 70 times). */
    private static final List<String> QUICK_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private static final String LAMBDA_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"}}]}";

    @TempDir
    Path home;

    private Sandbox sandbox;
    private IamClient iam;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        iam = IamClient.builder()
                .endpointOverride(sandbox.endpoint())
                .region(Region.AWS_GLOBAL)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(sandbox.credentials())
                .build();
    }

    @AfterEach
    void stop() {
        iam.close();
        sandbox.close();
    }

    private Path appData() {
        return home.resolve("app-data");
    }

    /** The sandbox's credentials, and the journal in this test's folder (or another one). */
    private Map<String, String> env(Path journalFolder) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", sandbox.credentials().resolveCredentials().accessKeyId());
        env.put(
                "AWS_SECRET_ACCESS_KEY",
                sandbox.credentials().resolveCredentials().secretAccessKey());
        env.put("AWS_REGION", "us-east-1");
        env.put("WORKER_ROLE_WIZARD_HOME", journalFolder.toString());
        return env;
    }

    private String[] fix(String role) {
        return new String[] {
            "fix",
            "--endpoint-url",
            sandbox.endpoint().toString(),
            "--appliance",
            Sandbox.APPLIANCE,
            "--role",
            role,
            "--yes"
        };
    }

    private JarRun undo(Path journalFolder) throws Exception {
        return JarRun.with(
                env(journalFolder),
                QUICK_JVM,
                "undo",
                "--endpoint-url",
                sandbox.endpoint().toString(),
                "--yes");
    }

    private JarRun list() throws Exception {
        return JarRun.with(env(appData()), QUICK_JVM, "undo", "--list");
    }

    /** Everything IAM holds about a role: its trust policy, inline and attached policies, and instance profiles. */
    private Map<String, Object> state(String role) throws IOException {
        Map<String, Object> state = new TreeMap<>();
        state.put("trust", JSON.readTree(sandbox.trustPolicy(role).orElseThrow()));
        state.put("inline", iam.listRolePolicies(r -> r.roleName(role)).policyNames());
        state.put(
                "attached", iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies());
        state.put(
                "profiles",
                iam.listInstanceProfilesForRole(r -> r.roleName(role)).instanceProfiles().stream()
                        .map(p -> p.instanceProfileName())
                        .toList());
        boolean profileNamedAfterRole = true;
        try {
            iam.getInstanceProfile(r -> r.instanceProfileName(role));
        } catch (NoSuchEntityException e) {
            profileNamedAfterRole = false;
        }
        state.put("profileNamedAfterRole", profileNamedAfterRole);
        return state;
    }

    /** A run of the jar started and left running; {@link #finish} collects what it printed. */
    private static final class Running {
        final Process process;
        private final byte[][] streams = new byte[2][];
        private final List<Thread> readers = new ArrayList<>();

        Running(ProcessBuilder builder) throws IOException {
            process = builder.start();
            process.getOutputStream().close();
            readers.add(reader(process.getInputStream(), 0));
            readers.add(reader(process.getErrorStream(), 1));
        }

        private Thread reader(InputStream in, int slot) {
            Thread thread = new Thread(() -> {
                try {
                    streams[slot] = in.readAllBytes();
                } catch (IOException e) {
                    streams[slot] = new byte[0];
                }
            });
            thread.start();
            return thread;
        }

        JarRun finish() throws InterruptedException {
            assertThat(process.waitFor(120, TimeUnit.SECONDS))
                    .as("the command finishes")
                    .isTrue();
            for (Thread reader : readers) {
                reader.join();
            }
            return new JarRun(
                    process.exitValue(),
                    new String(streams[0], StandardCharsets.UTF_8),
                    new String(streams[1], StandardCharsets.UTF_8));
        }
    }

    private void awaitInlinePolicy(String role) throws InterruptedException {
        for (int i = 0;
                i < 300
                        && !iam.listRolePolicies(r -> r.roleName(role))
                                .policyNames()
                                .contains("VeeamWorkerPermissions");
                i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void twoFixesAtTheSameMomentKeepBothRecordsAndTwoUndosRestoreBothRoles() throws Exception {
        // A little latency per call keeps both runs writing the journal over the same stretch of time.
        sandbox.faults().latency(30);
        for (int round = 1; round <= 10; round++) {
            String a = "ConcurrentA" + round;
            String b = "ConcurrentB" + round;
            sandbox.addRole(a, LAMBDA_TRUST).addRole(b, LAMBDA_TRUST);
            Map<String, Object> beforeA = state(a);
            Map<String, Object> beforeB = state(b);
            Running first = new Running(JarRun.builder(env(appData()), QUICK_JVM, fix(a)));
            Running second = new Running(JarRun.builder(env(appData()), QUICK_JVM, fix(b)));
            JarRun fixA = first.finish();
            JarRun fixB = second.finish();
            assertThat(fixA.exit()).as("round %d: %s", round, fixA.err()).isZero();
            assertThat(fixB.exit()).as("round %d: %s", round, fixB.err()).isZero();

            JsonNode journal = JSON.readTree(Files.readString(appData().resolve("journal.json")));
            for (String role : List.of(a, b)) {
                List<JsonNode> records = new ArrayList<>();
                journal.get("records").forEach(r -> {
                    if (r.get("role").asText().equals(role)
                            && r.get("kind").asText().equals("fix")) {
                        records.add(r);
                    }
                });
                assertThat(records)
                        .as("round %d: the record of %s", round, role)
                        .hasSize(1);
                List<String> states = new ArrayList<>();
                records.get(0)
                        .get("entries")
                        .forEach(e -> states.add(
                                e.get("action").asText() + " " + e.get("state").asText()));
                assertThat(states)
                        .as("round %d: the writes of %s", round, role)
                        .containsExactly(
                                "UpdateAssumeRolePolicy APPLIED",
                                "PutRolePolicy APPLIED",
                                "CreateInstanceProfile APPLIED",
                                "AddRoleToInstanceProfile APPLIED");
            }

            JarRun undoOne = undo(appData());
            JarRun undoTwo = undo(appData());
            assertThat(undoOne.exit()).as(undoOne.out() + undoOne.err()).isZero();
            assertThat(undoTwo.exit()).as(undoTwo.out() + undoTwo.err()).isZero();
            assertThat(state(a)).as("round %d: %s restored", round, a).isEqualTo(beforeA);
            assertThat(state(b)).as("round %d: %s restored", round, b).isEqualTo(beforeB);
        }
    }

    @Test
    void aRunKilledWhileAWriteIsInFlightIsUndoneCompletelyOnceTheWriteLands() throws Exception {
        String role = "WorkerFailingAll";
        Map<String, Object> before = state(role);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sandbox.faults().hold("PutRolePolicy", held, release);
        Running fix = new Running(JarRun.builder(env(appData()), QUICK_JVM, fix(role)));
        assertThat(held.await(120, TimeUnit.SECONDS))
                .as("PutRolePolicy reaches the sandbox")
                .isTrue();
        fix.process.destroyForcibly();
        assertThat(fix.finish().exit()).isNotZero();

        String listed = list().out();
        assertThat(listed)
                .containsPattern("applied +UpdateAssumeRolePolicy")
                .containsPattern("unknown outcome +PutRolePolicy");

        release.countDown();
        awaitInlinePolicy(role);
        sandbox.faults().clear();
        JarRun undo = undo(appData());
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(undo.out())
                .contains("the outcome of PutRolePolicy is unknown: undo first checks whether it landed")
                .contains(
                        "Found: PutRolePolicy had an unknown outcome; inline policy VeeamWorkerPermissions is on role "
                                + role + ", so it landed and is reverted.")
                .contains("Applied: Delete inline policy VeeamWorkerPermissions of role " + role + ".");
        assertThat(state(role)).isEqualTo(before);
        assertThat(list().out())
                .containsPattern("reverted +PutRolePolicy")
                .containsPattern("reverted +UpdateAssumeRolePolicy")
                .doesNotContain("unknown outcome");
    }

    @Test
    void aWriteThatLandedAfterTheClientTimedOutIsUnknownAndUndoRevertsIt() throws Exception {
        String role = "WorkerFailingAll";
        Map<String, Object> before = state(role);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sandbox.faults().hold("PutRolePolicy", held, release);
        JarRun fix = JarRun.with(
                env(appData()),
                List.of(
                        "-Dworker.role.wizard.attemptTimeoutMillis=1000",
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC"),
                fix(role));
        assertThat(held.getCount()).isZero();
        assertThat(fix.exit()).isEqualTo(1);
        assertThat(fix.out())
                .contains("Applied: Append")
                .contains("Stopped: PutRolePolicy got no clear answer, so it may " + "have been made")
                .contains("Outcome unknown: Add inline policy VeeamWorkerPermissions")
                .contains("checks AWS for the changes whose outcome is unknown")
                .doesNotContain("Nothing was changed");

        release.countDown();
        awaitInlinePolicy(role);
        sandbox.faults().clear();
        JarRun undo = undo(appData());
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(undo.out())
                .contains("Found: PutRolePolicy had an unknown outcome; inline policy VeeamWorkerPermissions "
                        + "is on role " + role + ", so it landed and is reverted.");
        assertThat(state(role)).isEqualTo(before);
        assertThat(undo(appData()).out()).startsWith("Nothing to undo");
    }

    /**
     * The journal on a file system that fills up while a write is in flight: the write lands, recording its answer
     * fails, and the run says the change was made. Needs root for a private tmpfs (CI runs as root).
     */
    @Test
    void aFullDiskAfterAWriteLandedSaysExactlyWhatIsKnownAndUndoStillRevertsIt() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean unshare = Files.isExecutable(Path.of("/usr/bin/unshare"));
        if (!root || !unshare) {
            System.out.println("SKIPPED: the full-disk test needs root and /usr/bin/unshare to mount a private tmpfs");
        }
        assumeTrue(root && unshare, "the full-disk test needs root and /usr/bin/unshare to mount a private tmpfs");
        String role = "WorkerWithoutEc2Trust";
        Map<String, Object> before = state(role);
        Path mount = Files.createDirectories(home.resolve("small-disk"));
        Path copy = home.resolve("journal-after");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        sandbox.faults().hold("UpdateAssumeRolePolicy", held, release);

        ProcessBuilder builder = JarRun.builder(env(mount.resolve("app-data")), QUICK_JVM, fix(role));
        List<String> command = new ArrayList<>(List.of(
                "/usr/bin/unshare",
                "-m",
                "sh",
                "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$0\" || exit 97; \"$@\"; rc=$?; cp -r \"$0/app-data\" \"$JOURNAL_COPY\"; "
                        + "exit $rc",
                mount.toString()));
        command.addAll(builder.command());
        builder.command(command).environment().put("JOURNAL_COPY", copy.toString());
        Running fix = new Running(builder);
        assertThat(held.await(120, TimeUnit.SECONDS))
                .as("the trust policy write reaches the sandbox")
                .isTrue();
        // Fill the run's private tmpfs, seen through its process's root, while the write is in flight.
        Path full = Path.of("/proc/" + fix.process.pid() + "/root" + mount.toAbsolutePath(), "filler");
        try (OutputStream out = Files.newOutputStream(full)) {
            byte[] block = new byte[64 * 1024];
            for (int i = 0; i < 64; i++) {
                out.write(block);
            }
        } catch (IOException expected) {
            // No space left on device: the disk is full.
        }
        release.countDown();
        JarRun run = fix.finish();

        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("Applied: Append the page's EC2 statement")
                .contains("made in AWS, but the journal " + "still shows it as pending")
                .contains("No space left on device")
                .contains("after UpdateAssumeRolePolicy was made in AWS")
                .doesNotContainIgnoringCase("nothing was changed")
                .doesNotContainIgnoringCase("nothing is changed");
        assertThat(run.err()).isEmpty();
        assertThat(state(role)).isNotEqualTo(before);

        sandbox.faults().clear();
        JarRun undo = undo(copy);
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        assertThat(undo.out())
                .contains("Found: UpdateAssumeRolePolicy had an unknown outcome; the trust policy of role " + role
                        + " is the one the fix wrote, so it landed and is reverted.");
        assertThat(state(role)).isEqualTo(before);
    }

    private static final String BAD_FIELD = "{\"format\": 1, \"records\": [{\"id\": \"a\", \"time\": \"t\", \"kind\": "
            + "\"fix\", \"account\": \"123456789012\", \"role\": \"WorkerFailingAll\", \"appliance\": \"x\", \"entries\": "
            + "[{\"action\": \"PutRolePolicy\", \"state\": \"APPLIED\", \"parameters\": \"RoleName\"}]}]}";

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "null", "{\"format\": 3, \"records\": []}", BAD_FIELD, "{\"records\": ["})
    void aJournalOfAnUnexpectedShapeStopsEveryCommandWithOneSentenceAndIsLeftByteForByte(String content)
            throws Exception {
        String role = "WorkerFailingAll";
        Map<String, Object> before = state(role);
        Path file = Files.createDirectories(appData()).resolve("journal.json");
        Files.writeString(file, content);
        byte[] bytes = Files.readAllBytes(file);
        List<JarRun> runs = List.of(list(), JarRun.with(env(appData()), QUICK_JVM, fix(role)), undo(appData()));
        for (JarRun run : runs) {
            run.isBadUsage(file.toString());
            assertThat(run.err())
                    .contains("move it aside")
                    .doesNotContain("jackson")
                    .doesNotContain("ClassCast");
            assertThat(Files.readAllBytes(file))
                    .as("the journal is left as it was")
                    .isEqualTo(bytes);
        }
        assertThat(state(role)).as("nothing was written to AWS").isEqualTo(before);
    }
}
