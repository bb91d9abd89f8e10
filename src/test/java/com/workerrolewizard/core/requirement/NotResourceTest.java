package com.workerrolewizard.core.requirement;

import static com.workerrolewizard.core.requirement.PermissionsCheckTest.IAM;
import static com.workerrolewizard.core.requirement.PermissionsCheckTest.PAGE;
import static com.workerrolewizard.core.requirement.PermissionsCheckTest.PAGE_ACTIONS;
import static com.workerrolewizard.core.requirement.PermissionsCheckTest.SQS;
import static com.workerrolewizard.core.requirement.PermissionsCheckTest.c;
import static com.workerrolewizard.core.requirement.PermissionsCheckTest.page;
import static com.workerrolewizard.core.requirement.PermissionsCheckTest.pageStatementWithout;
import static com.workerrolewizard.core.requirement.PermissionsCheckTest.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.account.SimulatedAction;
import com.workerrolewizard.core.reference.ActionCatalog;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code NotResource} as IAM reads it: an Allow with it allows the actions on everything except what it names.
 * What it names is compared with the resources each action acts on (the Service Authorization Reference): all
 * of them is no Allow (FAIL), some of them a risk (WARN), none of them (another service, an action with no
 * resource type) counts as {@code "*"}. A Deny's NotResource keeps the simulator's reading of resource "*".
 */
class NotResourceTest {
    static final String QUEUE = "arn:aws:sqs:us-east-1:444455556666:q";

    /** The page's statement without the actions of one service, plus an Allow of that service with a NotResource. */
    static String pageWithServiceExcept(String service, List<String> serviceActions, String notResource) {
        return policy(
                pageStatementWithout(serviceActions),
                "{'Effect':'Allow','Action':['" + service + ":*'],'NotResource':" + notResource + "}");
    }

    static List<String> only(Predicate<String> keep) {
        return PAGE_ACTIONS.stream().filter(keep).toList();
    }

    static final List<String> SSM = only(a -> a.startsWith("ssm:"));

