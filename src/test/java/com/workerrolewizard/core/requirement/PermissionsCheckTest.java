package com.workerrolewizard.core.requirement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.IdentityPolicy;
import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.account.RoleSnapshot;
import com.workerrolewizard.core.policy.PolicyDocument;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requirement 4 as a table: each case is a role's identity policies (inline, managed, unreadable), an
 * optional permissions boundary, and the status and missing actions IAM's evaluation gives.
 */
class PermissionsCheckTest {

    static final ActionCatalog PAGE = ReferenceDocuments.load().builtInCatalog();
    static final List<String> PAGE_ACTIONS = PAGE.actions();
    static final String QUEUE = "arn:aws:sqs:us-east-1:444455556666:q";
    static final String COND = "{'IpAddress':{'aws:SourceIp':'10.0.0.0/8'}}";

    static final List<String> SQS =
            List.of("sqs:DeleteMessage", "sqs:ListQueues", "sqs:ReceiveMessage", "sqs:SendMessage");
    static final List<String> IAM = List.of(
            "iam:GetContextKeysForPrincipalPolicy",
            "iam:GetRole",
            "iam:ListInstanceProfilesForRole",
            "iam:SimulatePrincipalPolicy");

    // ---------------------------------------------------------------- documents

    /** Single quotes for readability in the table; IAM JSON uses double quotes. */
    static String q(String json) {
        return json.replace('\'', '"');
    }

