package com.workerrolewizard.core.export;

import static com.workerrolewizard.core.export.ExportCases.APPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.export.ExportCases.Case;
import com.workerrolewizard.core.export.Hcl.Block;
import com.workerrolewizard.core.export.Hcl.Body;
import com.workerrolewizard.core.export.Hcl.Reference;
import com.workerrolewizard.core.export.Hcl.Text;
import com.workerrolewizard.core.export.Hcl.Value;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Terraform export, read with a small HCL reader ({@link Hcl}): the current, non-deprecated resources, the
 * two variables, import blocks for an existing role, and heredoc JSON documents that, once Terraform's template
 * rules are applied, equal the page's documents key for key.
 */
class TerraformExportTest {
    /** A trust policy whose Condition holds an IAM policy variable, which HCL would read as an interpolation. */
    static final String TRUST_WITH_VARIABLE = """
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": "sts:AssumeRole",
                        "Principal": {"AWS": "arn:aws:iam::444455556666:root"},
                        "Condition": {"StringLike": {"sts:RoleSessionName": "${aws:username}"}}
                    }
                ]
            }
            """;

    static Body parse(ExportSubject subject) {
        return Hcl.parse(ExportCases.render(subject, ExportFormat.TERRAFORM));
    }

    static Body parse(Case c) {
        return parse(c.subject());
    }

    static Map<String, String> variables(String roleName) {
        return Map.of("var.appliance_arn", APPLIANCE, "var.role_name", roleName);
    }

    /** A heredoc or string attribute holding JSON, evaluated as Terraform would and parsed. */
    static JsonNode document(Value value, String roleName) {
        assertThat(value).isInstanceOf(Text.class);
        return SeedPage.parse(Hcl.evaluate(((Text) value).template(), variables(roleName)));
    }

    static String text(Value value) {
        assertThat(value).isInstanceOf(Text.class);
        return ((Text) value).template();
    }

    static String reference(Value value) {
        assertThat(value).isInstanceOf(Reference.class);
        return ((Reference) value).path();
    }

