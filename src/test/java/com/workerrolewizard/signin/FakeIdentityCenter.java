package com.workerrolewizard.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * IAM Identity Center on 127.0.0.1 for tests: the OIDC service (RegisterClient, StartDeviceAuthorization,
 * CreateToken with device code and refresh token) and the portal's GetRoleCredentials, in their JSON protocol.
 */
public final class FakeIdentityCenter implements AutoCloseable {
    public static final String ACCESS_KEY = "ASIAIDENTITYCENTER01";
    public static final String SECRET_KEY = "identity-center-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    /** How many CreateToken polls answer "authorization pending" before the user has confirmed. */
    final AtomicInteger pendingPolls = new AtomicInteger(2);
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile long tokenSeconds = 3600;
    volatile String lastAccessToken;

    public FakeIdentityCenter() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::serve);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path);
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            ObjectNode response = JSON.createObjectNode();
            switch (path) {
                case "/client/register" -> response.put("clientId", "client-123").put("clientSecret", "client-secret-456")
                        .put("clientIdIssuedAt", Instant.now().getEpochSecond())
                        .put("clientSecretExpiresAt", Instant.now().plusSeconds(90 * 86400).getEpochSecond());
                case "/device_authorization" -> response.put("deviceCode", "device-789").put("userCode", "ABCD-EFGH")
                        .put("verificationUri", "https://device.sso.example/")
                        .put("verificationUriComplete", "https://device.sso.example/?user_code=ABCD-EFGH")
                        .put("expiresIn", 60).put("interval", 1);
                case "/token" -> {
                    if (request.path("grantType").asText().endsWith("device_code") && pendingPolls.getAndDecrement() > 0) {
                        error(exchange, "AuthorizationPendingException", "authorization_pending");
                        return;
                    }
                    lastAccessToken = "access-token-" + Instant.now().toEpochMilli();
                    response.put("accessToken", lastAccessToken).put("tokenType", "Bearer").put("expiresIn", tokenSeconds)
                            .put("refreshToken", "refresh-token-1");
                }
                case "/federation/credentials" -> {
                    String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
                    if (token == null || !token.startsWith("access-token-")) {
                        error(exchange, "UnauthorizedException", "Session token not found or invalid");
                        return;
                    }
                    response.putObject("roleCredentials").put("accessKeyId", ACCESS_KEY)
                            .put("secretAccessKey", SECRET_KEY).put("sessionToken", "identity-center-session")
                            .put("expiration", Instant.now().plusSeconds(3600).toEpochMilli());
                }
                default -> {
                    error(exchange, "ResourceNotFoundException", "no such path " + path);
                    return;
                }
            }
            send(exchange, 200, response.toString(), null);
        }
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        send(exchange, type.startsWith("Unauthorized") ? 401 : 400,
                "{\"error\":\"" + message + "\",\"message\":\"" + message + "\"}", type);
    }

    private static void send(HttpExchange exchange, int status, String body, String errorType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