    static String policy(String... statements) {
        return q("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
    }

    static String stmt(String effect, String action, String resource) {
        return "{'Effect':'" + effect + "','Action':" + action + ",'Resource':" + resource + "}";
    }

    static String allow(String action, String resource) {
        return stmt("Allow", action, resource);
    }

    static String deny(String action, String resource) {
        return stmt("Deny", action, resource);
    }

    static String arr(List<String> values) {
        return "['" + String.join("','", values) + "']";
    }

    static String arr(String... values) {
        return arr(List.of(values));
    }

    static String page() {
        return ReferenceDocuments.load().permissionsPolicy().toString();
    }

    /** The page's single statement, with its own key order, for combining with other statements. */
    static ObjectNode pageStatement() {
        return (ObjectNode) ReferenceDocuments.load()
                .permissionsPolicy()
                .withArray("Statement")
                .get(0);
    }

    static String pageStatementJson() {
        return pageStatement().toString().replace('"', '\'');
    }

    /** The page's policy plus more statements (the page's statement stays statement 1). */
    static String pagePlus(String... statements) {
        List<String> all = new ArrayList<>();
        all.add(pageStatementJson());
        all.addAll(List.of(statements));
        return policy(all.toArray(String[]::new));
    }

    static String pageWithout(String... actions) {
        ObjectNode doc = ReferenceDocuments.load().permissionsPolicy();
        ArrayNode list = (ArrayNode) doc.withArray("Statement").get(0).get("Action");
        List<String> drop = List.of(actions);
        for (int i = list.size() - 1; i >= 0; i--) {
            if (drop.contains(list.get(i).asText())) {
                list.remove(i);
            }
        }
        return doc.toString();
    }

    static String pageWithoutPrefix(String prefix) {
        return pageWithout(
                PAGE_ACTIONS.stream().filter(a -> a.startsWith(prefix)).toArray(String[]::new));
    }

    static String pageReplacing(String action, String replacement) {
        return page().replace("\"" + action + "\"", "\"" + replacement + "\"");
    }

    static PolicyDocument doc(String json) {
        return PolicyDocument.parse(json, PolicyKind.IDENTITY);
    }

    static IdentityPolicy inline(String name, String json) {
        return IdentityPolicy.inline(name, doc(json));
    }

    static IdentityPolicy managed(String name, String json) {
        return new IdentityPolicy(
                IdentityPolicy.Kind.MANAGED,
                name,
                "arn:aws:iam::444455556666:policy/" + name,
                "v1",
                Known.of(doc(json)));
    }

    static IdentityPolicy unreadable(String name, String because) {
        return new IdentityPolicy(
                IdentityPolicy.Kind.MANAGED,
                name,
                "arn:aws:iam::444455556666:policy/" + name,
                null,
                Known.unknown(because));
    }

    static IdentityPolicy boundary(String name, String json) {
        return new IdentityPolicy(
                IdentityPolicy.Kind.BOUNDARY,
                name,
                "arn:aws:iam::444455556666:policy/" + name,
                "v1",
                Known.of(doc(json)));
    }

    static List<String> pageExcept(java.util.function.Predicate<String> drop) {
        return PAGE_ACTIONS.stream().filter(drop.negate()).toList();
    }

    static List<String> pageOnly(java.util.function.Predicate<String> keep) {
        return PAGE_ACTIONS.stream().filter(keep).toList();
    }

    static RoleSnapshot role(Known<List<IdentityPolicy>> policies, Known<Optional<IdentityPolicy>> boundary) {
        PolicyDocument trust = PolicyDocument.parse(
                q("{'Version':'2012-10-17','Statement':[{'Effect':'Allow',"
                        + "'Action':'sts:AssumeRole','Principal':{'Service':'ec2.amazonaws.com'}}]}"),
                PolicyKind.TRUST);
        return new RoleSnapshot(
                "R",
                "/",
                "arn:aws:iam::444455556666:role/R",
                "AROAX",
                Known.of(trust),
                Known.of(List.of()),
                policies,
                boundary);
    }

    // ---------------------------------------------------------------- the table

    /** One row: the role's policies and boundary, and what the check must say. */
    static final class Case {
        final String name;
        final List<IdentityPolicy> policies = new ArrayList<>();
        Known<List<IdentityPolicy>> policiesOverride;
        Known<Optional<IdentityPolicy>> boundary = Known.of(Optional.empty());
        ActionCatalog catalog = PAGE;
        Status status;
        List<String> missing;
        Integer missingCount;
        final List<String> detailHas = new ArrayList<>();
        final Map<String, String> reasonHas = new LinkedHashMap<>();

        Case(String name) {
            this.name = name;
        }

        Case inline(String policyName, String json) {
            policies.add(PermissionsCheckTest.inline(policyName, json));
            return this;
        }

        Case managed(String policyName, String json) {
            policies.add(PermissionsCheckTest.managed(policyName, json));
            return this;
        }

        Case unreadable(String policyName, String because) {
            policies.add(PermissionsCheckTest.unreadable(policyName, because));
            return this;
        }

        Case policiesUnknown(String because) {
            policiesOverride = Known.unknown(because);
            return this;
        }

        Case boundary(String policyName, String json) {
            boundary = Known.of(Optional.of(PermissionsCheckTest.boundary(policyName, json)));
            return this;
        }

        Case boundary(Known<Optional<IdentityPolicy>> value) {
            boundary = value;
            return this;
        }

        Case catalog(ActionCatalog value) {
            catalog = value;
            return this;
        }

        Case expect(Status value, List<String> missingActions) {
            status = value;
            missing = missingActions;
            return this;
        }

        Case expect(Status value, int count) {
            status = value;
            missingCount = count;
            return this;
        }

        Case detail(String... fragments) {
            detailHas.addAll(List.of(fragments));
            return this;
        }

        Case reason(String action, String fragment) {
            reasonHas.put(action, fragment);
            return this;
        }

        RoleSnapshot snapshot() {
            return role(policiesOverride != null ? policiesOverride : Known.of(List.copyOf(policies)), boundary);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name) {
        return new Case(name);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                        // --- the page's policy, however attached
                        c("page policy inline")
                                .inline("VeeamWorker", page())
                                .expect(Status.PASS, List.of())
                                .detail(
                                        "All 33 required actions are allowed on every resource",
                                        "inline policy \"VeeamWorker\""),
                        c("page policy managed")
                                .managed("VeeamWorkerPolicy", page())
                                .expect(Status.PASS, List.of())
                                .detail("managed policy \"VeeamWorkerPolicy\""),
                        c("page policy as the page wrote it, Statement as a single object")
                                .inline("Single", q("{'Version':'2012-10-17','Statement':" + pageStatementJson() + "}"))
                                .expect(Status.PASS, List.of()),
                        c("no policies at all")
                                .expect(Status.FAIL, PAGE_ACTIONS)
                                .detail("33 of 33", "no statement allows it", "no permissions policy")
                                .reason("ec2messages:AcknowledgeMessage", "no statement allows it")
                                .reason("ssmmessages:OpenDataChannel", "no statement allows it"),
                        c("* on *").inline("Admin", policy(allow("'*'", "'*'"))).expect(Status.PASS, List.of()),
                        c("Resource array holding * counts as everywhere")
                                .inline("P", policy(allow("'*'", arr(QUEUE, "*"))))
                                .expect(Status.PASS, List.of()),
                        c("an empty Condition block is no condition")
                                .inline("P", policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':{}}"))
                                .expect(Status.PASS, List.of()),
                        c("Version 2008-10-17 is read the same")
                                .inline("Old", page().replace("2012-10-17", "2008-10-17"))
                                .expect(Status.PASS, List.of()),

                        // --- wildcards and case in action names
                        c("ssm:* alone covers the 15 ssm actions but not ssmmessages")
                                .inline("P", policy(allow("'ssm:*'", "'*'")))
                                .expect(Status.FAIL, pageExcept(a -> a.startsWith("ssm:"))),
                        c("ssm:* in place of the ssm actions")
                                .inline("P", pagePlus(allow("'ssm:*'", "'*'")))
                                .expect(Status.PASS, List.of()),
                        c("ssm:Get* covers exactly the five ssm:Get actions")
                                .inline("P", policy(allow("'ssm:Get*'", "'*'")))
                                .expect(Status.FAIL, pageExcept(a -> a.startsWith("ssm:Get"))),
                        c("SSM:getdocument matches ssm:GetDocument (case-insensitive)")
                                .inline("P", pageReplacing("ssm:GetDocument", "SSM:getdocument"))
                                .expect(Status.PASS, List.of()),
                        c("ec2messages:?etEndpoint matches GetEndpoint")
                                .inline("P", pageReplacing("ec2messages:GetEndpoint", "ec2messages:?etEndpoint"))
                                .expect(Status.PASS, List.of()),
                        c("? is exactly one character: ec2messages:?Endpoint does not match GetEndpoint")
                                .inline("P", pageReplacing("ec2messages:GetEndpoint", "ec2messages:?Endpoint"))
                                .expect(Status.FAIL, List.of("ec2messages:GetEndpoint")),
                        c("a wildcard with no colon: ssm* covers ssm and ssmmessages")
                                .inline("P", policy(allow("'ssm*'", "'*'")))
                                .expect(Status.FAIL, pageExcept(a -> a.startsWith("ssm"))),

                        // --- missing actions
                        c("page policy minus ssm:PutInventory")
                                .inline("P", pageWithout("ssm:PutInventory"))
                                .expect(Status.FAIL, List.of("ssm:PutInventory"))
                                .detail(
                                        "1 of 33 required actions is not allowed on every resource",
                                        "ssm:PutInventory (no statement allows it)",
                                        "Attach the page's permissions policy"),
                        c("two missing are listed in catalog order, not in the order they were removed")
                                .inline("P", pageWithout("sqs:SendMessage", "ec2messages:FailMessage"))
                                .expect(Status.FAIL, List.of("ec2messages:FailMessage", "sqs:SendMessage"))
                                .detail("2 of 33 required actions are not allowed"),

                        // --- explicit Deny
                        c("explicit Deny of one action on *")
                                .inline(
                                        "VeeamWorker",
                                        pagePlus(
                                                "{'Sid':'NoInventory','Effect':'Deny','Action':'ssm:PutInventory','Resource':'*'}"))
                                .expect(Status.FAIL, List.of("ssm:PutInventory"))
                                .reason(
                                        "ssm:PutInventory",
                                        "denied by statement 2 (Sid \"NoInventory\") of inline policy \"VeeamWorker\"")
                                .detail("Remove or narrow the Deny"),
                        c("Deny in another (managed) policy wins over the inline Allow")
                                .inline("VeeamWorker", page())
                                .managed("Guardrail", policy(deny("'sqs:SendMessage'", "'*'")))
                                .expect(Status.FAIL, List.of("sqs:SendMessage"))
                                .reason("sqs:SendMessage", "denied by statement 1 of managed policy \"Guardrail\""),
                        c("Deny by a wildcard on the service denies all its actions")
                                .inline("VeeamWorker", page())
                                .managed("Guardrail", policy(deny("'SQS:*'", "'*'")))
                                .expect(Status.FAIL, SQS),
                        c("Deny via NotAction: everything but ec2messages, ssm, ssmmessages and sqs is denied")
                                .inline("VeeamWorker", page())
                                .managed(
                                        "Guardrail",
                                        q("{'Version':'2012-10-17','Statement':{'Effect':'Deny','NotAction':"
                                                + arr("ec2messages:*", "ssm:*", "ssmmessages:*", "sqs:*")
                                                + ",'Resource':'*'}}"))
                                .expect(Status.FAIL, IAM)
                                .reason("iam:GetRole", "denied by statement 1 of managed policy \"Guardrail\""),
                        c("Deny with NotResource of one ARN covers every other resource, so it denies")
                                .inline(
                                        "VeeamWorker",
                                        pagePlus("{'Effect':'Deny','Action':'ssm:GetDocument','NotResource':'" + QUEUE
                                                + "'}"))
                                .expect(Status.FAIL, List.of("ssm:GetDocument")),
                        c("a Deny of unrelated actions changes nothing")
                                .inline("VeeamWorker", pagePlus(deny("'s3:*'", "'*'")))
                                .expect(Status.PASS, List.of()),

                        // --- Allow via NotAction / NotResource / one resource
                        c("Allow via NotAction iam:*: 29 allowed, the 4 iam actions missing")
                                .inline(
                                        "P",
                                        q(
                                                "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}]}"))
                                .expect(Status.FAIL, IAM)
                                .detail("4 of 33")
                                .reason("iam:GetRole", "no statement allows it"),
                        // control row: an extra queue-limited Allow next to the page's statement changes nothing
                        c("page policy plus a queue-limited sqs Allow")
                                .inline("VeeamWorker", pagePlus(allow("'sqs:*'", "'" + QUEUE + "'")))
                                .expect(Status.PASS, List.of()),
                        c("Allow limited to one queue ARN does not count: the sqs actions are missing")
                                .inline(
                                        "VeeamWorker",
                                        policy(pageStatementWithout(SQS), allow("'sqs:*'", "'" + QUEUE + "'")))
                                .expect(Status.FAIL, SQS)
                                .reason("sqs:SendMessage", "allows it only on " + QUEUE + ", not on every resource")
                                .reason("sqs:SendMessage", "statement 2 of inline policy \"VeeamWorker\""),
                        c("Allow with NotResource of one queue: the queue actions hold with a risk")
                                .inline(
                                        "P",
                                        page().replace("\"Resource\"", "\"NotResource\"")
                                                .replace("\"*\"", "\"" + QUEUE + "\""))
                                .expect(Status.WARN, List.of())
                                .detail("allowed except on " + QUEUE + " (NotResource, sqs:queue)"),
                        c("Allow with NotResource * applies to no resource")
                                .inline("P", page().replace("\"Resource\"", "\"NotResource\""))
                                .expect(Status.FAIL, PAGE_ACTIONS),

                        // --- conditions and resource-limited denies are risks, not failures
                        c("Allow under a Condition")
                                .inline(
                                        "P",
                                        policy("{'Effect':'Allow','Action':" + arr(PAGE_ACTIONS)
                                                + ",'Resource':'*','Condition':" + COND + "}"))
                                .expect(Status.WARN, List.of())
                                .detail(
                                        "allowed only under a Condition (aws:SourceIp)",
                                        "statement 1 of inline policy \"P\""),
                        c("conditional Allow plus an unconditional Allow elsewhere is a plain PASS")
                                .inline(
                                        "Cond",
                                        policy("{'Effect':'Allow','Action':'*','Resource':'*','Condition':" + COND
                                                + "}"))
                                .managed("Page", page())
                                .expect(Status.PASS, List.of()),
                        c("Deny under a Condition")
                                .inline(
                                        "P",
                                        pagePlus("{'Effect':'Deny','Action':'ssm:*','Resource':'*','Condition':" + COND
                                                + "}"))
                                .expect(Status.WARN, List.of())
                                .detail(
                                        "denied under a Condition (aws:SourceIp)",
                                        "statement 2 of inline policy \"P\""),
                        c("Deny limited to a specific resource")
                                .inline("P", pagePlus(deny("'sqs:DeleteMessage'", "'" + QUEUE + "'")))
                                .expect(Status.WARN, List.of())
                                .detail("denied on " + QUEUE, "sqs:DeleteMessage"),

                        // --- permissions boundary
                        c("boundary that allows everything")
                                .inline("P", page())
                                .boundary("Boundary", policy(allow("'*'", "'*'")))
                                .expect(Status.PASS, List.of())
                                .detail("within the permissions boundary \"Boundary\""),
                        c("boundary without the ssm actions")
                                .inline("P", page())
                                .boundary(
                                        "Boundary",
                                        policy(allow(arr("ec2messages:*", "iam:*", "sqs:*", "ssmmessages:*"), "'*'")))
                                .expect(Status.FAIL, pageOnly(a -> a.startsWith("ssm:")))
                                .reason("ssm:GetDocument", "outside the permissions boundary \"Boundary\"")
                                .detail("permissions boundary", "Widen the permissions boundary"),
                        c("boundary with an explicit Deny")
                                .inline("P", page())
                                .boundary(
                                        "Boundary",
                                        policy(allow("'*'", "'*'"), deny("'iam:SimulatePrincipalPolicy'", "'*'")))
                                .expect(Status.FAIL, List.of("iam:SimulatePrincipalPolicy"))
                                .reason(
                                        "iam:SimulatePrincipalPolicy",
                                        "denied by statement 2 of the permissions boundary \"Boundary\""),
                        c("boundary cannot grant: boundary allows all, no identity policy")
                                .boundary("Boundary", policy(allow("'*'", "'*'")))
                                .expect(Status.FAIL, PAGE_ACTIONS),
                        c("boundary unreadable (unknown) with everything otherwise allowed")
                                .inline("P", page())
                                .boundary(Known.unknown("The operator may not call iam:GetRole."))
                                .expect(Status.WARN, List.of())
                                .detail(
                                        "permissions boundary could not be read",
                                        "The operator may not call iam:GetRole."),
                        c("boundary set but its document unreadable")
                                .inline("P", page())
                                .boundary(Known.of(Optional.of(new IdentityPolicy(
                                        IdentityPolicy.Kind.BOUNDARY,
                                        "Boundary",
                                        "arn:aws:iam::444455556666:policy/Boundary",
                                        null,
                                        Known.unknown("The operator may not call iam:GetPolicyVersion.")))))
                                .expect(Status.WARN, List.of())
                                .detail("The operator may not call iam:GetPolicyVersion."),

                        // --- unreadable policies
                        c("a managed policy unreadable while the others allow everything")
                                .inline("P", page())
                                .unreadable("Secret", "The operator may not call iam:GetPolicyVersion on Secret.")
                                .expect(Status.WARN, List.of())
                                .detail("might deny", "The operator may not call iam:GetPolicyVersion on Secret."),
                        c("a managed policy unreadable while actions are missing")
                                .inline("P", pageWithout("ssm:PutInventory"))
                                .unreadable("Secret", "The operator may not call iam:GetPolicyVersion on Secret.")
                                .expect(Status.UNKNOWN, List.of("ssm:PutInventory"))
                                .detail("may allow them", "The operator may not call iam:GetPolicyVersion on Secret."),
                        c("only an unreadable policy: nothing is known to be allowed")
                                .unreadable("Secret", "Not in the file.")
                                .expect(Status.UNKNOWN, PAGE_ACTIONS)
                                .detail("Not in the file."),
                        c("denied + unreadable is FAIL: an unreadable Allow cannot undo a Deny")
                                .inline("P", pagePlus(deny("'ssm:PutInventory'", "'*'")))
                                .unreadable("Secret", "Not in the file.")
                                .expect(Status.FAIL, List.of("ssm:PutInventory")),
                        c("denied and missing + unreadable is still FAIL")
                                .inline(
                                        "P",
                                        policy(
                                                pageStatementWithout(List.of("ssm:GetManifest")),
                                                deny("'ssm:PutInventory'", "'*'")))
                                .unreadable("Secret", "Not in the file.")
                                .expect(Status.FAIL, List.of("ssm:GetManifest", "ssm:PutInventory"))
                                .reason("ssm:GetManifest", "no statement allows it")
                                .reason("ssm:PutInventory", "denied by statement 2"),
                        c("outside a known boundary + unreadable identity policy is FAIL")
                                .inline("P", page())
                                .unreadable("Secret", "Not in the file.")
                                .boundary("Boundary", policy(allow("'ssm:*'", "'*'")))
                                .expect(Status.FAIL, 18),
                        c("policies list unknown")
                                .policiesUnknown("The operator may not call iam:ListRolePolicies.")
                                .expect(Status.UNKNOWN, List.of())
                                .detail("could not be read", "The operator may not call iam:ListRolePolicies."),

                        // --- split across several policies
                        c("split across several inline and managed policies")
                                .inline("Messages", policy(allow("'ec2messages:*'", "'*'")))
                                .inline("Iam", policy(allow(arr(IAM), "'*'")))
                                .managed("Queues", policy(allow(arr(SQS), "'*'"), allow("'ssm:*'", "'*'")))
                                .managed("Sessions", policy(allow("'ssmmessages:*'", "'*'")))
                                .expect(Status.PASS, List.of())
                                .detail("inline policy \"Messages\"", "and 1 more policies"),
                        c("split with one piece missing names the missing piece only")
                                .inline("Messages", policy(allow("'ec2messages:*'", "'*'")))
                                .managed("Queues", policy(allow(arr(SQS), "'*'"), allow("'ssm:*'", "'*'")))
                                .managed("Sessions", policy(allow("'ssmmessages:*'", "'*'")))
                                .expect(Status.FAIL, IAM),

                        // --- a custom catalog (a newer vendor version)
                        c("custom catalog: the page policy lacks the two new actions")
                                .inline("P", page())
                                .catalog(new ActionCatalog(
                                        "newer.txt", concat(PAGE_ACTIONS, List.of("ssm:StartSession", "kms:Decrypt"))))
                                .expect(Status.FAIL, List.of("ssm:StartSession", "kms:Decrypt"))
                                .detail("2 of 35"),
                        c("custom catalog: missing in the catalog's own order")
                                .catalog(new ActionCatalog(
                                        "small.txt",
                                        List.of("sqs:SendMessage", "ec2messages:GetEndpoint", "s3:GetObject")))
                                .expect(
                                        Status.FAIL,
                                        List.of("sqs:SendMessage", "ec2messages:GetEndpoint", "s3:GetObject"))
                                .detail("3 of 3"),
                        c("custom catalog: all allowed")
                                .inline("P", policy(allow(arr("sqs:*", "ec2messages:Get*", "S3:getobject"), "'*'")))
                                .catalog(new ActionCatalog(
                                        "small.txt",
                                        List.of("sqs:SendMessage", "ec2messages:GetEndpoint", "s3:GetObject")))
                                .expect(Status.PASS, List.of())
                                .detail("All 3 required actions"))
                .map(Arguments::of);
    }

    static String pageStatementWithout(List<String> actions) {
        ObjectNode s = pageStatement();
        ArrayNode list = (ArrayNode) s.get("Action");
        for (int i = list.size() - 1; i >= 0; i--) {
            if (actions.contains(list.get(i).asText())) {
                list.remove(i);
            }
        }
        return s.toString().replace('"', '\'');
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void permissions(Case row) {
        RequirementResult result = PermissionsCheck.check(row.snapshot(), row.catalog);

        assertThat(result.id()).isEqualTo(RequirementId.PERMISSIONS);
        assertThat(result.status()).as("status; detail: %s", result.detail()).isEqualTo(row.status);
        if (row.missing != null) {
            assertThat(result.missing()).as("missing, in catalog order").containsExactlyElementsOf(row.missing);
        } else {
            assertThat(result.missing()).hasSize(row.missingCount);
        }
        // every missing action has a reason, and nothing else does
        assertThat(result.reasons().keySet()).containsExactlyElementsOf(result.missing());
        result.reasons()
                .values()
                .forEach(reason -> assertThat(reason).isNotBlank().doesNotContain("null"));
        row.reasonHas.forEach((action, fragment) -> assertThat(result.reasons().get(action))
                .as("reason for %s", action)
                .contains(fragment));
        if (result.status().holds()) {
            assertThat(result.missing()).isEmpty();
        }
        assertSentence(result.detail());
        row.detailHas.forEach(fragment -> assertThat(result.detail()).contains(fragment));
    }

    /** A detail an admin reads: a non-empty sentence, no Java leftovers. */
    static void assertSentence(String detail) {
        assertThat(detail)
                .isNotBlank()
                .doesNotContain("null")
                .doesNotContain("Optional[")
                .doesNotContain("..")
                .endsWith(".");
        // "33 of 33 required actions …" starts with a number, everything else with a capital
        assertThat(Character.isUpperCase(detail.charAt(0)) || Character.isDigit(detail.charAt(0)))
                .as("starts like a sentence: %s", detail)
                .isTrue();
    }

    // ---------------------------------------------------------------- single cases

    @Test
    void detailNamesAtMostFiveActionsPerReasonAndCountsTheRest() {
        // 33 missing for one reason: the detail names five and says how many more; the full list is in missing.
        RequirementResult result = PermissionsCheck.check(role(Known.of(List.of()), Known.of(Optional.empty())), PAGE);
        assertThat(result.detail())
                .contains("ec2messages:AcknowledgeMessage, ec2messages:DeleteMessage, "
                        + "ec2messages:FailMessage, ec2messages:GetEndpoint, ec2messages:GetMessages and 28 more");
        assertThat(result.missing()).hasSize(33);
    }

    @Test
    void denyAndMissingAreGroupedByReasonInTheDetail() {
        String json = policy(
                pageStatementWithout(List.of("ssm:GetManifest")),
                "{'Sid':'Guard','Effect':'Deny','Action':'ssm:PutInventory','Resource':'*'}");
        RequirementResult result =
                PermissionsCheck.check(role(Known.of(List.of(inline("P", json))), Known.of(Optional.empty())), PAGE);
        assertThat(result.detail())
                .contains("ssm:GetManifest (no statement allows it)")
                .contains("ssm:PutInventory (denied by statement 2 (Sid \"Guard\") of inline policy \"P\")")
                // both pieces of advice: add the Allow, and remove the Deny
                .contains("Attach the page's permissions policy")
                .contains("Remove or narrow the Deny");
    }

    @Test
    void pagePolicyPassesUnderEveryKindOfAttachment() {
        // the same document gives the same answer inline or managed (label aside)
        for (IdentityPolicy p : List.of(inline("A", page()), managed("B", page()))) {
            RequirementResult result =
                    PermissionsCheck.check(role(Known.of(List.of(p)), Known.of(Optional.empty())), PAGE);
            assertThat(result.status()).isEqualTo(Status.PASS);
            assertThat(result.detail()).contains(p.label());
        }
    }

    // ---------------------------------------------------------------- suspected bugs

    @Test
    void missingActionOutsideTheBoundarySaysSo() {
        // Identity: page policy minus the ssm actions. Boundary: no ssm actions either.
        RoleSnapshot snapshot = role(
                Known.of(List.of(inline("P", pageWithoutPrefix("ssm:")))),
                Known.of(Optional.of(boundary(
                        "Boundary", policy(allow(arr("ec2messages:*", "iam:*", "sqs:*", "ssmmessages:*"), "'*'"))))));
        RequirementResult result = PermissionsCheck.check(snapshot, PAGE);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.reasons().get("ssm:GetDocument")).contains("boundary");
        assertThat(result.detail()).contains("Widen the permissions boundary");
    }

    @Test
    void unreadablePolicyCannotRescueAnActionOutsideTheBoundary() {
        RoleSnapshot snapshot = role(
                Known.of(List.of(inline("P", pageWithoutPrefix("ssm:")), unreadable("Secret", "Not in the file."))),
                Known.of(Optional.of(boundary(
                        "Boundary", policy(allow(arr("ec2messages:*", "iam:*", "sqs:*", "ssmmessages:*"), "'*'"))))));
        RequirementResult result = PermissionsCheck.check(snapshot, PAGE);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.missing()).containsExactlyElementsOf(pageOnly(a -> a.startsWith("ssm:")));
    }
}
