package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.emu.AccountSeed;
import com.workerrolewizard.emu.Moto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The commands through the jar against moto, an IAM emulator nobody here wrote, holding an account of real size:
 * 1,000 roles on several paths with inline and versioned managed policies, boundaries and instance profiles. moto
 * has no policy simulator (it answers HTTP 500) and checks no trust policy: the product must get through both.
 */
class MotoIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROLES = 1000;
    private static Moto moto;

    @TempDir
    Path temp;

    @BeforeAll
    static void seed() throws Exception {
        moto = Moto.startOrSkip();
        AccountSeed.write(moto.endpoint(), ROLES);
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private JarRun run(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", moto.endpoint().toString()));
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_ACCESS_KEY_ID",
                "test",
                "AWS_SECRET_ACCESS_KEY",
                "test",
                "AWS_REGION",
                "us-east-1",
                "WORKER_ROLE_WIZARD_HOME",
                temp.resolve("app-data").toString()));
        return JarRun.with(env, List.of(), all.toArray(String[]::new));
    }

    /** role name -> the four statuses and the missing actions, from check's JSON. */
    static Map<String, String> verdicts(String json) throws IOException {
        Map<String, String> byRole = new LinkedHashMap<>();
        for (JsonNode role : JSON.readTree(json).get("roles")) {
            StringBuilder verdict = new StringBuilder();
            for (JsonNode requirement : role.get("requirements")) {
                verdict.append(requirement.get("id").asText())
                        .append('=')
                        .append(requirement.get("status").asText())
                        .append(
                                requirement.has("missing")
                                        ? requirement.get("missing").toString()
                                        : "")
                        .append(' ');
            }
            byRole.put(role.get("role").asText(), verdict.toString().strip());
        }
        return byRole;
    }

    @Test
    void checkOfEveryRoleEqualsTheOfflineCheckOfTheSameAccountsDocument() throws Exception {
        JarRun live = run("check", "--all-roles", "--format", "json", "--appliance", AccountSeed.APPLIANCE);
        assertThat(live.exit()).as(live.err()).isEqualTo(1);
        assertThat(live.err()).as("stderr is not a terminal: no progress").isEmpty();
        Map<String, String> liveVerdicts = verdicts(live.out());
        assertThat(liveVerdicts).hasSize(ROLES + 1);

        // The same account as an independent client (boto3) prints it, checked offline.
        Path script = JarRun.resource("/scripts/authorization-details.py");
        Path file = temp.resolve("account.json");
        Process dump = new ProcessBuilder(
                        "/usr/bin/python3", script.toString(), moto.endpoint().toString())
                .redirectOutput(file.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertThat(dump.waitFor()).isZero();
        JarRun offline = JarRun.of(
                "check",
                "--all-roles",
                "--format",
                "json",
                "--appliance",
                AccountSeed.APPLIANCE,
                "--authorization-details",
                file.toString());
        assertThat(offline.exit()).as(offline.err()).isEqualTo(1);
        assertThat(liveVerdicts).isEqualTo(verdicts(offline.out()));

        // The kinds of role came out as the seed made them (so the comparison compared something).
        assertThat(liveVerdicts.get("Worker00010"))
                .isEqualTo("instance-profile=PASS appliance-trust=PASS ec2-trust=PASS permissions=PASS[] "
                        + "appliance-access=PASS");
        assertThat(liveVerdicts.get("Worker00001")).contains("permissions=PASS[]");
        assertThat(liveVerdicts.get("Worker00002")).contains("permissions=FAIL[\"ssm:");
        assertThat(liveVerdicts.get("Worker00005")).contains("permissions=FAIL[\"sqs:DeleteMessage\"");
        assertThat(liveVerdicts.get("Worker00007"))
                .contains("permissions=FAIL[\"sqs:DeleteMessage\",\"sqs:ReceiveMessage\"," + "\"sqs:SendMessage\"]");
        assertThat(liveVerdicts.get("Worker00008")).contains("permissions=WARN[]");
        assertThat(liveVerdicts.get("Worker00009"))
                .startsWith("instance-profile=FAIL appliance-trust=FAIL ec2-trust=FAIL");

        // moto has no policy simulator: the detail says the local evaluation decided and SCPs were not seen.
        JsonNode ready = null;
        for (JsonNode role : JSON.readTree(live.out()).get("roles")) {
            if (role.get("role").asText().equals("Worker00010")) {
                ready = role.get("requirements").get(3);
            }
        }
        assertThat(ready.get("detail").asText()).contains("SCPs) were not seen").doesNotContain("null");
    }

    @Test
    void fixWithYesThenUndoOnTheEmulator() throws Exception {
        String role = "Worker00019";
        String before;
        try (IamClient iam = AccountSeed.client(moto.endpoint())) {
            before = java.net.URLDecoder.decode(
                    iam.getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument(), StandardCharsets.UTF_8);
        }
        JarRun fix = run("fix", "--role", role, "--yes", "--appliance", AccountSeed.APPLIANCE);
        assertThat(fix.exit()).as(fix.out() + fix.err()).isZero();
        assertThat(fix.out()).contains("Applied: ").contains("1 meets all five requirements");

        JarRun undo = run("undo", "--yes");
        assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
        try (IamClient iam = AccountSeed.client(moto.endpoint())) {
            String after = java.net.URLDecoder.decode(
                    iam.getRole(r -> r.roleName(role)).role().assumeRolePolicyDocument(), StandardCharsets.UTF_8);
            assertThat(JSON.readTree(after)).isEqualTo(JSON.readTree(before));
            assertThat(iam.listRolePolicies(r -> r.roleName(role)).policyNames())
                    .isEmpty();
            assertThat(iam.listInstanceProfilesForRole(r -> r.roleName(role)).instanceProfiles())
                    .isEmpty();
        }
        JarRun check = run("check", "--role", role, "--appliance", AccountSeed.APPLIANCE);
        assertThat(check.exit()).isEqualTo(1);
        assertThat(Files.exists(temp.resolve("app-data"))).isTrue();
    }
}
