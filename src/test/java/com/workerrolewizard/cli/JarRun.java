package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built jar (system property wizard.jar, set by failsafe) as a user would, for the *IT classes. */
record JarRun(int exit, String out, String err) {
    static final String APPLIANCE = "arn:aws:iam::111122223333:role/VeeamImpersonation";

    static JarRun of(String... args) throws IOException, InterruptedException {
        return with(Map.of(), List.of(), args);
    }

    /**
     * Runs the jar with extra environment variables and JVM options. Never real AWS: the caller's AWS_* variables
     * are dropped, there are no profile files (unless {@code env} names some) and no instance metadata, which lives
     * at a network address off this machine.
     */
    static JarRun with(Map<String, String> env, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        Process process = builder(env, jvmOptions, args).start();
        process.getOutputStream().close();
        byte[][] streams = new byte[2][];
        Thread errReader = new Thread(() -> streams[1] = readAll(process.getErrorStream()));
        errReader.start();
        streams[0] = readAll(process.getInputStream());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command finishes").isTrue();
        errReader.join();
        return new JarRun(process.exitValue(), new String(streams[0], StandardCharsets.UTF_8),
                new String(streams[1], StandardCharsets.UTF_8));
    }

    /** The jar's command and environment (never real AWS, as {@link #with} says), for a test that starts it itself. */
    static ProcessBuilder builder(Map<String, String> env, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("wizard.jar", "target/worker-role-wizard.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        builder.environment().putAll(env);
        return builder;
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static Path resource(String name) {
        try {
            return Path.of(JarRun.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path fixture() {
        return resource("/fixtures/authorization-details.json");
    }

    /** Bad usage: exit code 2, one clear line on stderr, nothing on stdout, no stack trace. */
    JarRun isBadUsage(String expectedText) {
        assertThat(exit).as("exit code; stderr: %s", err).isEqualTo(2);
        assertThat(out).as("stdout").isEmpty();
        assertThat(err.lines().toList()).as("stderr: %s", err).hasSize(1);
        assertThat(err).contains(expectedText).doesNotContain("\tat ").doesNotContain("Exception");
        return this;
    }

    JarRun isSuccess() {
        assertThat(exit).as("exit code; stderr: %s", err).isZero();
        assertThat(err).as("stderr").isEmpty();
        return this;
    }
}
