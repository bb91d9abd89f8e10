package com.workerrolewizard.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * IAM Identity Center on 127.0.0.1 for tests, in its JSON protocol: the OIDC service (RegisterClient with grant types
 * and redirect URIs, StartDeviceAuthorization, the browser's {@code /authorize} redirect, CreateToken with an
 * authorization code checked against its PKCE challenge, a device code or a refresh token) and the portal's
 * GetRoleCredentials for the tokens it issued. Knobs make it hostile (bad answers) or refuse (error, foreign state).
 * Over HTTPS when given a TLS context.
 */
public final class FakeIdentityCenter implements AutoCloseable {
    public static final String ACCESS_KEY = "ASIAIDENTITYCENTER01";
    public static final String SECRET_KEY = "identity-center-secret";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final boolean secure;
    private final AtomicInteger serial = new AtomicInteger();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    /** How many device-code CreateToken polls answer "authorization pending" before the user has confirmed. */
    public final AtomicInteger pendingPolls = new AtomicInteger(2);

    public final List<String> calls = new CopyOnWriteArrayList<>();
    /** The JSON bodies of the RegisterClient and CreateToken calls, in order. */
    public final List<JsonNode> registrations = new CopyOnWriteArrayList<>();

    public final List<JsonNode> tokenRequests = new CopyOnWriteArrayList<>();
    public volatile long tokenSeconds = 3600;
    public volatile long registrationSeconds = 90L * 86400;
    public volatile String lastAccessToken;
    /** What /authorize does: redirect with the code, with another state, or with an error. */
    public volatile Authorize authorize = Authorize.APPROVE;
    /** Changes the RegisterClient answer (hostile tests). */
    public volatile Consumer<ObjectNode> registerAnswer = answer -> {};
    /** Changes the StartDeviceAuthorization answer (hostile tests). */
    public volatile Consumer<ObjectNode> deviceAnswer = answer -> {};
    /** Changes the CreateToken answer (hostile tests). */
    public volatile Consumer<ObjectNode> tokenAnswer = answer -> {};

    public enum Authorize {
        APPROVE,
        FOREIGN_STATE,
        DENY
    }

    private record Client(
            String secret, List<String> grants, List<String> redirectUris, List<String> scopes, Instant expiresAt) {}

    private record Grant(String clientId, String challenge, String redirectUri) {}

    public FakeIdentityCenter() throws IOException {
        this(null);
    }

