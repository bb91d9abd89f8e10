package com.workerrolewizard.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM and STS endpoint on 127.0.0.1 (a free port) speaking the AWS Query protocol and XML of the API
 * reference. The product reaches it through the SDK's endpoint override only: no code path knows it is there.
 */
public final class SandboxServer implements AutoCloseable {
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Set<String> STS_ACTIONS = Set.of("GetCallerIdentity", "AssumeRole", "AssumeRoleWithWebIdentity");
    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([A-Z0-9]+)/");

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxIam iam;
    private final SandboxSts sts;
    private final SandboxSimulator simulator;
    private final Faults faults = new Faults();
    private final AtomicLong calls = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peak = new java.util.concurrent.atomic.AtomicInteger();

    SandboxServer(SandboxIam iam) throws IOException {
        this.iam = iam;
        this.sts = new SandboxSts(iam);
        this.simulator = new SandboxSimulator(iam);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread thread = new Thread(r, "sandbox-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Faults faults() {
        return faults;
    }

    /** The most calls the sandbox served at the same moment since the last reset: shows callers work in parallel. */
    public int peakConcurrency() {
        return peak.get();
    }

    public void resetCounters() {
        calls.set(0);
        peak.set(0);
    }

    /** How many API calls the sandbox has answered (faults included). */
    public long calls() {
        return calls.get();
    }

    SandboxIam iam() {
        return iam;
    }

    SandboxSts sts() {
        return sts;
    }

    SandboxSimulator simulator() {
        return simulator;
    }

    private void serve(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try (exchange) {
            calls.incrementAndGet();
            Map<String, String> params = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String query = exchange.getRequestURI().getRawQuery();
            if (query != null) {
                params.putAll(form(query));
            }
            String action = params.getOrDefault("Action", "");
            boolean isSts = STS_ACTIONS.contains(action) || "2011-06-15".equals(params.get("Version"));
            String accessKey = accessKey(exchange.getRequestHeaders().getFirst("Authorization"));
            String namespace = isSts ? STS_NS : IAM_NS;
            String requestId = UUID.randomUUID().toString();
            try {
                faults.before(action, sts.callerArn(accessKey));
                String result = isSts ? sts.handle(action, params, accessKey)
                        : action.equals("SimulatePrincipalPolicy") ? simulator.simulate(params) : iam.handle(action, params);
                StringBuilder xml = new StringBuilder("<").append(action).append("Response xmlns=\"").append(namespace)
                        .append("\">");
                if (result != null) {
                    xml.append('<').append(action).append("Result>").append(result).append("</").append(action).append("Result>");
                }
                xml.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></")
                        .append(action).append("Response>");
                send(exchange, 200, xml.toString(), requestId);
            } catch (SandboxError e) {
                send(exchange, e.status, new Xml().raw("<ErrorResponse xmlns=\"" + namespace + "\">").open("Error")
                        .text("Type", e.type).text("Code", e.code).text("Message", e.getMessage()).close("Error")
                        .text("RequestId", requestId).raw("</ErrorResponse>").toString(), requestId);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                send(exchange, 500, "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>Receiver</Type><Code>ServiceFailure"
                        + "</Code><Message>" + Xml.escape(String.valueOf(e)) + "</Message></Error><RequestId>" + requestId
                        + "</RequestId></ErrorResponse>", requestId);
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static void send(HttpExchange exchange, int status, String body, String requestId) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String accessKey(String authorization) {
        if (authorization == null) {
            return null;
        }
        Matcher matcher = ACCESS_KEY.matcher(authorization);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
