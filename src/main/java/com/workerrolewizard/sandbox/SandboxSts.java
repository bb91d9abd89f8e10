package com.workerrolewizard.sandbox;

import com.workerrolewizard.core.arn.Arn;
import com.workerrolewizard.core.evaluation.PrincipalMatch;
import com.workerrolewizard.core.evaluation.PrincipalTarget;
import com.workerrolewizard.core.evaluation.TrustEvaluation;
import com.workerrolewizard.core.evaluation.TrustEvaluator;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.policy.Principals;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The STS of the sandbox: who is calling ({@code GetCallerIdentity}) and {@code AssumeRole}, into any account of the
 * sandbox's organization, which honours the role's trust policy through the same engine the product checks it with,
 * and the caller's organization (a service control policy denying {@code sts:AssumeRole}, a knob).
 */
final class SandboxSts {
    private final SandboxOrganization organization;
    private final AccessKeys keys;
    /** The MFA code AssumeRole accepts when a request names an MFA device (null: any code). */
    volatile String mfaCode;

    /** Access key of a session handed out by AssumeRole, to the ARN of the role it is a session of. */
    private final Map<String, String[]> sessions = new ConcurrentHashMap<>();

    SandboxSts(SandboxOrganization organization, AccessKeys keys) {
        this.organization = organization;
        this.keys = keys;
    }

    /** The account a key signs in to: a session's role's account, a key's own account, else the home account. */
    String accountOf(String accessKey) {
        return keys.find(accessKey)
                .map(AccessKeys.Key::account)
                .orElseGet(() -> organization.home().id());
    }

    /** The caller's ARN: a session's assumed-role ARN, or its account's administrator for any other key. */
    String callerArn(String accessKey) {
        String[] session = accessKey == null ? null : sessions.get(accessKey);
        return session != null ? session[1] : "arn:aws:iam::" + accountOf(accessKey) + ":user/sandbox-admin";
    }

    /** For trust evaluation: a session acts as its role. */
    private String principalArn(String accessKey) {
        String[] session = accessKey == null ? null : sessions.get(accessKey);
        return session != null ? session[0] : callerArn(accessKey);
    }

    String handle(String action, Map<String, String> p, String accessKey) {
        return switch (action) {
            case "GetCallerIdentity" ->
                new Xml()
                        .text("Arn", callerArn(accessKey))
                        .text(
                                "UserId",
                                accessKey != null && sessions.containsKey(accessKey)
                                        ? "AROASANDBOX:session"
                                        : "AIDASANDBOXADMIN")
                        .text("Account", accountOf(accessKey))
                        .toString();
            case "AssumeRole" -> assumeRole(p, accessKey);
            case "AssumeRoleWithWebIdentity" -> assumeRoleWithWebIdentity(p);
            default ->
                throw new SandboxError(
                        400, "InvalidAction", "The action " + action + " is not valid for this web service.");
        };
    }

    private String assumeRole(Map<String, String> p, String accessKey) {
        String roleArn = p.get("RoleArn");
        String sessionName = p.getOrDefault("RoleSessionName", "session");
        String caller = principalArn(accessKey);
        SandboxError refused = new SandboxError(
                403,
                "AccessDenied",
                "User: " + callerArn(accessKey) + " is not authorized to perform: sts:AssumeRole on resource: "
                        + roleArn);
        String trust = account(roleArn).flatMap(a -> a.trustOf(roleArn)).orElseThrow(() -> refused);
        if (organization.of(accountOf(accessKey)).simulator().organizationDenied.contains("sts:assumerole")) {
            throw new SandboxError(
                    403,
                    "AccessDenied",
                    "User: " + callerArn(accessKey) + " is not authorized to perform: sts:AssumeRole on resource: "
                            + roleArn + " with an explicit deny in a service control policy");
        }
        boolean mfa = p.containsKey("SerialNumber");
        if (mfa && mfaCode != null && !mfaCode.equals(p.get("TokenCode"))) {
            throw new SandboxError(
                    403, "AccessDenied", "MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
        TrustEvaluation evaluation =
                TrustEvaluator.evaluate(PolicyDocument.parse(trust, PolicyKind.TRUST), target(caller));
        // An Allow whose only condition is MFA holds when the request came with a code.
        boolean mfaAllow = mfa
                && evaluation
                        .conditionalAllow()
                        .filter(a -> a.statement().conditionKeys().stream()
                                .allMatch(k -> k.startsWith("aws:MultiFactorAuth")))
                        .isPresent();
        if (evaluation.unconditionalDeny().isPresent()
                || (evaluation.bestUnconditionalAllow().isEmpty() && !mfaAllow)) {
            throw refused;
        }
        return credentials(roleArn, sessionName, Integer.parseInt(p.getOrDefault("DurationSeconds", "3600")));
    }

    /** Any non-empty token is accepted: the sandbox trusts every identity provider. */
    private String assumeRoleWithWebIdentity(Map<String, String> p) {
        if (p.getOrDefault("WebIdentityToken", "").isBlank()) {
            throw new SandboxError(400, "InvalidIdentityToken", "The web identity token is empty.");
        }
        String roleArn = p.get("RoleArn");
        account(roleArn)
                .flatMap(a -> a.trustOf(roleArn))
                .orElseThrow(() -> new SandboxError(
                        403,
                        "AccessDenied",
                        "Not authorized to perform " + "sts:AssumeRoleWithWebIdentity on " + roleArn));
        return credentials(roleArn, p.getOrDefault("RoleSessionName", "web"), 3600);
    }

    /** The sandbox account a role ARN names, if the sandbox has it. */
    private Optional<SandboxAccount> account(String roleArn) {
        return Optional.ofNullable(roleArn)
                .flatMap(Arn::parse)
                .flatMap(arn -> organization.member(arn.account()))
                .map(member -> member.iam().account);
    }

    private String credentials(String roleArn, String sessionName, int seconds) {
        String account = Arn.parse(roleArn).map(Arn::account).orElseThrow();
        AccessKeys.Key session = keys.issueSession(account);
        String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        String sessionArn = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
        sessions.put(session.id(), new String[] {roleArn, sessionArn});
        return new Xml()
                .open("Credentials")
                .text("AccessKeyId", session.id())
                .text("SecretAccessKey", session.secret())
                .text("SessionToken", session.sessionToken())
                .text(
                        "Expiration",
                        Instant.now()
                                .plus(seconds, ChronoUnit.SECONDS)
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString())
                .close("Credentials")
                .open("AssumedRoleUser")
                .text("AssumedRoleId", "AROASANDBOX:" + sessionName)
                .text("Arn", sessionArn)
                .close("AssumedRoleUser")
                .toString();
    }

    private static PrincipalTarget target(String callerArn) {
        String account = Arn.parse(callerArn).map(Arn::account).orElse("");
        return new PrincipalTarget() {
            @Override
            public PrincipalMatch match(Principals principals) {
                if (principals.everyone()) {
                    return PrincipalMatch.EVERYONE;
                }
                PrincipalMatch best = PrincipalMatch.NONE;
                for (String value : principals.values("AWS")) {
                    PrincipalMatch match = value.equals("*")
                            ? PrincipalMatch.EVERYONE
                            : value.equalsIgnoreCase(callerArn)
                                    ? PrincipalMatch.EXACT
                                    : value.equals(account) || value.endsWith(":" + account + ":root")
                                            ? PrincipalMatch.ACCOUNT
                                            : PrincipalMatch.NONE;
                    best = match.compareTo(best) < 0 ? match : best;
                }
                return best;
            }

            @Override
            public String describe() {
                return callerArn;
            }
        };
    }
}
