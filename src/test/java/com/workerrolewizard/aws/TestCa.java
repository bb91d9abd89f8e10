package com.workerrolewizard.aws;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority of the test's own, made with the JDK's keytool (no other tool, no dependency): its
 * certificate as PEM (what AWS_CA_BUNDLE names) and a server certificate it issued for 127.0.0.1 and localhost.
 * keytool takes seconds per call, so the tests share one, kept in target/test-ca while it has a day left.
 */
public final class TestCa {
    private static TestCa shared;
    public static final String NAME = "CN=Worker Role Wizard Test CA";
    private static final String PASSWORD = "test-store-password";
    private final Path caPem;
    private final SSLContext server;

    private TestCa(Path caPem, SSLContext server) {
        this.caPem = caPem;
        this.server = server;
    }

    /** The certificate of another authority, one that issued nothing the tests' servers use (PEM). */
    public Path otherCaPem() {
        return caPem.resolveSibling("other-ca.pem");
    }

    /** The CA's certificate, PEM. */
    public Path caPem() {
        return caPem;
    }

    /** A TLS context for a server on 127.0.0.1 with the certificate this CA issued. */
    public SSLContext serverContext() {
        return server;
    }

    /** The one test CA of this build: made once, reused by the unit tests and the tests through the jar. */
    public static synchronized TestCa shared() throws Exception {
        if (shared == null) {
            Path folder = Path.of("target", "test-ca").toAbsolutePath();
            Path made = folder.resolve("made");
            boolean fresh = Files.isRegularFile(made)
                    && Files.getLastModifiedTime(made)
                            .toInstant()
                            .isAfter(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
            if (!fresh) {
                Path building = Files.createTempDirectory(Files.createDirectories(folder.getParent()), "test-ca-");
                create(building);
                String other = building.resolve("other.p12").toString();
                keytool(
                        building,
                        "-genkeypair",
                        "-keystore",
                        other,
                        "-storetype",
                        "PKCS12",
                        "-storepass",
                        PASSWORD,
                        "-alias",
                        "other",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=Some Other CA",
                        "-ext",
                        "bc:c",
                        "-validity",
                        "3");
                keytool(
                        building,
                        "-exportcert",
                        "-keystore",
                        other,
                        "-storepass",
                        PASSWORD,
                        "-alias",
                        "other",
                        "-rfc",
                        "-file",
                        building.resolve("other-ca.pem").toString());
                Files.writeString(building.resolve("made"), "");
                deleteTree(folder);
                Files.move(building, folder, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            shared = new TestCa(folder.resolve("ca.pem"), serverContext(folder.resolve("server.p12")));
        }
        return shared;
    }

    private static void deleteTree(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                for (Path file :
                        files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    public static TestCa create(Path folder) throws Exception {
        Files.createDirectories(folder);
        String ca = folder.resolve("ca.p12").toString();
        String serverStore = folder.resolve("server.p12").toString();
        Path caPem = folder.resolve("ca.pem");
        keytool(
                folder,
                "-genkeypair",
                "-keystore",
                ca,
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-alias",
                "ca",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                NAME,
                "-ext",
                "bc:c",
                "-validity",
                "3");
        keytool(
                folder,
                "-exportcert",
                "-keystore",
                ca,
                "-storepass",
                PASSWORD,
                "-alias",
                "ca",
                "-rfc",
                "-file",
                caPem.toString());
        keytool(
                folder,
                "-genkeypair",
                "-keystore",
                serverStore,
                "-storetype",
                "PKCS12",
                "-storepass",
                PASSWORD,
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-validity",
                "3");
        keytool(
                folder,
                "-certreq",
                "-keystore",
                serverStore,
                "-storepass",
                PASSWORD,
                "-alias",
                "server",
                "-file",
                folder.resolve("server.csr").toString());
        keytool(
                folder,
                "-gencert",
                "-keystore",
                ca,
                "-storepass",
                PASSWORD,
                "-alias",
                "ca",
                "-rfc",
                "-infile",
                folder.resolve("server.csr").toString(),
                "-outfile",
                folder.resolve("server.pem").toString(),
                "-ext",
                "san=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2");
        keytool(
                folder,
                "-importcert",
                "-noprompt",
                "-keystore",
                serverStore,
                "-storepass",
                PASSWORD,
                "-alias",
                "ca",
                "-file",
                caPem.toString());
        keytool(
                folder,
                "-importcert",
                "-noprompt",
                "-keystore",
                serverStore,
                "-storepass",
                PASSWORD,
                "-alias",
                "server",
                "-file",
                folder.resolve("server.pem").toString());
        return new TestCa(caPem, serverContext(Path.of(serverStore)));
    }

    private static SSLContext serverContext(Path serverStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(serverStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(Path folder, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool " + args[0] + " failed: " + output);
        }
    }
}
