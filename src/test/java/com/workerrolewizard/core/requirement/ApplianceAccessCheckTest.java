package com.workerrolewizard.core.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.account.ApplianceSide;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.account.SimulatedAction;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The appliance side of the assume-role call: the Impersonation role's own policies, boundary and the simulator. */
class ApplianceAccessCheckTest {
    private static final String SAME = "444455556666";
    private static final String OTHER = "111122223333";
    private static final String WORKER = "arn:aws:iam::" + SAME + ":role/workers/Worker";

    private static String trust(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"AWS\":\"" + principal + "\"}}]}";
    }

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static String statement(String effect, String action, String resource) {
        return "{\"Effect\":\"" + effect + "\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"}";
    }

    private static RoleSnapshot worker(String trustJson) {
        return new RoleSnapshot(
                "Worker",
                "/workers/",
                WORKER,
                "AROAWORKER",
                Known.of(PolicyDocument.parse(trustJson, PolicyKind.TRUST)),
                Known.of(List.of()),
                Known.of(List.of()),
                Known.of(Optional.empty()));
    }

    private static RoleSnapshot appliance(String account, List<String> inline, Optional<String> boundary) {
        List<IdentityPolicy> policies = inline.stream()
                .map(json -> IdentityPolicy.inline(
                        "P" + inline.indexOf(json), PolicyDocument.parse(json, PolicyKind.IDENTITY)))
                .toList();
        Optional<IdentityPolicy> limit = boundary.map(json -> new IdentityPolicy(
                IdentityPolicy.Kind.BOUNDARY,
                "Limit",
                "arn:aws:iam::" + account + ":policy/Limit",
                "v1",
                Known.of(PolicyDocument.parse(json, PolicyKind.IDENTITY))));
        return new RoleSnapshot(
                "Impersonation",
                "/",
                "arn:aws:iam::" + account + ":role/Impersonation",
                "AROAAPPLIANCE",
                Known.of(PolicyDocument.parse(trust("arn:aws:iam::" + account + ":root"), PolicyKind.TRUST)),
                Known.of(List.of()),
                Known.of(policies),
                Known.of(limit));
    }

    private static RequirementResult check(
            String trustPrincipal, String account, List<String> inline, Optional<String> boundary) {
        AppliancePrincipal principal = AppliancePrincipal.parse("arn:aws:iam::" + account + ":role/Impersonation");
        return ApplianceAccessCheck.check(
                worker(trust(trustPrincipal)),
                principal,
                ApplianceSide.offline(Known.of(appliance(account, inline, boundary))));
    }

    static Stream<Arguments> cases() {
        String role = "arn:aws:iam::" + SAME + ":role/Impersonation";
        String root = "arn:aws:iam::" + SAME + ":root";
        String otherRole = "arn:aws:iam::" + OTHER + ":role/Impersonation";
        String allowAll = policy(statement("Allow", "sts:AssumeRole", "*"));
        String allowWorker = policy(statement("Allow", "sts:AssumeRole", WORKER));
        String allowPath = policy(statement("Allow", "sts:AssumeRole", "arn:aws:iam::" + SAME + ":role/workers/*"));
        String allowElsewhere = policy(statement("Allow", "sts:AssumeRole", "arn:aws:iam::" + SAME + ":role/Other"));
        String denyWorker = policy(statement("Deny", "sts:*", WORKER));
        String notResource =
                policy("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"NotResource\":\"" + WORKER + "\"}");
        String conditional = policy("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"backup\"}}}");
        Optional<String> none = Optional.empty();
        return Stream.of(
                Arguments.of("trust names the role, same account, no policy", role, SAME, List.of(), none, Status.PASS),
                Arguments.of("trust names the account, no policy", root, SAME, List.of(), none, Status.FAIL),
                Arguments.of("trust names the account, allowed on *", root, SAME, List.of(allowAll), none, Status.PASS),
                Arguments.of("allowed by the role's ARN", root, SAME, List.of(allowWorker), none, Status.PASS),
                Arguments.of("allowed by the workers' path", root, SAME, List.of(allowPath), none, Status.PASS),
                Arguments.of("allowed on another role only", root, SAME, List.of(allowElsewhere), none, Status.FAIL),
                Arguments.of("NotResource names the role", root, SAME, List.of(notResource), none, Status.FAIL),
                Arguments.of("a Condition", root, SAME, List.of(conditional), none, Status.WARN),
                Arguments.of(
                        "a Deny wins over the trust", role, SAME, List.of(allowAll, denyWorker), none, Status.FAIL),
                Arguments.of(
                        "a boundary without sts limits even the trust's grant",
                        role,
                        SAME,
                        List.of(),
                        Optional.of(policy(statement("Allow", "s3:*", "*"))),
                        Status.FAIL),
                Arguments.of(
                        "a boundary allowing it",
                        root,
                        SAME,
                        List.of(allowAll),
                        Optional.of(policy(statement("Allow", "sts:AssumeRole", "*"))),
                        Status.PASS),
                Arguments.of("another account needs its own Allow", otherRole, OTHER, List.of(), none, Status.FAIL),
                Arguments.of(
                        "another account with an Allow", otherRole, OTHER, List.of(allowWorker), none, Status.PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theApplianceSideIsReadAsIamDoes(
            String name,
            String trustPrincipal,
            String account,
            List<String> inline,
            Optional<String> boundary,
            Status expected) {
        RequirementResult result = check(trustPrincipal, account, inline, boundary);
        assertThat(result.id()).isEqualTo(RequirementId.APPLIANCE_ACCESS);
        assertThat(result.status()).as(result.detail()).isEqualTo(expected);
        assertThat(result.detail()).doesNotContain("null").endsWith(".");
    }

    @Test
    void theDetailNamesTheStatementThatDecides() {
        String deny = policy(statement("Allow", "sts:AssumeRole", "*"), statement("Deny", "sts:AssumeRole", WORKER));
        RequirementResult result = check("arn:aws:iam::" + SAME + ":root", SAME, List.of(deny), Optional.empty());
        assertThat(result.detail())
                .startsWith("Statement 2 of inline policy \"P0\" of the appliance role")
                .contains("denies sts:AssumeRole on " + WORKER);
        RequirementResult allowed = check(
                "arn:aws:iam::" + SAME + ":root",
                SAME,
                List.of(policy(statement("Allow", "sts:AssumeRole", WORKER))),
                Optional.empty());
        assertThat(allowed.detail())
                .startsWith("Statement 1 of inline policy \"P0\"")
                .contains("allows");
        RequirementResult missing =
                check("arn:aws:iam::" + OTHER + ":role/Impersonation", OTHER, List.of(), Optional.empty());
        assertThat(missing.detail()).contains("another account (" + OTHER + ")").contains("add a statement");
    }

    @Test
    void theSimulatorDecidesWhereItSeesMoreAndNotWhereTheTrustIsTheAllow() {
        AppliancePrincipal principal = AppliancePrincipal.parse("arn:aws:iam::" + SAME + ":role/Impersonation");
        RoleSnapshot byAccount = worker(trust("arn:aws:iam::" + SAME + ":root"));
        RoleSnapshot byRole = worker(trust("arn:aws:iam::" + SAME + ":role/Impersonation"));
        Known<RoleSnapshot> allowing =
                Known.of(appliance(SAME, List.of(policy(statement("Allow", "sts:*", "*"))), Optional.empty()));
        Known<RoleSnapshot> bare = Known.of(appliance(SAME, List.of(), Optional.empty()));

        SimulatedAction scp = new SimulatedAction("sts:AssumeRole", false, false, false, null);
        RequirementResult denied = ApplianceAccessCheck.check(
                byAccount, principal, new ApplianceSide(allowing, Optional.of(Known.of(scp))));
        assertThat(denied.status()).isEqualTo(Status.FAIL);
        assertThat(denied.detail()).contains("service control policy").contains("cannot see SCPs");

        SimulatedAction implicit = new SimulatedAction("sts:AssumeRole", false, false, null, null);
        RequirementResult trustAlone =
                ApplianceAccessCheck.check(byRole, principal, new ApplianceSide(bare, Optional.of(Known.of(implicit))));
        assertThat(trustAlone.status()).as(trustAlone.detail()).isEqualTo(Status.PASS);
        RequirementResult noAllow = ApplianceAccessCheck.check(
                byAccount, principal, new ApplianceSide(bare, Optional.of(Known.of(implicit))));
        assertThat(noAllow.status()).isEqualTo(Status.FAIL);

        RequirementResult refused = ApplianceAccessCheck.check(
                byAccount,
                principal,
                new ApplianceSide(allowing, Optional.of(Known.unknown("iam:SimulatePrincipalPolicy was refused."))));
        assertThat(refused.status()).isEqualTo(Status.PASS);
        assertThat(refused.detail()).contains("SCPs) were not seen").contains("SimulatePrincipalPolicy was refused)");

        SimulatedAction allowed = new SimulatedAction("sts:AssumeRole", true, false, true, null);
        RequirementResult agrees = ApplianceAccessCheck.check(
                byAccount, principal, new ApplianceSide(allowing, Optional.of(Known.of(allowed))));
        assertThat(agrees.status()).isEqualTo(Status.PASS);
        assertThat(agrees.detail()).contains("simulator agrees");
    }

    @Test
    void anApplianceRoleThatCannotBeReadIsUnknownWithTheReason() {
        AppliancePrincipal principal = AppliancePrincipal.parse("arn:aws:iam::" + SAME + ":role/Impersonation");
        RequirementResult result = ApplianceAccessCheck.check(
                worker(trust("arn:aws:iam::" + SAME + ":root")),
                principal,
                ApplianceSide.offline(Known.unknown("iam:GetRole was refused to the operator.")));
        assertThat(result.status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.detail()).contains("could not be read (iam:GetRole was refused to the operator)");
    }
}