    static Stream<Arguments> cases() {
        return Stream.of(
                        // --- the three examples: exclusions that cover every resource some actions act on
                        c("iam:* except every role: GetRole and ListInstanceProfilesForRole fail, the two with user and group "
                                        + "types hold with a risk")
                                .inline("P", pageWithServiceExcept("iam", IAM, "'arn:aws:iam::*:role/*'"))
                                .expect(Status.FAIL, List.of("iam:GetRole", "iam:ListInstanceProfilesForRole"))
                                .reason(
                                        "iam:GetRole",
                                        "statement 2 of inline policy \"P\" allows it except on arn:aws:iam::*:role/* "
                                                + "(NotResource), which names every resource it acts on (iam:role)")
                                .detail("Narrow the NotResource"),
                        c("sqs:* except every queue: the three queue actions fail, ListQueues (no resource type) holds")
                                .inline("P", pageWithServiceExcept("sqs", SQS, "'arn:aws:sqs:*:*:*'"))
                                .expect(
                                        Status.FAIL,
                                        List.of("sqs:DeleteMessage", "sqs:ReceiveMessage", "sqs:SendMessage"))
                                .reason("sqs:SendMessage", "(sqs:queue)"),
                        c("ssm:* except every document: the document-only actions fail, the mixed ones hold with a risk")
                                .inline("P", pageWithServiceExcept("ssm", SSM, "'arn:aws:ssm:*:*:document/*'"))
                                .expect(Status.FAIL, List.of("ssm:DescribeDocument", "ssm:GetDocument"))
                                .reason("ssm:GetDocument", "arn:aws:ssm:*:*:document/*"),
                        c("the mixed-type ssm actions alone: a risk, not a failure")
                                .inline("P", pageWithServiceExcept("ssm", SSM, "'arn:aws:ssm:*:*:document/*'"))
                                .catalog(new ActionCatalog(
                                        "mixed.txt", List.of("ssm:DescribeAssociation", "ssm:UpdateAssociationStatus")))
                                .expect(Status.WARN, List.of())
                                .detail(
                                        "allowed except on arn:aws:ssm:*:*:document/* (NotResource, ssm:document)",
                                        "All 2 required " + "actions are allowed, by"),

                        // --- exclusions of some resources only
                        c("one queue excluded: the queue actions hold with a risk naming it")
                                .inline("P", pageWithServiceExcept("sqs", SQS, "'" + QUEUE + "'"))
                                .expect(Status.WARN, List.of())
                                .detail("sqs:DeleteMessage, sqs:ReceiveMessage, sqs:SendMessage (allowed except on "
                                        + QUEUE + " (NotResource, sqs:queue) by statement 2 of inline policy \"P\")"),
                        c("wildcard ? in the region: some queues only")
                                .inline("P", pageWithServiceExcept("sqs", SQS, "'arn:aws:sqs:??-west-1:*:*'"))
                                .expect(Status.WARN, List.of()),
                        c("every role on one path: some roles only")
                                .inline("P", pageWithServiceExcept("iam", IAM, "'arn:aws:iam::*:role/admin/*'"))
                                .expect(Status.WARN, List.of())
                                .detail("(NotResource, iam:role)"),
                        c("the account's own queues only: some queues (other accounts' stay)")
                                .inline("P", pageWithServiceExcept("sqs", SQS, "'arn:aws:sqs:*:444455556666:*'"))
                                .expect(Status.WARN, List.of()),

                        // --- exclusions that can match none of the resources: the statement counts as "*"
                        c("another service's ARN excludes nothing the actions act on")
                                .inline("P", pageWithServiceExcept("sqs", SQS, "'arn:aws:s3:::backups/*'"))
                                .expect(Status.PASS, List.of())
                                .detail("on every resource"),
                        c("another partition's queues exclude nothing in this one")
                                .inline("P", pageWithServiceExcept("sqs", SQS, "'arn:aws-cn:sqs:*:*:*'"))
                                .expect(Status.PASS, List.of()),
                        c("the whole page on NotResource of an S3 bucket: PASS")
                                .inline(
                                        "P",
                                        page().replace("\"Resource\"", "\"NotResource\"")
                                                .replace("\"*\"", "\"arn:aws:s3:::b\""))
                                .expect(Status.PASS, List.of()),

                        // --- wildcards that cover more
                        c("arn:*:sqs:*:*:* covers every queue in any partition")
                                .inline("P", pageWithServiceExcept("sqs", SQS, "'arn:*:sqs:*:*:*'"))
                                .expect(
                                        Status.FAIL,
                                        List.of("sqs:DeleteMessage", "sqs:ReceiveMessage", "sqs:SendMessage")),
                        c("arn:aws:* covers every ARN: only the actions without a resource type hold")
                                .inline(
                                        "P",
                                        page().replace("\"Resource\"", "\"NotResource\"")
                                                .replace("\"*\"", "\"arn:aws:*\""))
                                .expect(
                                        Status.FAIL,
                                        only(a -> !List.of(
                                                                "sqs:ListQueues",
                                                                "ssm:GetDeployablePatchSnapshotForInstance",
                                                                "ssm:GetManifest",
                                                                "ssm:ListAssociations",
                                                                "ssm:PutConfigurePackageResult",
                                                                "ssm:PutInventory")
                                                        .contains(a)
                                                && !a.startsWith("ec2messages:")
                                                && !a.startsWith("ssmmessages:"))),
                        c("NotResource * excludes everything: nothing is allowed")
                                .inline("P", page().replace("\"Resource\"", "\"NotResource\""))
                                .expect(Status.FAIL, PAGE_ACTIONS)
                                .reason("sqs:ListQueues", "(NotResource), which names every resource"),
                        c("several values: a queue and every role")
                                .inline(
                                        "P",
                                        policy(
                                                pageStatementWithout(concat(SQS, IAM)),
                                                "{'Effect':'Allow','Action':['sqs:*','iam:*']," + "'NotResource':['"
                                                        + QUEUE + "','arn:aws:iam::*:role/*']}"))
                                .expect(Status.FAIL, List.of("iam:GetRole", "iam:ListInstanceProfilesForRole"))
                                .reason("iam:GetRole", "allows it except on arn:aws:iam::*:role/* (NotResource)"),

                        // --- another Allow on "*" wins over the exclusion
                        c("an Allow on * next to the exclusion: PASS without a risk")
                                .inline(
                                        "P",
                                        policy(
                                                PermissionsCheckTest.pageStatementJson(),
                                                "{'Effect':'Allow','Action':'sqs:*','NotResource':'arn:aws:sqs:*:*:*'}"))
                                .expect(Status.PASS, List.of()),
                        c("the exclusion in one policy, the page in a managed one")
                                .inline(
                                        "Narrow",
                                        policy("{'Effect':'Allow','Action':'*','NotResource':'arn:aws:iam::*:role/*'}"))
                                .managed("Page", page())
                                .expect(Status.PASS, List.of()),
                        c("a conditional exclusion: both risks named")
                                .inline(
                                        "P",
                                        policy(
                                                pageStatementWithout(SQS),
                                                "{'Effect':'Allow','Action':'sqs:*','NotResource':'" + QUEUE
                                                        + "','Condition':{'Bool':{'aws:SecureTransport':'true'}}}"))
                                .expect(Status.WARN, List.of())
                                .detail(
                                        "allowed only under a Condition (aws:SecureTransport)",
                                        "allowed except on " + QUEUE),

                        // --- the permissions boundary is read the same way
                        c("a boundary excluding every queue keeps the queue actions out")
                                .inline("P", page())
                                .boundary(
                                        "B",
                                        policy("{'Effect':'Allow','Action':'*','NotResource':'arn:aws:sqs:*:*:*'}"))
                                .expect(
                                        Status.FAIL,
                                        List.of("sqs:DeleteMessage", "sqs:ReceiveMessage", "sqs:SendMessage"))
                                .reason("sqs:SendMessage", "outside the permissions boundary")
                                .detail("Widen the permissions boundary"),
                        c("a boundary excluding one queue is a risk")
                                .inline("P", page())
                                .boundary("B", policy("{'Effect':'Allow','Action':'*','NotResource':'" + QUEUE + "'}"))
                                .expect(Status.WARN, List.of())
                                .detail("allowed except on " + QUEUE),

                        // --- actions whose resource types are not known (a --catalog file): a same-service exclusion
                        // covers all
                        c("unknown action, same-service exclusion: not allowed")
                                .inline(
                                        "P",
                                        policy(
                                                "{'Effect':'Allow','Action':'kms:*','NotResource':'arn:aws:kms:*:*:key/one'}"))
                                .catalog(new ActionCatalog("newer.txt", List.of("kms:Decrypt")))
                                .expect(Status.FAIL, List.of("kms:Decrypt"))
                                .reason("kms:Decrypt", "(kms resources)"),
                        c("unknown action, another service's exclusion: allowed")
                                .inline(
                                        "P",
                                        policy("{'Effect':'Allow','Action':'kms:*','NotResource':'arn:aws:s3:::b'}"))
                                .catalog(new ActionCatalog("newer.txt", List.of("kms:Decrypt")))
                                .expect(Status.PASS, List.of()),
                        c("known actions keep their types in a custom catalog")
                                .inline(
                                        "P",
                                        policy(
                                                "{'Effect':'Allow','Action':['sqs:*','kms:*'],'NotResource':'arn:aws:sqs:*:*:*'}"))
                                .catalog(new ActionCatalog(
                                        "newer.txt", List.of("sqs:ListQueues", "sqs:SendMessage", "kms:Decrypt")))
                                .expect(Status.FAIL, List.of("sqs:SendMessage")),

                        // --- NotResource in a Deny keeps today's reading: it denies everywhere unless it names "*"
                        c("Deny sqs:* except every queue still denies them (resource \"*\" is not an ARN it names)")
                                .inline(
                                        "P",
                                        PermissionsCheckTest.pagePlus(
                                                "{'Effect':'Deny','Action':'sqs:*','NotResource':'arn:aws:sqs:*:*:*'}"))
                                .expect(Status.FAIL, SQS)
                                .reason("sqs:ListQueues", "denied by statement 2"),
                        c("Deny * except * denies nothing")
                                .inline(
                                        "P",
                                        PermissionsCheckTest.pagePlus(
                                                "{'Effect':'Deny','Action':'*','NotResource':'*'}"))
                                .expect(Status.PASS, List.of()))
                .map(Arguments::of);
    }

