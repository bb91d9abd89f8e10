package com.workerrolewizard.bench;

import com.workerrolewizard.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * {@code check --all-roles} and a single-role check through the jar, against the AWS CLI doing the same reads role
 * by role (a bash script of {@code aws iam} calls), both against the sandbox with the same latency added to every
 * request, in the same run. The script is timed on a few roles and scaled to the account (it is linear: one role's
 * calls after another's). Needs the AWS CLI on the PATH. Run after {@code mvn -B -q package -DskipTests test-compile}:
 * {@code java -cp target/test-classes:target/worker-role-wizard.jar com.workerrolewizard.bench.AllRolesBenchmark}
 * (arguments: role counts, default "500 5000"; the latencies are 0 and 100 ms).
 */
public final class AllRolesBenchmark {
    private static final int SCRIPT_ROLES = 5;
    private static final int RUNS = 3;

    private AllRolesBenchmark() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Integer.parseInt(arg));
        }
        if (sizes.isEmpty()) {
            sizes.addAll(List.of(500, 5000));
        }
        Path jar = Path.of(System.getProperty("wizard.jar", "target/worker-role-wizard.jar"));
        Path script = Files.createTempFile("read-roles", ".sh");
        Files.writeString(script, SCRIPT);
        System.out.println(
                "| roles | latency per request | check --all-roles (jar) | AWS CLI, role by role (scaled from "
                        + SCRIPT_ROLES + ") | ratio | check --role (jar) | AWS CLI, one role | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int size : sizes) {
            for (long latency : new long[] {0, 100}) {
                try (Sandbox sandbox = Sandbox.start().addRoles("Bulk", size - 7)) {
                    Map<String, String> env = environment(sandbox);
                    String endpoint = sandbox.endpoint().toString();
                    sandbox.faults().latency(latency);
                    long all = median(() -> run(
                            env,
                            List.of(
                                    "java",
                                    "-jar",
                                    jar.toString(),
                                    "check",
                                    "--all-roles",
                                    "--format",
                                    "json",
                                    "--appliance",
                                    Sandbox.APPLIANCE,
                                    "--endpoint-url",
                                    endpoint)));
                    long one = median(() -> run(
                            env,
                            List.of(
                                    "java",
                                    "-jar",
                                    jar.toString(),
                                    "check",
                                    "--role",
                                    "VeeamWorkerReady",
                                    "--appliance",
                                    Sandbox.APPLIANCE,
                                    "--endpoint-url",
                                    endpoint)));
                    long scriptFew = median(
                            () -> run(env, List.of("bash", script.toString(), endpoint, String.valueOf(SCRIPT_ROLES))));
                    long scriptOne = median(() -> run(env, List.of("bash", script.toString(), endpoint, "1")));
                    // The script's fixed part (caller identity, the first page of roles) is in both; scale the rest.
                    long perRole = Math.max(0, (scriptFew - scriptOne) / (SCRIPT_ROLES - 1));
                    long scriptAll = scriptOne + perRole * (size - 1);
                    System.out.printf(
                            "| %,d | %d ms | %,d ms | %,d ms | 1/%,d | %,d ms | %,d ms | 1/%.1f |%n",
                            size,
                            latency,
                            all,
                            scriptAll,
                            scriptAll / Math.max(1, all),
                            one,
                            scriptOne,
                            (double) scriptOne / one);
                }
            }
        }
        Files.deleteIfExists(script);
    }

    /**
     * The AWS CLI reading roles one by one as the product reads one role: the caller, then per role GetRole,
     * ListInstanceProfilesForRole, ListRolePolicies (and GetRolePolicy for each), ListAttachedRolePolicies (and
     * GetPolicy and GetPolicyVersion for each), and the policy simulator.
     */
    private static final String SCRIPT = """
            set -euo pipefail
            E="$1"; N="$2"; A=(--endpoint-url "$E" --output json)
            aws sts get-caller-identity "${A[@]}" >/dev/null
            ACTIONS="ec2messages:GetMessages ssm:UpdateInstanceInformation sqs:SendMessage"
            ROLES=$(aws iam list-roles --max-items "$N" --query 'Roles[].RoleName' --output text --endpoint-url "$E")
            for ROLE in $ROLES; do
              [ "$ROLE" = None ] && continue
              ARN=$(aws iam get-role --role-name "$ROLE" "${A[@]}" --query Role.Arn --output text)
              aws iam list-instance-profiles-for-role --role-name "$ROLE" "${A[@]}" >/dev/null
              for P in $(aws iam list-role-policies --role-name "$ROLE" "${A[@]}" --query 'PolicyNames[]' --output text); do
                aws iam get-role-policy --role-name "$ROLE" --policy-name "$P" "${A[@]}" >/dev/null
              done
              for P in $(aws iam list-attached-role-policies --role-name "$ROLE" "${A[@]}" --query 'AttachedPolicies[].PolicyArn' --output text); do
                V=$(aws iam get-policy --policy-arn "$P" "${A[@]}" --query Policy.DefaultVersionId --output text)
                aws iam get-policy-version --policy-arn "$P" --version-id "$V" "${A[@]}" >/dev/null
              done
              aws iam simulate-principal-policy --policy-source-arn "$ARN" --action-names $ACTIONS "${A[@]}" >/dev/null
            done
            """;

    private static Map<String, String> environment(Sandbox sandbox) {
        AwsCredentials keys = sandbox.credentials().resolveCredentials();
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", keys.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", "/nonexistent");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent");
        return env;
    }

    private interface Timed {
        long millis() throws IOException, InterruptedException;
    }

    private static long median(Timed timed) throws IOException, InterruptedException {
        long[] millis = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            millis[i] = timed.millis();
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }

    private static long run(Map<String, String> env, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        builder.environment().putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (exit > 1) {
            throw new IllegalStateException(
                    command.get(0) + " " + command.get(command.size() - 1) + " ended with " + exit);
        }
        return millis;
    }
}