    public FakeIdentityCenter(SSLContext tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(address, 16);
        } else {
            HttpsServer https = HttpsServer.create(address, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        secure = tls != null;
        server.createContext("/", this::serve);
        server.start();
    }

    public URI endpoint() {
        return URI.create((secure ? "https" : "http") + "://127.0.0.1:"
                + server.getAddress().getPort());
    }

    /** Clients registered so far. */
    public int clientCount() {
        return clients.size();
    }

    public boolean issued(String accessToken) {
        return accessTokens.contains(accessToken);
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            calls.add(exchange.getRequestMethod() + " " + path);
            if (path.equals("/authorize")) {
                authorize(exchange);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            JsonNode request = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            ObjectNode response = JSON.createObjectNode();
            switch (path) {
                case "/client/register" -> {
                    registrations.add(request);
                    String id = "client-" + serial.incrementAndGet();
                    Instant expires = Instant.now().plusSeconds(registrationSeconds);
                    clients.put(
                            id,
                            new Client(
                                    "client-secret-456-" + id,
                                    strings(request, "grantTypes"),
                                    strings(request, "redirectUris"),
                                    strings(request, "scopes"),
                                    expires));
                    response.put("clientId", id)
                            .put("clientSecret", "client-secret-456-" + id)
                            .put("clientIdIssuedAt", Instant.now().getEpochSecond())
                            .put("clientSecretExpiresAt", expires.getEpochSecond());
                    registerAnswer.accept(response);
                }
                case "/device_authorization" -> {
                    response.put("deviceCode", "device-789")
                            .put("userCode", "ABCD-EFGH")
                            .put("verificationUri", "https://device.sso.example/")
                            .put("verificationUriComplete", "https://device.sso.example/?user_code=ABCD-EFGH")
                            .put("expiresIn", 60)
                            .put("interval", 1);
                    deviceAnswer.accept(response);
                }
                case "/token" -> {
                    tokenRequests.add(request);
                    String refused = token(request, response);
                    if (refused != null) {
                        error(
                                exchange,
                                refused,
                                refused.startsWith("AuthorizationPending")
                                        ? "authorization_pending"
                                        : "refused: " + refused);
                        return;
                    }
                    tokenAnswer.accept(response);
                }
                case "/federation/credentials" -> {
                    String token = exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token");
                    if (token == null || !accessTokens.contains(token)) {
                        error(exchange, "UnauthorizedException", "Session token not found or invalid");
                        return;
                    }
                    response.putObject("roleCredentials")
                            .put("accessKeyId", ACCESS_KEY)
                            .put("secretAccessKey", SECRET_KEY)
                            .put("sessionToken", "identity-center-session")
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

    /** Fills a token answer, or returns the error type refusing it. */
    private String token(JsonNode request, ObjectNode response) {
        Client client = clients.get(request.path("clientId").asText());
        if (client == null
                || !client.secret().equals(request.path("clientSecret").asText())) {
            return "InvalidClientException";
        }
        if (Instant.now().isAfter(client.expiresAt())) {
            return "InvalidClientException";
        }
        String grant = request.path("grantType").asText();
        switch (grant) {
            case "urn:ietf:params:oauth:grant-type:device_code" -> {
                if (pendingPolls.getAndDecrement() > 0) {
                    return "AuthorizationPendingException";
                }
            }
            case "authorization_code" -> {
                Grant issued = codes.remove(request.path("code").asText());
                if (!client.grants().contains("authorization_code")
                        || issued == null
                        || !issued.clientId().equals(request.path("clientId").asText())
                        || !issued.redirectUri()
                                .equals(request.path("redirectUri").asText())
                        || !issued.challenge()
                                .equals(challenge(request.path("codeVerifier").asText()))) {
                    return "InvalidGrantException";
                }
            }
            case "refresh_token" -> {
                String owner = refreshTokens.get(request.path("refreshToken").asText());
                if (owner == null || !owner.equals(request.path("clientId").asText())) {
                    return "InvalidGrantException";
                }
            }
            default -> {
                return "UnsupportedGrantTypeException";
            }
        }
        lastAccessToken = "access-token-" + serial.incrementAndGet();
        accessTokens.add(lastAccessToken);
        response.put("accessToken", lastAccessToken).put("tokenType", "Bearer").put("expiresIn", tokenSeconds);
        if (!client.scopes().isEmpty()) {
            // As Identity Center: a refresh token only for a client registered with scopes.
            String refresh = "refresh-token-" + serial.incrementAndGet();
            refreshTokens.put(refresh, request.path("clientId").asText());
            response.put("refreshToken", refresh);
        }
        return null;
    }

    /** The browser's page: checks the request as Identity Center would, then sends the browser back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Client client = clients.get(query.getOrDefault("client_id", ""));
        URI redirect = URI.create(query.getOrDefault("redirect_uri", "/"));
        boolean registeredRedirect = client != null
                && client.redirectUris().stream()
                        .map(URI::create)
                        .anyMatch(r -> r.getHost().equals(redirect.getHost())
                                && r.getPath().equals(redirect.getPath()));
        if (client == null
                || !client.grants().contains("authorization_code")
                || !registeredRedirect
                || !"code".equals(query.get("response_type"))
                || !"S256".equals(query.get("code_challenge_method"))
                || query.get("code_challenge") == null
                || query.get("state") == null
                || query.get("scopes") == null) {
            send(exchange, 400, "{\"error\":\"invalid_request\"}", null);
            return;
        }
        String code = "code-" + serial.incrementAndGet();
        codes.put(code, new Grant(query.get("client_id"), query.get("code_challenge"), query.get("redirect_uri")));
        String back = switch (authorize) {
            case APPROVE -> "code=" + code + "&state=" + encode(query.get("state"));
            case FOREIGN_STATE -> "code=" + code + "&state=someone-else";
            case DENY -> "error=access_denied&state=" + encode(query.get("state"));
        };
        exchange.getResponseHeaders().set("Location", query.get("redirect_uri") + "?" + back);
        exchange.sendResponseHeaders(302, -1);
    }

    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode request, String field) {
        List<String> values = new java.util.ArrayList<>();
        request.path(field).forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return values;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        send(
                exchange,
                type.startsWith("Unauthorized") ? 401 : 400,
                "{\"error\":\"" + message + "\",\"message\":\"" + message + "\"}",
                type);
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