    static List<String> concat(List<String> a, List<String> b) {
        return PermissionsCheckTest.concat(a, b);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void notResource(PermissionsCheckTest.Case row) {
        new PermissionsCheckTest().permissions(row);
    }

    // ---------------------------------------------------------------- the simulator cannot see an exclusion

    static RoleSnapshot roleWith(String json, Optional<Known<List<SimulatedAction>>> simulation) {
        RoleSnapshot plain = PermissionsCheckTest.role(
                Known.of(List.of(IdentityPolicy.inline("P", PermissionsCheckTest.doc(json)))),
                Known.of(Optional.empty()));
        return new RoleSnapshot(
                plain.name(),
                plain.path(),
                plain.arn(),
                plain.roleId(),
                plain.trustPolicy(),
                plain.instanceProfiles(),
                plain.policies(),
                plain.boundary(),
                simulation);
    }

    static Known<List<SimulatedAction>> simulatorAllowsAll() {
        return Known.of(PAGE_ACTIONS.stream()
                .map(a -> new SimulatedAction(a, true, false, true, null))
                .toList());
    }

    @Test
    void theSimulatorsAllowedDoesNotOverrideAnExclusionOfEveryResource() {
        RoleSnapshot role =
                roleWith(pageWithServiceExcept("sqs", SQS, "'arn:aws:sqs:*:*:*'"), Optional.of(simulatorAllowsAll()));
        RequirementResult result = new RoleChecker(PAGE)
                .check(role, com.workerrolewizard.core.arn.AppliancePrincipal.parse("111122223333"))
                .requirements()
                .get(3);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.missing()).containsExactly("sqs:DeleteMessage", "sqs:ReceiveMessage", "sqs:SendMessage");
        assertThat(result.detail())
                .contains("IAM's policy simulator allows them on the literal resource \"*\"")
                .contains("arn:aws:sqs:*:*:*");
        PermissionsCheckTest.assertSentence(result.detail());
    }