    static List<String> resourceAddresses(Body body) {
        return body.blocks("resource").stream()
                .map(b -> b.label(0) + "." + b.label(1))
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void theAwsProviderIsRequired(Case c) {
        Body body = parse(c);
        Block terraform = body.blocks("terraform").get(0);
        Hcl.Obj aws = (Hcl.Obj)
                terraform.body().blocks("required_providers").get(0).body().attribute("aws");
        assertThat(text(aws.entries().get("source"))).isEqualTo("hashicorp/aws");
        assertThat(text(aws.entries().get("version"))).isEqualTo(">= 5.0");
        assertThat(text(terraform.body().attribute("required_version"))).isEqualTo(">= 1.5");
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void theApplianceArnAndTheRoleNameAreStringVariables(Case c) {
        Body body = parse(c);
        assertThat(body.blocks("variable").stream().map(b -> b.label(0))).containsExactly("appliance_arn", "role_name");
        Body appliance = body.block("variable", "appliance_arn").body();
        Body roleName = body.block("variable", "role_name").body();
        assertThat(reference(appliance.attribute("type"))).isEqualTo("string");
        assertThat(reference(roleName.attribute("type"))).isEqualTo("string");
        assertThat(text(appliance.attribute("default"))).isEqualTo(APPLIANCE);
        assertThat(text(roleName.attribute("default"))).isEqualTo(c.roleName());
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"NEW_ROLE", "FAILS_ALL", "DENY_TRUST"})
    void inlinePermissionsUseTheRoleAndRolePolicyResources(Case c) {
        assertThat(resourceAddresses(parse(c)))
                .containsExactly(
                        "aws_iam_role.worker",
                        "aws_iam_role_policy.worker_permissions",
                        "aws_iam_instance_profile.worker");
    }

    @Test
    void managedPermissionsUseAPolicyAndAnAttachment() {
        Body body = parse(Case.NEW_ROLE_MANAGED);
        assertThat(resourceAddresses(body))
                .containsExactly(
                        "aws_iam_role.worker",
                        "aws_iam_policy.worker_permissions",
                        "aws_iam_role_policy_attachment.worker_permissions",
                        "aws_iam_instance_profile.worker");
        Body attachment = body.block("resource", "aws_iam_role_policy_attachment", "worker_permissions")
                .body();
        assertThat(reference(attachment.attribute("role"))).isEqualTo("aws_iam_role.worker.name");
        assertThat(reference(attachment.attribute("policy_arn"))).isEqualTo("aws_iam_policy.worker_permissions.arn");
        Body policy =
                body.block("resource", "aws_iam_policy", "worker_permissions").body();
        assertThat(text(policy.attribute("name"))).isEqualTo("VeeamWorkerPermissions");
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void noDeprecatedOrExclusiveAttributesOrResources(Case c) {
        Body body = parse(c);
        for (Block resource : body.blocks("resource")) {
            assertThat(resource.body().attributes().keySet())
                    .as(resource.labels().toString())
                    .doesNotContain("inline_policy", "managed_policy_arns", "roles");
            assertThat(resource.body().blocks().stream().map(Block::type))
                    .as(resource.labels().toString())
                    .doesNotContain("inline_policy");
            assertThat(resource.label(0))
                    .isNotIn(
                            "aws_iam_policy_attachment",
                            "aws_iam_role_policies_exclusive",
                            "aws_iam_role_policy_attachments_exclusive");
        }
        Body profile =
                body.block("resource", "aws_iam_instance_profile", "worker").body();
        assertThat(reference(profile.attribute("role"))).isEqualTo("aws_iam_role.worker.name");
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void theRoleIsNamedByTheVariableAndItsTrustIsAHeredocNotJsonencode(Case c) {
        Body role = parse(c).block("resource", "aws_iam_role", "worker").body();
        assertThat(reference(role.attribute("name"))).isEqualTo("var.role_name");
        assertThat(text(role.attribute("path"))).isEqualTo("/");
        assertThat(((Text) role.attribute("assume_role_policy")).heredoc()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"NEW_ROLE", "NEW_ROLE_MANAGED"})
    void aNewRolesTrustIsThePagesWithTheApplianceVariable(Case c) {
        SeedPage page = SeedPage.require();
        Value trust =
                parse(c).block("resource", "aws_iam_role", "worker").body().attribute("assume_role_policy");
        assertThat(Hcl.interpolations(text(trust))).containsExactly("var.appliance_arn");
        assertThat(document(trust, c.roleName()).toString())
                .isEqualTo(page.trustPolicy(APPLIANCE).toString());
    }

    @Test
    void anExistingRolesTrustKeepsItsStatementAndAppendsThePages() {
        SeedPage page = SeedPage.require();
        ObjectNode expected =
                ExportCases.fixture().role("FailsAll").trustPolicy().value().json();
        ((ArrayNode) expected.get("Statement"))
                .add(page.applianceStatement(APPLIANCE))
                .add(page.ec2Statement());
        Value trust = parse(Case.FAILS_ALL)
                .block("resource", "aws_iam_role", "worker")
                .body()
                .attribute("assume_role_policy");
        assertThat(document(trust, "FailsAll").toString()).isEqualTo(expected.toString());
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"NEW_ROLE", "FAILS_ALL", "DENY_TRUST"})
    void theInlinePolicyIsThePagesPermissionsPolicy(Case c) {
        SeedPage page = SeedPage.require();
        Body policy = parse(c).block("resource", "aws_iam_role_policy", "worker_permissions")
                .body();
        assertThat(text(policy.attribute("name"))).isEqualTo("VeeamWorkerPermissions");
        assertThat(reference(policy.attribute("role"))).isIn("aws_iam_role.worker.id", "aws_iam_role.worker.name");
        assertThat(document(policy.attribute("policy"), c.roleName()).toString())
                .isEqualTo(page.permissionsPolicy().toString());
    }

    @Test
    void theManagedPolicyIsThePagesPermissionsPolicy() {
        SeedPage page = SeedPage.require();
        Body policy = parse(Case.NEW_ROLE_MANAGED)
                .block("resource", "aws_iam_policy", "worker_permissions")
                .body();
        assertThat(document(policy.attribute("policy"), ExportCases.DEFAULT_ROLE)
                        .toString())
                .isEqualTo(page.permissionsPolicy().toString());
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void everyReferenceNamesADeclaredVariableOrResource(Case c) {
        Body body = parse(c);
        List<String> variables =
                body.blocks("variable").stream().map(b -> "var." + b.label(0)).toList();
        List<String> resources = resourceAddresses(body);
        List<String> references = new ArrayList<>();
        collectReferences(body, references);
        assertThat(references).isNotEmpty();
        for (String reference : references) {
            if (reference.equals("string")) {
                continue;
            }
            if (reference.startsWith("var.")) {
                assertThat(variables).contains(reference);
            } else {
                String[] parts = reference.split("\\.");
                assertThat(resources).as(reference).contains(parts[0] + "." + parts[1]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"FAILS_ALL", "DENY_TRUST"})
    void anExistingRoleIsAdoptedWithImportBlocks(Case c) {
        Body body = parse(c);
        List<Block> imports = body.blocks("import");
        assertThat(imports).isNotEmpty();
        assertThat(reference(imports.get(0).body().attribute("to"))).isEqualTo("aws_iam_role.worker");
        assertThat(text(imports.get(0).body().attribute("id"))).isEqualTo(c.roleName());
        if (c == Case.DENY_TRUST) {
            // The role, its instance profile, and its inline VeeamWorkerPermissions, which apply would otherwise
            // overwrite.
            assertThat(imports).hasSize(3);
            assertThat(reference(imports.get(2).body().attribute("to")))
                    .isEqualTo("aws_iam_role_policy.worker_permissions");
            assertThat(text(imports.get(2).body().attribute("id"))).isEqualTo("DenyTrust:VeeamWorkerPermissions");
            assertThat(reference(imports.get(1).body().attribute("to"))).isEqualTo("aws_iam_instance_profile.worker");
            assertThat(text(imports.get(1).body().attribute("id"))).isEqualTo("DenyTrust");
        } else {
            assertThat(imports).as("FailsAll has no instance profile to adopt").hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"NEW_ROLE", "NEW_ROLE_MANAGED"})
    void aNewRoleHasNoImportBlocks(Case c) {
        assertThat(parse(c).blocks("import")).isEmpty();
    }

    @Test
    void aPolicyVariableInTheTrustPolicyIsEscapedForHcl() {
        ExportSubject subject = ExportCases.roleWithTrust("VariableTrust", TRUST_WITH_VARIABLE);
        String hcl = ExportCases.render(subject, ExportFormat.TERRAFORM);
        assertThat(hcl).contains("\"$${aws:username}\"");
        assertThat(hcl.replace("$${aws:username}", "")).doesNotContain("${aws:username}");
        Value trust = Hcl.parse(hcl)
                .block("resource", "aws_iam_role", "worker")
                .body()
                .attribute("assume_role_policy");
        assertThat(Hcl.interpolations(text(trust))).containsOnly("var.appliance_arn");
        JsonNode evaluated = document(trust, "VariableTrust");
        assertThat(evaluated.toString()).isEqualTo(subject.trustPolicy().toString());
        assertThat(evaluated
                        .get("Statement")
                        .get(0)
                        .get("Condition")
                        .get("StringLike")
                        .get("sts:RoleSessionName")
                        .asText())
                .isEqualTo("${aws:username}");
    }

    @Test
    void aNewRolesOptionsAreAttributesAndTemplateSequencesInThemAreEscaped() {
        NewRoleRequest request = new NewRoleRequest(
                "PathedWorker",
                "/veeam/workers/",
                "For ${aws:username} at 100%{x} \"now\"",
                "arn:aws:iam::444455556666:policy/WorkerBoundary",
                List.of(new IamOperation.Tag("team", "backup")),
                7200);
        Body body = parse(ExportCases.exports()
                .forNewRole(request, ExportCases.appliance(), AccountFacts.none(), PermissionsMode.INLINE));
        Body role = body.block("resource", "aws_iam_role", "worker").body();
        assertThat(text(role.attribute("path"))).isEqualTo("/veeam/workers/");
        assertThat(Hcl.evaluate(text(role.attribute("description")), Map.of()))
                .isEqualTo("For ${aws:username} at 100%{x} \"now\"");
        assertThat(text(role.attribute("permissions_boundary")))
                .isEqualTo("arn:aws:iam::444455556666:policy/WorkerBoundary");
        assertThat(((Hcl.Number) role.attribute("max_session_duration")).text()).isEqualTo("7200");
        assertThat(text(((Hcl.Obj) role.attribute("tags")).entries().get("team")))
                .isEqualTo("backup");
        assertThat(text(body.block("resource", "aws_iam_instance_profile", "worker")
                        .body()
                        .attribute("path")))
                .isEqualTo("/veeam/workers/");
    }

    @Test
    void theReaderRejectsWhatItDoesNotUnderstand() {
        assertThatThrownBy(() -> Hcl.parse("resource \"a\" \"b\" {\n  policy = jsonencode({})\n}\n"))
                .isInstanceOf(Hcl.ParseException.class)
                .hasMessageContaining("jsonencode");
        assertThatThrownBy(() -> Hcl.parse("x = <<-EOT\n  a\n")).isInstanceOf(Hcl.ParseException.class);
        assertThatThrownBy(() -> Hcl.evaluate("${aws:username}", Map.of())).isInstanceOf(Hcl.ParseException.class);
        assertThat(Hcl.evaluate("$${aws:username} %%{x}", Map.of())).isEqualTo("${aws:username} %{x}");
        Body body = Hcl.parse("a = \"x\\\"y\" # c\nb {\n  c = [1, \"2\"]\n}\n");
        assertThat(text(body.attribute("a"))).isEqualTo("x\"y");
    }

    @Test
    void anImportedInstanceProfileKeepsItsOwnPath() {
        Body profile = parse(ExportCases.fixtureRole("PathedRole"))
                .block("resource", "aws_iam_instance_profile", "worker")
                .body();
        assertThat(text(profile.attribute("path"))).isEqualTo("/");
    }

    @Test
    void anImportedRoleKeepsItsPermissionsBoundary() {
        Body role = parse(ExportCases.fixtureRole("BoundaryBlocksSsm"))
                .block("resource", "aws_iam_role", "worker")
                .body();
        assertThat(text(role.attribute("permissions_boundary")))
                .isEqualTo("arn:aws:iam::444455556666:policy/BoundaryNoSsm");
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void terraformFmtParsesItWhereTerraformIsInstalled(Case c) throws Exception {
        assumeTrue(
                CloudFormationExportTest.onPath("terraform"),
                "SKIPPED: terraform is not installed, so its parser is not run");
        Process process = new ProcessBuilder("terraform", "fmt", "-no-color", "-").start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(ExportCases.render(c, ExportFormat.TERRAFORM).getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("terraform fmt: %s", err).isZero();
        // Formatting only aligns '=' signs: the parsed configuration is the same.
        assertThat(resourceAddresses(Hcl.parse(out))).isEqualTo(resourceAddresses(parse(c)));
    }

    private static void collectReferences(Body body, List<String> into) {
        body.attributes().values().forEach(v -> collectReferences(v, into));
        body.blocks().forEach(b -> collectReferences(b.body(), into));
    }

    private static void collectReferences(Value value, List<String> into) {
        if (value instanceof Reference r) {
            into.add(r.path());
        } else if (value instanceof Text t) {
            into.addAll(Hcl.interpolations(t.template()));
        } else if (value instanceof Hcl.Obj o) {
            o.entries().values().forEach(v -> collectReferences(v, into));
        } else if (value instanceof Hcl.Tuple t) {
            t.items().forEach(v -> collectReferences(v, into));
        }
    }
}
