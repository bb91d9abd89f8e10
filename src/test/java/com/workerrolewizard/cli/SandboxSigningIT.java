package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.sandbox.Sandbox;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the jar: the sandbox refuses what IAM refuses (keys it does not know, a signature made with the wrong
 * secret) and the command says so in one line with exit 2; its own sandbox (--sandbox) it signs in to with the
 * random keys of that run, which no one else has.
 */
class SandboxSigningIT {
    private static final String KEY = "AKIASIGNINGTEST00001";
    private static final String SECRET = "signing-test-secret-0000000000000000000001";

    @TempDir
    java.nio.file.Path home;

    private JarRun check(Sandbox sandbox, String accessKey, String secret) throws Exception {
        return JarRun.with(
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        accessKey,
                        "AWS_SECRET_ACCESS_KEY",
                        secret,
                        "AWS_REGION",
                        "us-east-1",
                        "WORKER_ROLE_WIZARD_HOME",
                        home.toString()),
                List.of(),
                "check",
                "--endpoint-url",
                sandbox.endpoint().toString(),
                "--appliance",
                Sandbox.APPLIANCE,
                "--role",
                "VeeamWorkerReady");
    }

    @Test
    void keysTheSandboxDoesNotKnowOrAWrongSecretCannotSignIn() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, SECRET)) {
            JarRun unknown = check(sandbox, "AKIANOTKNOWNHERE0001", SECRET);
            assertThat(unknown.exit()).as(unknown.err()).isEqualTo(2);
            assertThat(unknown.err().strip())
                    .contains("InvalidClientTokenId")
                    .doesNotContain("\n")
                    .doesNotContain("\tat ");
            JarRun wrongSecret = check(sandbox, KEY, SECRET.replace('1', '2'));
            assertThat(wrongSecret.exit()).as(wrongSecret.err()).isEqualTo(2);
            assertThat(wrongSecret.err().strip())
                    .contains("SignatureDoesNotMatch")
                    .doesNotContain("\n");
            assertThat(unknown.out() + unknown.err() + wrongSecret.out() + wrongSecret.err())
                    .doesNotContain(SECRET);
            JarRun right = check(sandbox, KEY, SECRET);
            assertThat(right.exit()).as(right.err()).isZero();
        }
    }

    @Test
    void theBuiltInSandboxTakesTheRunsOwnKeys() throws Exception {
        JarRun run = JarRun.with(
                Map.of("WORKER_ROLE_WIZARD_HOME", home.toString()),
                List.of(),
                "check",
                "--sandbox",
                "--appliance",
                Sandbox.APPLIANCE,
                "--role",
                "VeeamWorkerReady");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContainPattern("AKIA[A-Z0-9]{16}");
    }
}
