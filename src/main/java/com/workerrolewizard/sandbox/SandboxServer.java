package com.workerrolewizard.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.policy.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An IAM and STS endpoint on 127.0.0.1 (a free port) speaking the AWS Query protocol and XML of the API
 * reference. The product reaches it through the SDK's endpoint override only: no code path knows it is there.
 * Like IAM it answers only requests signed (SigV4) with an access key it knows.
 */
public final class SandboxServer implements AutoCloseable {
    private static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
    private static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Set<String> STS_ACTIONS =
            Set.of("GetCallerIdentity", "AssumeRole", "AssumeRoleWithWebIdentity");
    /** What STS answers without a signature: the caller proves who it is with a token instead. */
    private static final Set<String> UNSIGNED_ACTIONS = Set.of("AssumeRoleWithWebIdentity");

    private final HttpListener listener;
    private final AccessKeys keys;
    private final RequestSignature signature;
    private final SandboxOrganization organization;
    private final SandboxOrganizations organizations;
    private final SandboxSts sts;
    private final SandboxAccessAnalyzer accessAnalyzer = new SandboxAccessAnalyzer();
    private final Faults faults = new Faults();
    private final AtomicLong calls = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    SandboxServer(SandboxIam home) throws IOException {
        this.keys = new AccessKeys(home.account.id());
        this.signature = new RequestSignature(keys);
        this.organization = new SandboxOrganization(home);
        this.organizations = new SandboxOrganizations(organization);
        this.sts = new SandboxSts(organization, keys);
        this.listener = new HttpListener(new HttpListener.Handler() {
            @Override
            public HttpListener.Response handle(IncomingRequest request) {
                return serve(request);
            }

            @Override
            public HttpListener.Response refuse(SandboxError error) {
                String requestId = UUID.randomUUID().toString();
                return new HttpListener.Response(error.status, errorXml(IAM_NS, error, requestId), requestId);
            }
        });
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + listener.port());
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

    /** The home (management) account's IAM. */
    SandboxIam iam() {
        return organization.home().iam();
    }

    SandboxOrganization organization() {
        return organization;
    }

    SandboxSts sts() {
        return sts;
    }

    SandboxAccessAnalyzer accessAnalyzer() {
        return accessAnalyzer;
    }

    /** The home account's simulator. */
    SandboxSimulator simulator() {
        return organization.home().simulator();
    }

    AccessKeys keys() {
        return keys;
    }

    /** Access Analyzer's REST JSON: errors as its JSON ({@code __type}, {@code message}), like the service's. */
    private HttpListener.Response serveAccessAnalyzer(IncomingRequest request, String requestId) {
        try {
            String accessKey = signature.verify(request);
            faults.before("ValidatePolicy", null, sts.accountOf(accessKey));
            return new HttpListener.Response(
                    200, accessAnalyzer.validate(request.body()), requestId, "application/json");
        } catch (SandboxError e) {
            ObjectNode error = Json.MAPPER.createObjectNode();
            error.put("__type", e.code);
            error.put("message", e.getMessage());
            return new HttpListener.Response(e.status, error.toString(), requestId, "application/json");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Organizations' JSON 1.1: the operation in {@code X-Amz-Target}, errors as its JSON. */
    private HttpListener.Response serveOrganizations(IncomingRequest request, String operation, String requestId) {
        try {
            String accessKey = signature.verify(request);
            String account = sts.accountOf(accessKey);
            faults.before(operation, sts.callerArn(accessKey), account);
            return new HttpListener.Response(
                    200,
                    organizations.handle(operation, request.body(), account),
                    requestId,
                    "application/x-amz-json-1.1");
        } catch (SandboxError e) {
            ObjectNode error = Json.MAPPER.createObjectNode();
            error.put("__type", e.code);
            error.put("Message", e.getMessage());
            return new HttpListener.Response(e.status, error.toString(), requestId, "application/x-amz-json-1.1");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private HttpListener.Response serve(IncomingRequest request) {
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        calls.incrementAndGet();
        String requestId = UUID.randomUUID().toString();
        String namespace = IAM_NS;
        if (request.rawPath().startsWith(SandboxAccessAnalyzer.PATH)) {
            return serveAccessAnalyzer(request, requestId);
        }
        String target = request.header("x-amz-target");
        if (target != null && target.startsWith(SandboxOrganizations.TARGET)) {
            return serveOrganizations(request, target.substring(SandboxOrganizations.TARGET.length()), requestId);
        }
        try {
            Map<String, String> params = QueryForm.parse(request.body());
            if (request.rawQuery() != null) {
                params.putAll(QueryForm.parse(request.rawQuery().getBytes(StandardCharsets.UTF_8)));
            }
            String action = params.getOrDefault("Action", "");
            boolean isSts = STS_ACTIONS.contains(action) || "2011-06-15".equals(params.get("Version"));
            namespace = isSts ? STS_NS : IAM_NS;
            boolean anonymous = UNSIGNED_ACTIONS.contains(action) && !RequestSignature.isSigned(request);
            String accessKey = anonymous ? null : signature.verify(request);
            SandboxOrganization.Member account = organization.of(sts.accountOf(accessKey));
            faults.before(action, sts.callerArn(accessKey), account.id());
            String result = isSts
                    ? sts.handle(action, params, accessKey)
                    : action.equals("SimulatePrincipalPolicy")
                            ? account.simulator().simulate(params)
                            : account.iam().handle(action, params);
            StringBuilder xml = new StringBuilder("<")
                    .append(action)
                    .append("Response xmlns=\"")
                    .append(namespace)
                    .append("\">");
            if (result != null) {
                xml.append('<')
                        .append(action)
                        .append("Result>")
                        .append(result)
                        .append("</")
                        .append(action)
                        .append("Result>");
            }
            xml.append("<ResponseMetadata><RequestId>")
                    .append(requestId)
                    .append("</RequestId></ResponseMetadata></")
                    .append(action)
                    .append("Response>");
            return new HttpListener.Response(200, xml.toString(), requestId);
        } catch (SandboxError e) {
            return new HttpListener.Response(e.status, errorXml(namespace, e, requestId), requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (RuntimeException e) {
            return new HttpListener.Response(
                    500,
                    errorXml(namespace, new SandboxError(500, "ServiceFailure", String.valueOf(e)), requestId),
                    requestId);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static String errorXml(String namespace, SandboxError error, String requestId) {
        return new Xml()
                .raw("<ErrorResponse xmlns=\"" + namespace + "\">")
                .open("Error")
                .text("Type", error.type)
                .text("Code", error.code)
                .text("Message", error.getMessage())
                .close("Error")
                .text("RequestId", requestId)
                .raw("</ErrorResponse>")
                .toString();
    }

    @Override
    public void close() {
        listener.close();
    }
}
