package com.workerrolewizard.emu;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * moto's server mode (IAM, STS, Organizations), an AWS emulator nobody on this team wrote, from
 * {@code ../shared/emu}: started on a free port for a test class, stopped after it, never left running. Where
 * {@code ../shared} is absent (a user's clone) or moto cannot start (its Python packages are missing), the tests
 * that need it are skipped with a visible message.
 */
public final class Moto implements AutoCloseable {
    private final URI endpoint;
    private final Path pidFile;

    private Moto(URI endpoint, Path pidFile) {
        this.endpoint = endpoint;
        this.pidFile = pidFile;
    }

    /** moto on a free port; skips the calling test (with a message on stderr) when it cannot run here. */
    public static Moto startOrSkip() {
        Optional<Path> script = script();
        if (script.isEmpty()) {
            skip("../shared/emu/start-moto.sh is not here (../shared is not part of a user's clone)");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path pidFile = Files.createTempFile("moto-" + port, ".pid");
            Process start = new ProcessBuilder(
                            "bash", script.get().toString(), String.valueOf(port), pidFile.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!start.waitFor(60, TimeUnit.SECONDS) || start.exitValue() != 0) {
                skip("moto did not start (" + output.lines().reduce((a, b) -> b).orElse("no output")
                        + "); install its Debian packages as .ci/run does");
            }
            return new Moto(URI.create(output.lines().reduce((a, b) -> b).orElseThrow()), pidFile);
        } catch (IOException e) {
            skip("moto could not be started: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            skip("interrupted while starting moto");
        }
        throw new IllegalStateException("unreachable");
    }

    private static Optional<Path> script() {
        Path shared = Path.of(System.getProperty("shared.dir", "../shared"));
        Path script = shared.resolve("emu").resolve("start-moto.sh");
        return Files.isRegularFile(script) ? Optional.of(script) : Optional.empty();
    }

    private static void skip(String why) {
        System.err.println("SKIPPED: " + why + "; the tests against the independent AWS emulator did not run.");
        Assumptions.abort(why);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Forgets every role, policy and account. */
    public void reset() throws IOException, InterruptedException {
        java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public void close() {
        try {
            String pid = Files.readString(pidFile).strip();
            ProcessHandle.of(Long.parseLong(pid)).ifPresent(p -> {
                p.destroy();
                try {
                    p.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    p.destroyForcibly();
                }
            });
            Files.deleteIfExists(pidFile);
        } catch (IOException | NumberFormatException e) {
            // Nothing was started, or it is gone already.
        }
    }
}
