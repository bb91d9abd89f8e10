package com.workerrolewizard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * What a hostile or broken local client cannot do to the sandbox: make it hold a huge body, hold its threads with
 * stalled connections, or crash a request with bad encoding. Raw sockets say exactly what is sent and when.
 */
class SandboxLimitsTest {
    private static final int MB = 1024 * 1024;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Socket connect() throws IOException {
        Socket socket =
                new Socket(sandbox.endpoint().getHost(), sandbox.endpoint().getPort());
        socket.setSoTimeout(20_000);
        return socket;
    }

    private static String head(int contentLength) {
        return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + (contentLength < 0 ? "Transfer-Encoding: chunked" : "Content-Length: " + contentLength) + "\r\n\r\n";
    }

    /** Reads one answer whole (the sandbox sends Content-Length and closes after refusing). */
    private static String answer(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aDeclaredTwoMegabyteBodyIsRefusedBeforeAByteOfItIsRead() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(head(2 * MB).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // Not a byte of the body is sent: the answer can only come from the declared length.
            String answer = answer(socket.getInputStream());
            assertThat(answer)
                    .startsWith("HTTP/1.1 413 ")
                    .contains("Content-Type: text/xml")
                    .contains("<Error><Type>Sender</Type><Code>RequestEntityTooLargeException</Code>")
                    .contains("larger than 1 MB");
        }
    }

    @Test
    void aChunkedBodyIsCutOffOnceItPassesTheLimit() throws Exception {
        long offered = 64L * MB;
        AtomicLong written = new AtomicLong();
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(head(-1).getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                try {
                    while (written.get() < offered) {
                        out.write(size);
                        out.write(chunk);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                        written.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the sandbox closed the connection: what this test expects
                }
            });
            String answer = answer(socket.getInputStream());
            writer.get(20, TimeUnit.SECONDS);
            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("<Code>RequestEntityTooLargeException</Code>");
            // The sandbox stopped reading near 1 MB: the rest of the 64 MB never got through.
            assertThat(written.get()).isLessThan(offered / 2);
        }
    }

    @Test
    void stalledConnectionsDoNotKeepARealRequestWaiting() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                Socket socket = connect();
                // Each stops in the middle of its request: half in the headers, half in the body.
                String part =
                        i % 2 == 0 ? "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le" : head(100) + "Action=Get";
                socket.getOutputStream().write(part.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                stalled.add(socket);
            }
            CompletableFuture<String> real = CompletableFuture.supplyAsync(() -> {
                try (IamClient iam = IamClient.builder()
                        .httpClient(UrlConnectionHttpClient.create())
                        .region(Region.AWS_GLOBAL)
                        .credentialsProvider(sandbox.credentials())
                        .endpointOverride(sandbox.endpoint())
                        .build()) {
                    return iam.getRole(r -> r.roleName("VeeamWorkerReady"))
                            .role()
                            .roleName();
                }
            });
            assertThat(real.get(20, TimeUnit.SECONDS)).isEqualTo("VeeamWorkerReady");
            // The stalled connections are still open: none was dropped to make room.
            for (Socket socket : stalled) {
                socket.setSoTimeout(50);
                assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aConnectionThatSendsNothingOrHalfARequestIsClosed() throws Exception {
        try (Socket silent = connect();
                Socket partial = connect()) {
            partial.getOutputStream().write((head(100) + "Action=GetRo").getBytes(StandardCharsets.US_ASCII));
            partial.getOutputStream().flush();
            // Both reads end (end of stream, or the timeout's answer) long before the client's own 20 s timeout.
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat(answer(partial.getInputStream()))
                    .startsWith("HTTP/1.1 408 ")
                    .contains("<Code>RequestTimeoutException</Code>");
        }
    }

    @Test
    void malformedEncodingIsA400InIamsXml() throws Exception {
        AwsCredentials credentials = sandbox.credentials().resolveCredentials();
        AwsCredentialsIdentity keys =
                AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey());
        PlainRequests http = new PlainRequests(sandbox.endpoint());
        List<byte[]> bodies = List.of(
                "Action=GetRole&Version=2010-05-08&RoleName=%ZZ".getBytes(StandardCharsets.US_ASCII),
                "Action=GetRole&Version=2010-05-08&RoleName=Veeam%".getBytes(StandardCharsets.US_ASCII),
                "Action=GetRole&Version=2010-05-08&RoleName=%C3%28".getBytes(StandardCharsets.US_ASCII),
                concat("Action=GetRole&Version=2010-05-08&RoleName=", new byte[] {(byte) 0xff, (byte) 0xfe}));
        for (byte[] body : bodies) {
            // Signed correctly: the refusal is about the encoding, not the signature.
            HttpResponse<String> response = http.signed(body, body, keys, Clock.systemUTC());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body())
                    .matches("<ErrorResponse xmlns=\"[^\"]+\"><Error><Type>Sender</Type>"
                            + "<Code>InvalidParameterValue</Code><Message>The request is not valid application/x-www-form-urlencoded: "
                            + "[^<]+\\.</Message></Error><RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>");
        }
    }

    @Test
    void aBrokenChunkedFramingIsA400() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream()
                    .write((head(-1) + "zz\r\nAction\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            assertThat(answer(socket.getInputStream()))
                    .startsWith("HTTP/1.1 400 ")
                    .contains("<Code>MalformedHttpRequestException</Code>");
        }
    }

    private static byte[] concat(String text, byte[] tail) {
        byte[] head = text.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
