package com.workerrolewizard.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.policy.Json;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.validation.Finding;
import com.workerrolewizard.core.validation.PolicyValidator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * IAM Access Analyzer's {@code ValidatePolicy} ({@code POST /policy/validation}, REST with JSON, SigV4 for the
 * service {@code access-analyzer}). The SDK's own module for it is not available to this build, so the call is made
 * here on the SDK's signer and HTTP client. Regional: the region of the sign-in; the endpoint override (the sandbox,
 * {@code --endpoint-url}, {@code AWS_ENDPOINT_URL_ACCESSANALYZER}) replaces it as for IAM and STS.
 */
final class AccessAnalyzer implements PolicyValidator {
    private static final String SERVICE = "access-analyzer";
    private static final int MAX_PAGES = 20;
    private final URI endpoint;
    private final SignedJsonCall call;

    AccessAnalyzer(SdkHttpClient http, AwsCredentialsProvider credentials, String region, Optional<URI> override) {
        this.endpoint = override.or(AccessAnalyzer::fromEnvironment).orElseGet(() -> standard(region));
        this.call = new SignedJsonCall(http, credentials, SERVICE, region, endpoint);
    }

    private static Optional<URI> fromEnvironment() {
        for (String name : List.of("AWS_ENDPOINT_URL_ACCESSANALYZER", "AWS_ENDPOINT_URL")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(URI.create(value.strip()));
            }
        }
        return Optional.empty();
    }

    private static URI standard(String region) {
        return URI.create(
                "https://access-analyzer." + region + ".amazonaws.com" + (region.startsWith("cn-") ? ".cn" : ""));
    }

    @Override
    public Known<List<Finding>> validate(String document, PolicyKind kind) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("policyDocument", document);
        body.put("policyType", kind == PolicyKind.TRUST ? "RESOURCE_POLICY" : "IDENTITY_POLICY");
        if (kind == PolicyKind.TRUST) {
            body.put("validatePolicyResourceType", "AWS::IAM::AssumeRolePolicyDocument");
        }
        List<Finding> findings = new ArrayList<>();
        String next = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                JsonNode answer = call(body.toString(), next);
                for (JsonNode finding : answer.path("findings")) {
                    findings.add(new Finding(
                            finding.path("findingType").asText("WARNING"),
                            finding.path("issueCode").asText(""),
                            finding.path("findingDetails").asText(""),
                            finding.path("learnMoreLink").asText("")));
                }
                next = answer.path("nextToken").asText(null);
                if (next == null || next.isEmpty()) {
                    return Known.of(findings);
                }
            }
            return Known.of(findings);
        } catch (Refused e) {
            return Known.unknown(e.getMessage());
        } catch (IOException | SdkException | IllegalArgumentException e) {
            return Known.unknown("IAM Access Analyzer could not be reached at " + endpoint.getHost() + " ("
                    + NetworkProblems.explain(e).orElse(String.valueOf(e.getMessage())) + ")");
        }
    }

    private JsonNode call(String body, String nextToken) throws IOException {
        try {
            return call.post(
                    "/policy/validation",
                    nextToken == null
                            ? Map.of()
                            : Map.of("nextToken", URLEncoder.encode(nextToken, StandardCharsets.UTF_8)),
                    Map.of(),
                    "application/json",
                    body);
        } catch (SignedJsonCall.Refused e) {
            throw Refused.of(e.status, e.type);
        }
    }

    /** An answer other than the findings, in words: a refusal names the permission to ask for. */
    private static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }

        static Refused of(int status, String type) {
            if (type.contains("ClientToken")
                    || type.contains("Signature")
                    || type.contains("UnrecognizedClient")
                    || type.contains("ExpiredToken")) {
                return new Refused(
                        "AWS refused the credentials for IAM Access Analyzer (HTTP " + status + ", " + type + ")");
            }
            if (type.contains("AccessDenied") || (status == 403 && type.isEmpty())) {
                return new Refused("the operator may not call access-analyzer:ValidatePolicy: ask for that "
                        + "permission, or pass --no-validate");
            }
            if (status == 404) {
                return new Refused("the endpoint does not offer IAM Access Analyzer (HTTP 404)");
            }
            return new Refused(
                    "IAM Access Analyzer answered HTTP " + status + (type.isEmpty() ? "" : " (" + type + ")"));
        }
    }
}
