package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Endpoints that are not IAM (a proxy's error page, garbage, an STS answer missing its account): whatever comes back
 * is one sentence naming the operation and what came back, never "null", a Java class name or a parser's own line.
 */
class EndpointAnswersIT {

    /** An endpoint that answers every request with this status, content type and body. */
    static HttpServer answering(int status, String type, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a proxy's 500 page | 500 | text/html | <html><body>Internal Server Error</body></html> | HTTP 500",
                "a 502 with no body | 502 | text/plain |  | HTTP 502",
                "garbage that is not XML | 200 | text/xml | <<<this is not xml | not AWS's",
                "an STS answer without an account | 200 | text/xml | <GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/x</Arn><UserId>AIDAX</UserId></GetCallerIdentityResult></GetCallerIdentityResponse> | names no account"
            })
    void whatComesBackIsOneSentence(String name, int status, String type, String body, String expected)
            throws Exception {
        HttpServer server = answering(status, type, body == null ? "" : body);
        try {
            JarRun run = JarRun.with(
                    Map.of("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE", "AWS_SECRET_ACCESS_KEY", "x", "AWS_REGION", "us-east-1"),
                    List.of(),
                    "check",
                    "--role",
                    "Worker",
                    "--appliance",
                    "123456789012",
                    "--endpoint-url",
                    "http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines().toList()).as(run.err()).hasSize(1);
            assertThat(run.err())
                    .contains(expected)
                    .contains("sts:GetCallerIdentity")
                    .doesNotContain("null")
                    .doesNotContain("Exception")
                    .doesNotContain("[Fatal Error]")
                    .doesNotContain("software.amazon")
                    .doesNotContain("\tat ");
        } finally {
            server.stop(0);
        }
    }
}
