package com.workerrolewizard.aws;

import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.SimulatedAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;

/**
 * IAM's policy simulator for the required actions of one role, on resource "*". It sees what the local evaluation
 * cannot (Organizations SCPs). Once it is found unusable for the operator (refused, or failing as an emulator's
 * HTTP 500 does), it is not asked again in this session: every later role gets the same reason at once.
 */
final class Simulator {
    private static final String ASSUME_ROLE = "sts:AssumeRole";
    private static final int RESOURCES_PER_CALL = 50;
    private final IamClient iam;
    private final List<String> actions;
    private final AtomicReference<String> unusable = new AtomicReference<>();

    /** @param iam a client that retries throttling only (a 5xx from the simulator is not worth retrying) */
    Simulator(IamClient iam, List<String> actions) {
        this.iam = iam;
        this.actions = List.copyOf(actions);
    }

    /** @param roleArn the role's real ARN, its path included (the simulator knows no other) */
    Known<List<SimulatedAction>> simulate(String roleArn) {
        String reason = unusable.get();
        if (reason != null) {
            return Known.unknown(reason);
        }
        try {
            List<SimulatedAction> results = new ArrayList<>();
            for (EvaluationResult result : iam.simulatePrincipalPolicyPaginator(
                            r -> r.policySourceArn(roleArn).actionNames(actions))
                    .evaluationResults()) {
                results.add(decision(result));
            }
            return Known.of(results);
        } catch (SdkException e) {
            String why = AwsProblems.explain(e, "iam:SimulatePrincipalPolicy", roleArn);
            if (!AwsProblems.isNoSuchEntity(e) && affectsEveryRole(e)) {
                unusable.compareAndSet(
                        null, AwsProblems.explain(e, "iam:SimulatePrincipalPolicy", "the account's roles"));
            }
            return Known.unknown(why);
        }
    }

    /**
     * The appliance side of assume-role calls: may {@code applianceRoleArn} call {@code sts:AssumeRole} on each of
     * {@code workerArns}, its own policies, boundary and the organization's SCPs considered. One call per
     * {@link #RESOURCES_PER_CALL} roles; every role gets an answer or the reason there is none.
     */
    Map<String, Known<SimulatedAction>> simulateAssume(String applianceRoleArn, List<String> workerArns) {
        Map<String, Known<SimulatedAction>> answers = new LinkedHashMap<>();
        for (int from = 0; from < workerArns.size(); from += RESOURCES_PER_CALL) {
            List<String> chunk = workerArns.subList(from, Math.min(workerArns.size(), from + RESOURCES_PER_CALL));
            String reason = unusable.get();
            if (reason != null) {
                chunk.forEach(arn -> answers.put(arn, Known.unknown(reason)));
                continue;
            }
            try {
                for (EvaluationResult result : iam.simulatePrincipalPolicyPaginator(
                                r -> r.policySourceArn(applianceRoleArn)
                                        .actionNames(ASSUME_ROLE)
                                        .resourceArns(chunk))
                        .evaluationResults()) {
                    answers.put(result.evalResourceName(), Known.of(decision(result)));
                }
                chunk.forEach(arn -> answers.putIfAbsent(
                        arn,
                        Known.unknown("IAM's policy simulator gave no answer for sts:AssumeRole on " + arn + ".")));
            } catch (SdkException e) {
                if (!AwsProblems.isNoSuchEntity(e) && affectsEveryRole(e)) {
                    unusable.compareAndSet(
                            null, AwsProblems.explain(e, "iam:SimulatePrincipalPolicy", "the account's roles"));
                }
                String why = AwsProblems.explain(e, "iam:SimulatePrincipalPolicy", applianceRoleArn);
                chunk.forEach(arn -> answers.put(arn, Known.unknown(why)));
            }
        }
        return answers;
    }

    private static SimulatedAction decision(EvaluationResult result) {
        return new SimulatedAction(
                result.evalActionName(),
                result.evalDecision() == PolicyEvaluationDecisionType.ALLOWED,
                result.evalDecision() == PolicyEvaluationDecisionType.EXPLICIT_DENY,
                result.organizationsDecisionDetail() == null
                        ? null
                        : result.organizationsDecisionDetail().allowedByOrganizations(),
                result.permissionsBoundaryDecisionDetail() == null
                        ? null
                        : result.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary());
    }

    /** A refusal or a server failure says the simulator cannot serve this operator; a vanished role says nothing. */
    private static boolean affectsEveryRole(SdkException e) {
        return switch (AwsError.of(e)) {
            case ACCESS_DENIED, CREDENTIALS_REFUSED, SERVER_ERROR, NOT_AWS, NETWORK, NO_ANSWER -> true;
            // An emulator that does not know the call says so with a 4xx code of its own.
            case REFUSED ->
                e instanceof AwsServiceException service
                        && ("NotImplemented".equals(AwsProblems.code(service))
                                || "InvalidAction".equals(AwsProblems.code(service)));
            case NO_SUCH_ENTITY, THROTTLED -> false;
        };
    }
}