    @Test
    void theSimulatorStillDecidesWhatItCanSee() {
        // The local evaluation misses ssm:GetManifest (no statement) and the queue actions (excluded); the simulator
        // allows all: it is trusted for GetManifest, not for the exclusion.
        String json = policy(
                pageStatementWithout(concat(SQS, List.of("ssm:GetManifest"))),
                "{'Effect':'Allow','Action':'sqs:*','NotResource':'arn:aws:sqs:*:*:*'}");
        RequirementResult result = new RoleChecker(PAGE)
                .check(
                        roleWith(json, Optional.of(simulatorAllowsAll())),
                        com.workerrolewizard.core.arn.AppliancePrincipal.parse("111122223333"))
                .requirements()
                .get(3);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.missing()).containsExactly("sqs:DeleteMessage", "sqs:ReceiveMessage", "sqs:SendMessage");
        assertThat(result.detail()).contains("allows the 1 other action the local evaluation found missing");
    }

    @Test
    void aPartialExclusionStaysAWarningWhenTheSimulatorAgrees() {
        RoleSnapshot role =
                roleWith(pageWithServiceExcept("sqs", SQS, "'" + QUEUE + "'"), Optional.of(simulatorAllowsAll()));
        RequirementResult result = new RoleChecker(PAGE)
                .check(role, com.workerrolewizard.core.arn.AppliancePrincipal.parse("111122223333"))
                .requirements()
                .get(3);
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.detail()).contains("allowed except on " + QUEUE).contains("simulator agrees");
    }
}
