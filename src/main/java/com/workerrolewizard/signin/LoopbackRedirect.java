package com.workerrolewizard.signin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.workerrolewizard.aws.Printable;
import com.workerrolewizard.core.signin.SignInException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Where the browser lands after the Identity Center sign-in: an HTTP server on 127.0.0.1, on a free port, path
 * {@code /oauth/callback}. It takes the authorization code only with the state this login sent; an {@code error}
 * or a foreign state ends the login. The page the browser shows says it may be closed.
 */
final class LoopbackRedirect implements AutoCloseable {
    static final String PATH = "/oauth/callback";
    /** The redirect URI a registration names; the port is added at each login (loopback redirects may vary it). */
    static final String REGISTERED_URI = "http://127.0.0.1" + PATH;

    private final HttpServer server;
    private final String state;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackRedirect(HttpServer server, String state) {
        this.server = server;
        this.state = state;
    }

    static LoopbackRedirect start(String state) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
            server.setExecutor(Executors.newSingleThreadExecutor(r -> {
                Thread thread = new Thread(r, "sso-redirect");
                thread.setDaemon(true);
                return thread;
            }));
            LoopbackRedirect redirect = new LoopbackRedirect(server, state);
            server.createContext(PATH, redirect::handle);
            server.start();
            return redirect;
        } catch (IOException e) {
            throw new SignInException("No local port could be opened for the browser to come back to ("
                    + e.getClass().getSimpleName() + "): run login with --use-device-code instead.");
        }
    }

    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /** Waits for the browser, at most {@code wait}, polling {@code cancelled}; returns the authorization code. */
    String awaitCode(Duration wait, BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new SignInException("The IAM Identity Center login was cancelled; nothing was saved.");
            }
            if (System.nanoTime() > deadline) {
                throw new SignInException("The sign-in in the browser was not finished within " + minutes(wait)
                        + ": nothing was saved; run login again.");
            }
            try {
                return code.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // Not yet: look at the clock and at Cancel again.
            } catch (ExecutionException e) {
                throw (SignInException) e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SignInException("The IAM Identity Center login was interrupted; nothing was saved.");
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH) || !"GET".equals(exchange.getRequestMethod())) {
                page(exchange, 404, "Nothing here", "This address only receives the IAM Identity Center sign-in.");
                return;
            }
            if (code.isDone()) {
                page(exchange, 200, "Already finished", "This sign-in is already finished. You may close this page.");
                return;
            }
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (query.containsKey("error")) {
                page(
                        exchange,
                        200,
                        "Sign-in refused",
                        "IAM Identity Center refused the sign-in (" + html(Printable.of(query.get("error")))
                                + "). Nothing was saved. You may close this page.");
                code.completeExceptionally(
                        new SignInException("IAM Identity Center refused the sign-in in the browser ("
                                + Printable.of(query.get("error")) + "): nothing was saved; run login again."));
            } else if (!sameState(query.get("state"))) {
                page(
                        exchange,
                        400,
                        "Not this sign-in",
                        "This page does not belong to the sign-in that is waiting. "
                                + "Nothing was saved. You may close this page.");
                code.completeExceptionally(
                        new SignInException("The browser came back with a sign-in that this login did "
                                + "not start (its state does not match): nothing was saved; run login again."));
            } else if (query.get("code") == null || query.get("code").isBlank()) {
                page(exchange, 400, "No code", "The sign-in came back without a code. You may close this page.");
                code.completeExceptionally(new SignInException("The browser came back without an authorization code: "
                        + "nothing was saved; run login again."));
            } else {
                page(
                        exchange,
                        200,
                        "Signed in",
                        "You are signed in to IAM Identity Center. You may close this page "
                                + "and return to Worker Role Wizard.");
                code.complete(query.get("code"));
            }
        }
    }

    private boolean sameState(String received) {
        return received != null
                && MessageDigest.isEqual(
                        received.getBytes(StandardCharsets.UTF_8), state.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            try {
                values.putIfAbsent(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                values.putIfAbsent("error", "a malformed answer");
            }
        }
        return values;
    }

    private static void page(HttpExchange exchange, int status, String title, String text) throws IOException {
        byte[] body = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                        + " - Worker Role Wizard</title></head><body style=\"font-family: sans-serif; margin: 3em\"><h1>"
                        + title
                        + "</h1><p>" + text + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static String minutes(Duration wait) {
        return wait.toMinutes() >= 1
                ? wait.toMinutes() + " minute" + (wait.toMinutes() == 1 ? "" : "s")
                : wait.toSeconds() + " seconds";
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
