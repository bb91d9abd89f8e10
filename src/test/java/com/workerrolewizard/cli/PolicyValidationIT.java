package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IAM Access Analyzer's validation through the jar: the findings are printed with the plan before anything is
 * written, an ERROR stops the write, a refused validation is one line and no failure, --no-validate skips it, and
 * export validates what it exports where an account is signed in.
 */
class PolicyValidationIT {
    private static final String KEY = "AKIAVALIDATEPOLICY01";

    @TempDir
    Path temp;

    private JarRun run(Sandbox sandbox, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", sandbox.endpoint().toString()));
        return JarRun.with(
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        KEY,
                        "AWS_SECRET_ACCESS_KEY",
                        "secret",
                        "AWS_REGION",
                        "eu-west-1",
                        "WORKER_ROLE_WIZARD_HOME",
                        temp.resolve("app-data").toString()),
                List.of(),
                all.toArray(String[]::new));
    }

    @Test
    void findingsComeWithThePlanAndAnErrorStopsTheWrite() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret")) {
            JarRun clean =
                    run(sandbox, "fix", "--role", "WorkerFailingAll", "--appliance", Sandbox.APPLIANCE, "--dry-run");
            assertThat(clean.exit()).as(clean.err()).isZero();
            assertThat(clean.out()).contains("IAM Access Analyzer: no findings in the 2 documents.");

            sandbox.reportInEveryDocument("ERROR", "INVALID_ACTION");
            String before = sandbox.trustPolicy("WorkerFailingAll").orElseThrow();
            JarRun blocked =
                    run(sandbox, "fix", "--role", "WorkerFailingAll", "--appliance", Sandbox.APPLIANCE, "--yes");
            assertThat(blocked.exit()).as(blocked.out() + blocked.err()).isEqualTo(1);
            assertThat(blocked.out())
                    .contains("[ERROR] INVALID_ACTION: Reported for every document")
                    .contains("IAM Access Analyzer finds an error in the documents of the plan: nothing was changed.")
                    .doesNotContain("Applied: ");
            assertThat(sandbox.trustPolicy("WorkerFailingAll")).contains(before);

            JarRun skipped = run(
                    sandbox,
                    "fix",
                    "--role",
                    "WorkerFailingAll",
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--yes",
                    "--no-validate");
            assertThat(skipped.out()).contains("IAM Access Analyzer: not validated (--no-validate).");
            assertThat(skipped.out()).contains("Applied: ");
            assertThat(skipped.exit()).as(skipped.out() + skipped.err()).isZero();
        }
    }

    @Test
    void aRefusedValidationIsOneLineAndTheFixGoesOn() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret").refuseValidation()) {
            JarRun fix = run(
                    sandbox, "fix", "--role", "WorkerMissingPermissions", "--appliance", Sandbox.APPLIANCE, "--yes");
            assertThat(fix.exit()).as(fix.out() + fix.err()).isZero();
            assertThat(fix.out())
                    .contains("IAM Access Analyzer could not validate the document of")
                    .contains("access-analyzer:ValidatePolicy")
                    .contains("Applied: ");
        }
    }

    @Test
    void exportValidatesWhatItExportsOnlyWhereAnAccountIsSignedIn() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret")) {
            sandbox.reportInEveryDocument("SUGGESTION", "EMPTY_ARRAY_ACTION");
            JarRun live = run(
                    sandbox,
                    "export",
                    "--role",
                    "VeeamWorkerReady",
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--format",
                    "json");
            assertThat(live.exit()).as(live.err()).isZero();
            assertThat(live.err())
                    .contains("IAM Access Analyzer, the trust policy: [SUGGESTION] EMPTY_ARRAY_ACTION")
                    .contains("IAM Access Analyzer, the permissions policy: [SUGGESTION] EMPTY_ARRAY_ACTION");
            assertThat(live.out()).doesNotContain("Access Analyzer");

            // The appliance side's document is validated as the identity policy it is.
            JarRun appliance = run(
                    sandbox,
                    "export",
                    "--role",
                    "VeeamWorkerReady",
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--format",
                    "json",
                    "--document",
                    "appliance");
            assertThat(appliance.exit()).as(appliance.err()).isZero();
            assertThat(appliance.out())
                    .contains("\"Resource\": \"arn:aws:iam::" + Sandbox.ACCOUNT + ":role/VeeamWorkerReady\"");
            assertThat(appliance.err())
                    .contains("IAM Access Analyzer, the appliance role's policy: [SUGGESTION] EMPTY_ARRAY_ACTION")
                    .doesNotContain("the trust policy");
        }
        // Without an account nothing is validated; said at a terminal only, so a script's stderr stays empty.
        JarRun offline = JarRun.of("export", "--appliance", JarRun.APPLIANCE, "--format", "json");
        assertThat(offline.exit()).isZero();
        assertThat(offline.err()).isEmpty();
    }
}
