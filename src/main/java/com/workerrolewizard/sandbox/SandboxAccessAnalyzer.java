package com.workerrolewizard.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.policy.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * IAM Access Analyzer's {@code ValidatePolicy} ({@code POST /policy/validation}, REST with JSON) for the sandbox: a few
 * of the real service's checks, enough to show findings before a write: a document that is not JSON or has no
 * statement (errors), no Version (a warning), a Principal in an identity policy (an error), a trust policy that lets
 * every principal in without a Condition and iam:PassRole on every resource (security warnings).
 */
final class SandboxAccessAnalyzer {
    static final String PATH = "/policy/validation";
    private static final String LINK =
            "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html";
    /** A knob: the operator may not call ValidatePolicy. */
    final AtomicBoolean refused = new AtomicBoolean();
    /** A knob: a finding reported for every document (its type and issue code), as for a policy IAM would refuse. */
    final AtomicReference<String[]> always = new AtomicReference<>();

    String validate(byte[] body) {
        if (refused.get()) {
            throw new SandboxError(
                    403,
                    "AccessDeniedException",
                    "User is not authorized to perform: " + "access-analyzer:ValidatePolicy");
        }
        JsonNode request;
        try {
            request = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new SandboxError(400, "ValidationException", "The request body is not JSON.");
        }
        String document = request.path("policyDocument").asText(null);
        String type = request.path("policyType").asText("");
        if (document == null || !(type.equals("IDENTITY_POLICY") || type.equals("RESOURCE_POLICY"))) {
            throw new SandboxError(
                    400,
                    "ValidationException",
                    "policyDocument and policyType (IDENTITY_POLICY or " + "RESOURCE_POLICY) are required.");
        }
        List<ObjectNode> findings = new ArrayList<>();
        try {
            check(Json.MAPPER.readTree(document), type.equals("RESOURCE_POLICY"), findings);
        } catch (JsonProcessingException e) {
            findings.add(finding(
                    "ERROR",
                    "JSON_SYNTAX_ERROR",
                    "Fix the JSON syntax error at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + "."));
        }
        String[] extra = always.get();
        if (extra != null) {
            findings.add(finding(extra[0], extra[1], "Reported for every document (a sandbox knob)."));
        }
        ObjectNode answer = Json.MAPPER.createObjectNode();
        ArrayNode list = answer.putArray("findings");
        findings.forEach(list::add);
        return answer.toString();
    }

    private static void check(JsonNode policy, boolean resourcePolicy, List<ObjectNode> findings) {
        if (!policy.isObject()) {
            findings.add(finding("ERROR", "DATA_TYPE_MISMATCH", "The policy must be a JSON object."));
            return;
        }
        if (!policy.has("Version")) {
            findings.add(finding(
                    "WARNING",
                    "MISSING_VERSION",
                    "We recommend that you specify the Version element "
                            + "to help you with debugging permission issues."));
        }
        JsonNode statements = policy.path("Statement");
        if (statements.isObject()) {
            statements = Json.MAPPER.createArrayNode().add(statements);
        }
        if (!statements.isArray() || statements.isEmpty()) {
            findings.add(finding("ERROR", "MISSING_STATEMENT", "Add a statement to the policy."));
            return;
        }
        for (JsonNode statement : statements) {
            if (!statement.has("Effect")) {
                findings.add(finding("ERROR", "MISSING_EFFECT", "Add an Effect element to the policy statement."));
            }
            if (!resourcePolicy && (statement.has("Principal") || statement.has("NotPrincipal"))) {
                findings.add(finding(
                        "ERROR",
                        "UNSUPPORTED_PRINCIPAL",
                        "Policies attached to IAM identities cannot " + "include a Principal element."));
            }
            boolean allow = "Allow".equals(statement.path("Effect").asText());
            JsonNode principal = statement.path("Principal");
            if (resourcePolicy
                    && allow
                    && !statement.has("Condition")
                    && ("*".equals(principal.asText())
                            || "*".equals(principal.path("AWS").asText()))) {
                findings.add(
                        finding(
                                "SECURITY_WARNING",
                                "TRUST_POLICY_ALLOWS_ANY_PRINCIPAL",
                                "This trust policy lets "
                                        + "any principal of any account assume the role. Name the principals, or add a Condition."));
            }
            if (!resourcePolicy
                    && allow
                    && names(statement.path("Action"), "iam:PassRole")
                    && names(statement.path("Resource"), "*")) {
                findings.add(finding(
                        "SECURITY_WARNING",
                        "PASS_ROLE_WITH_STAR_IN_RESOURCE",
                        "Using the iam:PassRole "
                                + "action with wildcards (*) in the resource can be overly permissive."));
            }
        }
    }

    private static boolean names(JsonNode values, String value) {
        if (values.isTextual()) {
            return values.asText().equalsIgnoreCase(value);
        }
        for (JsonNode v : values) {
            if (v.asText().equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode finding(String type, String code, String details) {
        ObjectNode finding = Json.MAPPER.createObjectNode();
        finding.put("findingDetails", details);
        finding.put("findingType", type);
        finding.put("issueCode", code);
        finding.put("learnMoreLink", LINK);
        finding.putArray("locations");
        return finding;
    }
}
