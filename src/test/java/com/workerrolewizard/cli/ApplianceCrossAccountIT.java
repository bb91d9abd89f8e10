package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code appliance-access} for an appliance in another account of the sandbox's organization (its Backup account),
 * read through an assume-role profile ({@code --appliance-profile}) that the sandbox's STS enters as AWS would: allowed
 * by {@code *} and by the worker's ARN, denied by a Deny, by a permissions boundary and by a service control policy,
 * and an Impersonation role that cannot be read.
 */
class ApplianceCrossAccountIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "AKIACROSSACCOUNTTEST";
    private static final String APPLIANCE = "arn:aws:iam::" + Sandbox.BACKUP + ":role/VeeamBackupImpersonation";
    private static final String WORKER = "arn:aws:iam::" + Sandbox.ACCOUNT + ":role/CrossWorker";

    @TempDir
    Path temp;

    private JarRun check(Sandbox sandbox, String appliance, String format) throws IOException, InterruptedException {
        Path config = temp.resolve("config");
        Files.writeString(
                config,
                "[profile base]\nregion = us-east-1\n\n[profile backup]\nsource_profile = base\nrole_arn = "
                        + "arn:aws:iam::" + Sandbox.BACKUP
                        + ":role/OrganizationAccountAccessRole\nregion = us-east-1\n");
        Path credentials = temp.resolve("credentials");
        Files.writeString(credentials, "[base]\naws_access_key_id = " + KEY + "\naws_secret_access_key = secret\n");
        List<String> args = new ArrayList<>(List.of(
                "check",
                "--role",
                "CrossWorker",
                "--profile",
                "base",
                "--endpoint-url",
                sandbox.endpoint().toString(),
                "--appliance",
                appliance,
                "--appliance-profile",
                "backup",
                "--format",
                format));
        return JarRun.with(
                Map.of(
                        "AWS_CONFIG_FILE",
                        config.toString(),
                        "AWS_SHARED_CREDENTIALS_FILE",
                        credentials.toString(),
                        "WORKER_ROLE_WIZARD_HOME",
                        temp.resolve("app-data").toString()),
                List.of(),
                args.toArray(String[]::new));
    }

    private static JsonNode access(JarRun run) throws IOException {
        for (JsonNode requirement : JSON.readTree(run.out()).get("roles").get(0).get("requirements")) {
            if (requirement.get("id").asText().equals("appliance-access")) {
                return requirement;
            }
        }
        throw new AssertionError("appliance-access is not listed: " + run.out() + run.err());
    }

    private static String allow(String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Resource\":\"" + resource + "\"}]}";
    }

    @Test
    void theApplianceSideInAnotherAccountIsDecidedThereInEveryCase() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret")) {
            sandbox.addRole(
                            "CrossWorker",
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                    + "\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"" + APPLIANCE + "\"}},{\"Effect\":"
                                    + "\"Allow\",\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":"
                                    + "\"ec2.amazonaws.com\"}}]}")
                    .putInstanceProfile("CrossWorker")
                    .putInlinePolicy(
                            "CrossWorker",
                            "VeeamWorkerPermissions",
                            ReferenceDocuments.load().permissionsPolicy().toString());
            Sandbox backup = sandbox.inAccount(Sandbox.BACKUP);

            // Cross-account, naming the role in the trust is not enough: the Impersonation role's "*" lets it in.
            JarRun star = check(sandbox, APPLIANCE, "json");
            assertThat(star.exit()).as(star.out() + star.err()).isZero();
            assertThat(access(star).get("status").asText()).isEqualTo("PASS");
            assertThat(access(star).get("detail").asText()).contains("inline policy \"AssumeWorkerRoles\"");

            backup.putInlinePolicy("VeeamBackupImpersonation", "AssumeWorkerRoles", allow(WORKER));
            JarRun byArn = check(sandbox, APPLIANCE, "text");
            assertThat(byArn.exit()).as(byArn.out() + byArn.err()).isZero();
            assertThat(byArn.out()).contains("[PASS]    appliance-access");

            backup.putInlinePolicy("VeeamBackupImpersonation", "AssumeWorkerRoles", allow("arn:aws:iam::*:role/Other"));
            JarRun notAllowed = check(sandbox, APPLIANCE, "json");
            assertThat(notAllowed.exit()).isEqualTo(1);
            assertThat(access(notAllowed).get("status").asText()).isEqualTo("FAIL");

            backup.putInlinePolicy("VeeamBackupImpersonation", "AssumeWorkerRoles", allow("*"));
            backup.putInlinePolicy(
                    "VeeamBackupImpersonation",
                    "NoWorkers",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\","
                            + "\"Resource\":\"" + WORKER + "\"}]}");
            JarRun denied = check(sandbox, APPLIANCE, "json");
            assertThat(denied.exit()).isEqualTo(1);
            assertThat(access(denied).get("status").asText()).isEqualTo("FAIL");
            assertThat(access(denied).get("detail").asText()).contains("inline policy \"NoWorkers\"");

            backup.putInlinePolicy("VeeamBackupImpersonation", "NoWorkers", allow("arn:aws:iam::*:role/Other"));
            backup.setBoundary(
                    "VeeamBackupImpersonation",
                    "OnlyS3",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
                            + "\"Resource\":\"*\"}]}");
            JarRun bounded = check(sandbox, APPLIANCE, "json");
            assertThat(bounded.exit()).isEqualTo(1);
            assertThat(access(bounded).get("status").asText()).isEqualTo("FAIL");
            assertThat(access(bounded).get("detail").asText()).containsIgnoringCase("boundary");

            backup.setBoundary(
                    "VeeamBackupImpersonation",
                    "Everything",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                            + "\"Resource\":\"*\"}]}");
            backup.denyByOrganizations("sts:AssumeRole");
            JarRun scp = check(sandbox, APPLIANCE, "text");
            assertThat(scp.exit()).as(scp.out()).isEqualTo(1);
            assertThat(scp.out()).contains("[FAIL]    appliance-access").contains("service control policy");

            JarRun missing = check(sandbox, "arn:aws:iam::" + Sandbox.BACKUP + ":role/NoSuchImpersonation", "json");
            assertThat(access(missing).get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(access(missing).get("detail").asText()).contains("could not be read");
        }
    }
}
