package com.workerrolewizard.sandbox;

import com.workerrolewizard.core.evaluation.ActionVerdict;
import com.workerrolewizard.core.evaluation.PermissionEvaluator;
import com.workerrolewizard.core.evaluation.PolicySource;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code SimulatePrincipalPolicy} of the sandbox, with an Organizations layer the local engine cannot see:
 * actions an SCP denies (a knob), so tests can show how a disagreement with the local evaluation is reported.
 */
final class SandboxSimulator {
    private final SandboxIam iam;
    final Set<String> organizationDenied = ConcurrentHashMap.newKeySet();

    SandboxSimulator(SandboxIam iam) {
        this.iam = iam;
    }

    String simulate(Map<String, String> p) {
        String source = p.get("PolicySourceArn");
        if (source == null) {
            throw SandboxError.validation("1 validation error detected: Value null at 'policySourceArn' failed to satisfy "
                    + "constraint: Member must not be null");
        }
        List<String> actions = new ArrayList<>();
        for (int i = 1; p.containsKey("ActionNames.member." + i); i++) {
            actions.add(p.get("ActionNames.member." + i));
        }
        SandboxIam.SimulationInput input = iam.simulationInput(source);
        List<PolicySource> identity = new ArrayList<>();
        input.identity().forEach(d -> identity.add(new PolicySource(d[0], PolicyDocument.parse(d[1], PolicyKind.IDENTITY))));
        Optional<PolicySource> boundary = Optional.ofNullable(input.boundary())
                .map(b -> new PolicySource(b[0], PolicyDocument.parse(b[1], PolicyKind.IDENTITY)));
        List<ActionVerdict> verdicts = PermissionEvaluator.evaluate(identity, boundary, actions,
                com.workerrolewizard.core.evaluation.ResourceScope.literalStar());
        Xml xml = new Xml().open("EvaluationResults");
        for (ActionVerdict verdict : verdicts) {
            boolean scpDenies = organizationDenied.contains(verdict.action().toLowerCase(Locale.ROOT));
            String decision = scpDenies ? "explicitDeny" : switch (verdict.verdict()) {
                case ALLOWED -> "allowed";
                case DENIED -> "explicitDeny";
                case NOT_ALLOWED, EXCLUDED, OUTSIDE_BOUNDARY -> verdict.reason() != null && verdict.reason().startsWith("denied by")
                        ? "explicitDeny" : "implicitDeny";
            };
            xml.open("member").text("EvalActionName", verdict.action()).text("EvalResourceName", "*")
                    .text("EvalDecision", decision).open("MatchedStatements").close("MatchedStatements")
                    .open("MissingContextValues").close("MissingContextValues")
                    .open("OrganizationsDecisionDetail").text("AllowedByOrganizations", !scpDenies)
                    .close("OrganizationsDecisionDetail");
            if (boundary.isPresent()) {
                xml.open("PermissionsBoundaryDecisionDetail").text("AllowedByPermissionsBoundary",
                        verdict.verdict() != com.workerrolewizard.core.evaluation.Verdict.OUTSIDE_BOUNDARY)
                        .close("PermissionsBoundaryDecisionDetail");
            }
            xml.close("member");
        }
        return xml.close("EvaluationResults").text("IsTruncated", false).toString();
    }
}
