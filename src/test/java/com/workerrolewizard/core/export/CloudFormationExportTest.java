package com.workerrolewizard.core.export;

import static com.workerrolewizard.core.export.ExportCases.APPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.workerrolewizard.core.account.AccountFacts;
import com.workerrolewizard.core.export.ExportCases.Case;
import com.workerrolewizard.core.plan.IamOperation;
import com.workerrolewizard.core.plan.NewRoleRequest;
import com.workerrolewizard.core.plan.PermissionsMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The CloudFormation export, read back as YAML (not searched as text): the resources a passing worker role
 * needs, the two parameters, and documents equal to the page's, key order included.
 */
class CloudFormationExportTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode template(ExportSubject subject) {
        try {
            return YAML.readTree(ExportCases.render(subject, ExportFormat.CLOUDFORMATION));
        } catch (IOException e) {
            throw new AssertionError("The template is not YAML: " + e.getMessage(), e);
        }
    }

    static JsonNode template(Case c) {
        return template(c.subject());
    }

    /** The logical IDs of the resources of a type. */
    static List<String> resourcesOfType(JsonNode template, String type) {
        List<String> ids = new ArrayList<>();
        template.get("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                ids.add(e.getKey());
            }
        });
        return ids;
    }

    static JsonNode onlyResource(JsonNode template, String type) {
        List<String> ids = resourcesOfType(template, type);
        assertThat(ids).as("resources of type %s", type).hasSize(1);
        return template.get("Resources").get(ids.get(0));
    }

    static ObjectNode ref(String name) {
        return YAML.createObjectNode().put("Ref", name);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void theTemplateHasOneRoleAndAnInstanceProfileHoldingIt(Case c) {
        JsonNode template = template(c);
        assertThat(template.get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        String roleId = resourcesOfType(template, "AWS::IAM::Role").get(0);
        assertThat(resourcesOfType(template, "AWS::IAM::Role")).hasSize(1);
        JsonNode profile = onlyResource(template, "AWS::IAM::InstanceProfile").get("Properties");
        assertThat(profile.get("Roles").toString()).isEqualTo("[" + ref(roleId) + "]");
        assertThat(roleId).isEqualTo("WorkerRole");
        JsonNode role = onlyResource(template, "AWS::IAM::Role").get("Properties");
        assertThat(role.get("RoleName")).isEqualTo(ref("RoleName"));
        assertThat(role.get("Path").asText()).isEqualTo("/");
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void theApplianceArnAndTheRoleNameAreParametersWhoseDefaultsPassTheirOwnPatterns(Case c) {
        JsonNode parameters = template(c).get("Parameters");
        assertThat(SeedPage.fieldNames(parameters)).contains("ApplianceArn", "RoleName");
        JsonNode appliance = parameters.get("ApplianceArn");
        JsonNode roleName = parameters.get("RoleName");
        assertThat(appliance.get("Type").asText()).isEqualTo("String");
        assertThat(roleName.get("Type").asText()).isEqualTo("String");
        assertThat(appliance.get("Default").asText()).isEqualTo(APPLIANCE);
        assertThat(roleName.get("Default").asText()).isEqualTo(c.roleName());
        // CloudFormation matches AllowedPattern with Java regular expressions against the whole value.
        Pattern arnPattern = Pattern.compile(appliance.get("AllowedPattern").asText());
        assertThat(arnPattern.matcher(APPLIANCE).matches()).isTrue();
        assertThat(arnPattern.matcher("arn:aws:iam::111122223333:root").matches())
                .isTrue();
        assertThat(arnPattern
                        .matcher("arn:aws-cn:iam::111122223333:role/VeeamImpersonation")
                        .matches())
                .isTrue();
        assertThat(arnPattern.matcher("arn:aws:s3:::bucket").matches()).isFalse();
        Pattern namePattern = Pattern.compile(roleName.get("AllowedPattern").asText());
        assertThat(namePattern.matcher(c.roleName()).matches()).isTrue();
        assertThat(namePattern.matcher("a".repeat(65)).matches()).isFalse();
        assertThat(namePattern.matcher("has space").matches()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"NEW_ROLE", "NEW_ROLE_MANAGED"})
    void aNewRolesTrustIsThePagesWithARefWhereTheApplianceArnGoes(Case c) {
        SeedPage page = SeedPage.require();
        ObjectNode expected = page.trustPolicy(APPLIANCE);
        ((ObjectNode) expected.get("Statement").get(0).get("Principal")).set("AWS", ref("ApplianceArn"));
        JsonNode trust =
                onlyResource(template(c), "AWS::IAM::Role").get("Properties").get("AssumeRolePolicyDocument");
        assertThat(trust.toString()).isEqualTo(expected.toString());
        assertThat(SeedPage.fieldNames(trust.get("Statement").get(0))).containsExactly("Effect", "Action", "Principal");
    }

    @Test
    void anExistingRolesTrustKeepsItsStatementAndAppendsThePagesWithARef() {
        SeedPage page = SeedPage.require();
        ObjectNode original =
                ExportCases.fixture().role("FailsAll").trustPolicy().value().json();
        ObjectNode expected = original.deepCopy();
        ArrayNode statements = (ArrayNode) expected.get("Statement");
        ObjectNode appliance = page.applianceStatement(APPLIANCE);
        ((ObjectNode) appliance.get("Principal")).set("AWS", ref("ApplianceArn"));
        statements.add(appliance);
        statements.add(page.ec2Statement());
        JsonNode trust = onlyResource(template(Case.FAILS_ALL), "AWS::IAM::Role")
                .get("Properties")
                .get("AssumeRolePolicyDocument");
        assertThat(trust.toString()).isEqualTo(expected.toString());
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"NEW_ROLE", "FAILS_ALL", "DENY_TRUST"})
    void inlinePermissionsAreThePagesPolicyInThePagesKeyOrder(Case c) {
        SeedPage page = SeedPage.require();
        JsonNode template = template(c);
        JsonNode policies =
                onlyResource(template, "AWS::IAM::Role").get("Properties").get("Policies");
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0).get("PolicyName").asText()).isEqualTo("VeeamWorkerPermissions");
        assertThat(policies.get(0).get("PolicyDocument").toString())
                .isEqualTo(page.permissionsPolicy().toString());
        assertThat(SeedPage.fieldNames(
                        policies.get(0).get("PolicyDocument").get("Statement").get(0)))
                .containsExactly("Action", "Resource", "Effect");
        assertThat(resourcesOfType(template, "AWS::IAM::ManagedPolicy")).isEmpty();
    }

    @Test
    void managedPermissionsAreAManagedPolicyAttachedToTheRole() {
        SeedPage page = SeedPage.require();
        JsonNode template = template(Case.NEW_ROLE_MANAGED);
        JsonNode policy = onlyResource(template, "AWS::IAM::ManagedPolicy").get("Properties");
        assertThat(policy.get("PolicyDocument").toString())
                .isEqualTo(page.permissionsPolicy().toString());
        assertThat(policy.get("Roles").toString()).isEqualTo("[" + ref("WorkerRole") + "]");
        assertThat(policy.get("ManagedPolicyName").asText()).isEqualTo("VeeamWorkerPermissions");
        assertThat(onlyResource(template, "AWS::IAM::Role").get("Properties").has("Policies"))
                .isFalse();
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void versionsStayStringsForAYaml11Reader(Case c) {
        // SnakeYAML reads YAML 1.1, where an unquoted 2012-10-17 is a timestamp: it must come back as a string.
        Map<String, Object> template = new Yaml().load(ExportCases.render(c.subject(), ExportFormat.CLOUDFORMATION));
        assertThat(template.get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
        List<Object> versions = new ArrayList<>();
        collect(template, "Version", versions);
        assertThat(versions)
                .isNotEmpty()
                .allSatisfy(v -> assertThat(v).isInstanceOf(String.class).isEqualTo("2012-10-17"));
        List<Object> all = new ArrayList<>();
        collectAll(template, all);
        assertThat(all).noneMatch(v -> v instanceof Date);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void everyRefAndGetAttNamesADeclaredParameterOrResource(Case c) {
        JsonNode template = template(c);
        List<String> declared = new ArrayList<>(SeedPage.fieldNames(template.get("Parameters")));
        declared.addAll(SeedPage.fieldNames(template.get("Resources")));
        List<String> refs = new ArrayList<>();
        template.findValues("Ref").forEach(r -> refs.add(r.asText()));
        template.findValues("Fn::GetAtt").forEach(g -> refs.add(g.get(0).asText()));
        assertThat(refs).isNotEmpty();
        assertThat(declared).containsAll(refs);
        assertThat(template.get("Outputs")
                        .get("RoleArn")
                        .get("Value")
                        .get("Fn::GetAtt")
                        .toString())
                .isEqualTo("[\"WorkerRole\",\"Arn\"]");
        for (String type : List.of("AWS::IAM::Role", "AWS::IAM::InstanceProfile", "AWS::IAM::ManagedPolicy")) {
            resourcesOfType(template, type)
                    .forEach(id -> assertThat(template.get("Resources").get(id).has("Properties"))
                            .isTrue());
        }
    }

    @Test
    void aNewRolesOptionsReachTheTemplate() {
        NewRoleRequest request = new NewRoleRequest(
                "PathedWorker",
                "/veeam/workers/",
                "Workers of Veeam's backups",
                "arn:aws:iam::444455556666:policy/WorkerBoundary",
                List.of(new IamOperation.Tag("team", "backup")),
                7200);
        ExportSubject subject = ExportCases.exports()
                .forNewRole(request, ExportCases.appliance(), AccountFacts.none(), PermissionsMode.INLINE);
        JsonNode template = template(subject);
        JsonNode role = onlyResource(template, "AWS::IAM::Role").get("Properties");
        assertThat(role.get("Path").asText()).isEqualTo("/veeam/workers/");
        assertThat(role.get("Description").asText()).isEqualTo("Workers of Veeam's backups");
        assertThat(role.get("PermissionsBoundary").asText())
                .isEqualTo("arn:aws:iam::444455556666:policy/WorkerBoundary");
        assertThat(role.get("MaxSessionDuration").isInt()).isTrue();
        assertThat(role.get("MaxSessionDuration").asInt()).isEqualTo(7200);
        assertThat(role.get("Tags").toString()).isEqualTo("[{\"Key\":\"team\",\"Value\":\"backup\"}]");
        assertThat(onlyResource(template, "AWS::IAM::InstanceProfile")
                        .get("Properties")
                        .get("Path")
                        .asText())
                .isEqualTo("/veeam/workers/");
        assertThat(template.get("Parameters").get("RoleName").get("Default").asText())
                .isEqualTo("PathedWorker");
    }

    @Test
    void aPolicyVariableInTheTrustPolicyStaysLiteral() {
        ExportSubject subject = ExportCases.roleWithTrust("VariableTrust", TerraformExportTest.TRUST_WITH_VARIABLE);
        JsonNode template = template(subject);
        JsonNode trust =
                onlyResource(template, "AWS::IAM::Role").get("Properties").get("AssumeRolePolicyDocument");
        assertThat(trust.get("Statement")
                        .get(0)
                        .get("Condition")
                        .get("StringLike")
                        .get("sts:RoleSessionName")
                        .asText())
                .isEqualTo("${aws:username}");
        assertThat(template.findValues("Fn::Sub")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"FAILS_ALL", "DENY_TRUST"})
    void anExistingRoleIsNamedInTheHeaderAsAnImport(Case c) {
        String text = ExportCases.render(c, ExportFormat.CLOUDFORMATION);
        assertThat(text).contains("Role " + c.roleName() + " exists").contains("--change-set-type IMPORT");
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"FAILS_ALL", "DENY_TRUST"})
    void resourcesOfAnExistingRoleCarryDeletionPolicyRetainForTheImport(Case c) {
        JsonNode template = template(c);
        assertThat(onlyResource(template, "AWS::IAM::Role")
                        .path("DeletionPolicy")
                        .asText())
                .isEqualTo("Retain");
    }

    @Test
    void anExistingInstanceProfileKeepsItsOwnPath() {
        JsonNode template = template(ExportCases.fixtureRole("PathedRole"));
        String profileArn = "arn:aws:iam::444455556666:instance-profile/PathedRole";
        String profilePath = profileArn.substring(profileArn.indexOf('/'), profileArn.lastIndexOf('/') + 1);
        assertThat(onlyResource(template, "AWS::IAM::InstanceProfile")
                        .get("Properties")
                        .get("Path")
                        .asText())
                .isEqualTo(profilePath);
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void cfnLintFindsNoProblemWhereItIsInstalled(Case c, @TempDir Path temp) throws Exception {
        assumeTrue(onPath("cfn-lint"), "SKIPPED: cfn-lint is not installed, so the template is not linted");
        Path file = Files.writeString(
                temp.resolve("worker-role.yaml"),
                ExportCases.render(c, ExportFormat.CLOUDFORMATION),
                StandardCharsets.UTF_8);
        Process process = new ProcessBuilder("cfn-lint", file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("cfn-lint output:\n%s", out).isZero();
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, String key, List<Object> found) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (key.equals(k)) {
                    found.add(v);
                }
                collect(v, key, found);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collect(v, key, found));
        }
    }

    private static void collectAll(Object node, List<Object> found) {
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectAll(v, found));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> collectAll(v, found));
        } else {
            found.add(node);
        }
    }
}
