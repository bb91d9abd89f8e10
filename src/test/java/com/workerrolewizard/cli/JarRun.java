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
        return command(null, env, jarCommand(jvmOptions, args));
    }

    /** The jar's command and environment (never real AWS, as {@link #with} says), for a test that starts it itself. */
    static ProcessBuilder builder(Map<String, String> env, List<String> jvmOptions, String... args) {
        return builder(null, env, jarCommand(jvmOptions, args));
    }

    private static List<String> jarCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>(java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar()));
        command.addAll(List.of(args));
        return command;
    }

    static List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static String jar() {
        return System.getProperty("wizard.jar", "target/worker-role-wizard.jar");
    }

    /**
     * Runs any command (a shell around the jar, say) as {@link #with} runs the jar, in {@code directory} (null: this
     * one); a variable that {@code env} maps to null is removed.
     */
    static JarRun command(Path directory, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Process process = builder(directory, env, command).start();
        process.getOutputStream().close();
        byte[][] streams = new byte[2][];
        Thread outReader = new Thread(() -> streams[0] = readAll(process.getInputStream()));
        Thread errReader = new Thread(() -> streams[1] = readAll(process.getErrorStream()));
        outReader.start();
        errReader.start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            // A command that hangs fails its test instead of hanging the build.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        outReader.join();
        errReader.join();
        assertThat(finished)
                .as("the command finishes; stderr so far: %s", new String(streams[1], StandardCharsets.UTF_8))
                .isTrue();
        return new JarRun(
                process.exitValue(),
                new String(streams[0], StandardCharsets.UTF_8),
                new String(streams[1], StandardCharsets.UTF_8));
    }

    private static ProcessBuilder builder(Path directory, Map<String, String> env, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
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
