package com.workerrolewizard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The built jar running in the background, its stderr read line by line as it comes, for commands a test takes part
 * in (a login whose browser the test is). Like {@link JarRun}: never real AWS (the caller's AWS_* and proxy variables
 * are dropped), never a real browser (headless).
 */
final class JarProcess implements AutoCloseable {
    private final Process process;
    private final List<String> errLines = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private final Thread errReader;
    private final Thread outReader;

    private JarProcess(Process process) {
        this.process = process;
        this.errReader = reader(process.getErrorStream(), line -> {
            synchronized (errLines) {
                errLines.add(line);
                errLines.notifyAll();
            }
        });
        this.outReader = reader(process.getInputStream(), line -> {
            synchronized (out) {
                out.append(line).append('\n');
            }
        });
    }

    static JarProcess start(Map<String, String> env, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", System.getProperty("wizard.jar", "target/worker-role-wizard.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("AWS_") || name.toLowerCase().endsWith("_proxy"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return new JarProcess(process);
    }

    /** Runs to the end, as {@link JarRun} does. */
    static JarRun run(Map<String, String> env, List<String> jvmOptions, String... args) throws Exception {
        try (JarProcess process = start(env, jvmOptions, args)) {
            return process.finish();
        }
    }

    private static Thread reader(InputStream stream, java.util.function.Consumer<String> onLine) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // The process ended.
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The first stderr line that matches, waiting for it (at most two minutes, or until the process ends). */
    String awaitErrLine(Predicate<String> match) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        synchronized (errLines) {
            while (true) {
                for (String line : errLines) {
                    if (match.test(line)) {
                        return line;
                    }
                }
                if (System.nanoTime() > deadline || (!process.isAlive() && !errReader.isAlive())) {
                    throw new AssertionError("no such line on stderr; it holds: " + String.join("\n", errLines));
                }
                errLines.wait(200);
            }
        }
    }

    JarRun finish() throws InterruptedException {
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the command did not finish; stderr: " + String.join("\n", errLines));
        }
        errReader.join(10_000);
        outReader.join(10_000);
        synchronized (errLines) {
            String err = errLines.isEmpty() ? "" : String.join("\n", errLines) + "\n";
            return new JarRun(process.exitValue(), out.toString(), err);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
