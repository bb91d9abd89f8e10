package com.workerrolewizard.sandbox;

import com.workerrolewizard.core.evaluation.ActionVerdict;
import com.workerrolewizard.core.evaluation.PermissionEvaluator;
import com.workerrolewizard.core.evaluation.PolicySource;
import com.workerrolewizard.core.evaluation.ResourceAccess;
import com.workerrolewizard.core.evaluation.Verdict;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.sandbox.SandboxAccount.Policy;
import com.workerrolewizard.sandbox.SandboxAccount.Role;
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
    private final SandboxAccount account;
    final Set<String> organizationDenied = ConcurrentHashMap.newKeySet();

    SandboxSimulator(SandboxAccount account) {
        this.account = account;
    }

    String simulate(Map<String, String> p) {
        String source = p.get("PolicySourceArn");
        if (source == null) {
            throw SandboxError.missing("policySourceArn");
        }
        List<String> actions = new ArrayList<>();
        for (int i = 1; p.containsKey("ActionNames.member." + i); i++) {
            actions.add(p.get("ActionNames.member." + i));
        }
        Sources sources = sources(source);
        List<PolicySource> identity =
                sources.identity().stream().map(Source::parse).toList();
        Optional<PolicySource> boundary = sources.boundary().map(Source::parse);
        List<String> resources = new ArrayList<>();
        for (int i = 1; p.containsKey("ResourceArns.member." + i); i++) {
            resources.add(p.get("ResourceArns.member." + i));
        }
        if (!resources.isEmpty()) {
            return onResources(identity, boundary, actions, resources);
        }
        List<ActionVerdict> verdicts = PermissionEvaluator.evaluate(
                identity, boundary, actions, com.workerrolewizard.core.evaluation.ResourceScope.literalStar());
        Xml xml = new Xml().open("EvaluationResults");
        for (ActionVerdict verdict : verdicts) {
            boolean scpDenies = organizationDenied.contains(verdict.action().toLowerCase(Locale.ROOT));
            String decision = scpDenies
                    ? "explicitDeny"
                    : switch (verdict.verdict()) {
                        case ALLOWED -> "allowed";
                        case DENIED -> "explicitDeny";
                        case NOT_ALLOWED, EXCLUDED, OUTSIDE_BOUNDARY ->
                            verdict.reason() != null && verdict.reason().startsWith("denied by")
                                    ? "explicitDeny"
                                    : "implicitDeny";
                    };
            xml.open("member")
                    .text("EvalActionName", verdict.action())
                    .text("EvalResourceName", "*")
                    .text("EvalDecision", decision)
                    .open("MatchedStatements")
                    .close("MatchedStatements")
                    .open("MissingContextValues")
                    .close("MissingContextValues")
                    .open("OrganizationsDecisionDetail")
                    .text("AllowedByOrganizations", !scpDenies)
                    .close("OrganizationsDecisionDetail");
            if (boundary.isPresent()) {
                xml.open("PermissionsBoundaryDecisionDetail")
                        .text(
                                "AllowedByPermissionsBoundary",
                                verdict.verdict() != com.workerrolewizard.core.evaluation.Verdict.OUTSIDE_BOUNDARY)
                        .close("PermissionsBoundaryDecisionDetail");
            }
            xml.close("member");
        }
        return xml.close("EvaluationResults").text("IsTruncated", false).toString();
    }

    /** Each action on each named resource, as IAM's simulator answers with {@code ResourceArns}. */
    private String onResources(
            List<PolicySource> identity,
            Optional<PolicySource> boundary,
            List<String> actions,
            List<String> resources) {
        Xml xml = new Xml().open("EvaluationResults");
        for (String action : actions) {
            for (String resource : resources) {
                ResourceAccess access = ResourceAccess.evaluate(identity, boundary, action, resource);
                boolean scpDenies = organizationDenied.contains(action.toLowerCase(Locale.ROOT));
                String decision = scpDenies || access.verdict() == Verdict.DENIED
                        ? "explicitDeny"
                        : access.verdict() == Verdict.ALLOWED ? "allowed" : "implicitDeny";
                xml.open("member")
                        .text("EvalActionName", action)
                        .text("EvalResourceName", resource)
                        .text("EvalDecision", decision)
                        .open("OrganizationsDecisionDetail")
                        .text("AllowedByOrganizations", !scpDenies)
                        .close("OrganizationsDecisionDetail");
                if (boundary.isPresent()) {
                    xml.open("PermissionsBoundaryDecisionDetail")
                            .text("AllowedByPermissionsBoundary", access.verdict() != Verdict.OUTSIDE_BOUNDARY)
                            .close("PermissionsBoundaryDecisionDetail");
                }
                xml.close("member");
            }
        }
        return xml.close("EvaluationResults").text("IsTruncated", false).toString();
    }

    /** The role's documents, read under the account's lock: inline, attached default versions, boundary. */
    private Sources sources(String roleArn) {
        synchronized (account) {
            Role role = account.roleByArn(roleArn)
                    .orElseThrow(() -> SandboxError.noSuchEntity("Role " + roleArn + " cannot be found."));
            List<Source> identity = new ArrayList<>();
            role.inline
                    .values()
                    .forEach(inline ->
                            identity.add(new Source("inline policy \"" + inline.name() + "\"", inline.document())));
            for (String arn : role.attached) {
                Policy policy = account.policy(arn);
                identity.add(new Source("managed policy \"" + policy.name + "\"", policy.defaultDocument()));
            }
            Optional<Source> boundary = Optional.ofNullable(role.boundary)
                    .map(account::policy)
                    .map(policy ->
                            new Source("the permissions boundary \"" + policy.name + "\"", policy.defaultDocument()));
            return new Sources(identity, boundary);
        }
    }

    private record Sources(List<Source> identity, Optional<Source> boundary) {}

    /** A policy of the role, named as the simulator's verdicts name it. */
    private record Source(String name, String document) {
        PolicySource parse() {
            return new PolicySource(name, PolicyDocument.parse(document, PolicyKind.IDENTITY));
        }
    }
}
