package com.workerrolewizard.bench;

import com.workerrolewizard.sandbox.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * One role in many accounts: {@code check --accounts ID,...} (one run, six accounts at a time, each entered by
 * AssumeRole) against checking the accounts one by one, as an admin does today (one {@code check --role} per account,
 * each through an assume-role profile), both against the sandbox's organization with the same latency added to every
 * request. The one-by-one runs are timed on {@value #ONE_BY_ONE} accounts and scaled (they are a loop). Run after
 * {@code mvn -B -q package -DskipTests test-compile}:
 * {@code java -cp target/test-classes:target/worker-role-wizard.jar com.workerrolewizard.bench.AccountsBenchmark 50}
 * (arguments: account count, default 50; latency in ms, default 100).
 */
public final class AccountsBenchmark {
    private static final int ONE_BY_ONE = 5;
    private static final int RUNS = 3;

    private AccountsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long latency = args.length > 1 ? Long.parseLong(args[1]) : 100;
        Path jar = Path.of(System.getProperty("wizard.jar", "target/worker-role-wizard.jar"));
        Path folder = Files.createTempDirectory("accounts-benchmark");
        try (Sandbox sandbox = Sandbox.start()) {
            List<String> ids = sandbox.addMembers(accounts);
            Map<String, String> env = environment(sandbox, folder, ids);
            String endpoint = sandbox.endpoint().toString();
            sandbox.faults().latency(latency);
            long together = median(() -> run(
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
                            "--profile",
                            "base",
                            "--endpoint-url",
                            endpoint,
                            "--accounts",
                            String.join(",", ids))));
            long few = median(() -> {
                long total = 0;
                for (int i = 0; i < ONE_BY_ONE; i++) {
                    total += run(
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
                                    "--profile",
                                    "member" + i,
                                    "--endpoint-url",
                                    endpoint));
                }
                return total;
            });
            long oneByOne = few * accounts / ONE_BY_ONE;
            System.out.println(
                    "| accounts | latency per request | `check --accounts` (one run) | one `check --role` per "
                            + "account (scaled from " + ONE_BY_ONE + ") | ratio |");
            System.out.println("|---|---|---|---|---|");
            System.out.printf(
                    "| %d | %d ms | %,d ms | %,d ms | 1/%.1f |%n",
                    accounts, latency, together, oneByOne, (double) oneByOne / together);
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A base profile with the sandbox administrator's key, and one assume-role profile per member account. */
    private static Map<String, String> environment(Sandbox sandbox, Path folder, List<String> ids) throws IOException {
        AwsCredentials keys = sandbox.credentials().resolveCredentials();
        StringBuilder config = new StringBuilder("[profile base]\nregion = us-east-1\n");
        for (int i = 0; i < ids.size(); i++) {
            config.append("\n[profile member")
                    .append(i)
                    .append("]\nsource_profile = base\nregion = us-east-1\nrole_arn = arn:aws:iam::")
                    .append(ids.get(i))
                    .append(":role/OrganizationAccountAccessRole\n");
        }
        Path configFile = folder.resolve("config");
        Files.writeString(configFile, config);
        Path credentials = folder.resolve("credentials");
        Files.writeString(
                credentials,
                "[base]\naws_access_key_id = " + keys.accessKeyId() + "\naws_secret_access_key = "
                        + keys.secretAccessKey() + "\n");
        Map<String, String> env = new HashMap<>();
        env.put("AWS_CONFIG_FILE", configFile.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("WORKER_ROLE_WIZARD_HOME", folder.resolve("app-data").toString());
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
        int exit = builder.start().waitFor();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (exit != 0) {
            throw new IllegalStateException("the check ended with " + exit + ": every account's role should pass");
        }
        return millis;
    }
}
