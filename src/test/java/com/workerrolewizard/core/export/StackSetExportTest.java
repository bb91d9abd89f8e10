package com.workerrolewizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.workerrolewizard.core.plan.PermissionsMode;
import com.workerrolewizard.core.text.HostileText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The StackSet export: its embedded template read back as YAML, its commands and options checked against the AWS
 * CLI's reference (botocore's service models, see {@link AwsCliReference}), and the script run by bash against a fake
 * {@code aws} (src/test/resources/scripts/fake-aws-stackset) that records every call.
 */
class StackSetExportTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final AwsCliReference CLI = AwsCliReference.load();
    private static final String OU = "ou-ab12-cd34ef56";
    private static final String MANAGEMENT = "111111111111";
    private static final String MEMBER = "222222222222";

    @TempDir
    Path temp;

    private Path bin;

    static ExportSubject subject() {
        return ExportCases.newRole(PermissionsMode.INLINE);
    }

    static Rollout units(String... ids) {
        return new Rollout(List.of(), List.of(ids), false, "eu-west-1", "unused", Optional.empty());
    }

    static Rollout accounts(String... ids) {
        return new Rollout(List.of(ids), List.of(), false, Rollout.DEFAULT_REGION, "unused", Optional.empty());
    }

    static String script(Rollout rollout) {
        return ExportCases.exports().renderStackSet(subject(), rollout, Optional.empty());
    }

    /** The lines between the heredoc that writes the template and its end marker. */
    static String embeddedTemplate(String script) {
        Matcher start = Pattern.compile("cat > \"\\$TEMPLATE\" <<'(\\w+)'\n").matcher(script);
        assertThat(start.find())
                .as("the script writes the template with a quoted heredoc")
                .isTrue();
        int end = script.indexOf("\n" + start.group(1) + "\n", start.end());
        assertThat(end).as("the heredoc ends").isPositive();
        return script.substring(start.end(), end + 1);
    }

    /** Every {@code aws ...} call of the script's text, as words (quotes removed, a call on one line). */
    static List<List<String>> awsCalls(String script) {
        List<List<String>> calls = new ArrayList<>();
        Matcher call = Pattern.compile("(?m)(?:^\\s*|\\$\\(|\\|\\|\\s|\\bthen\\s)aws ([^\n)]*(?:\\)[^\n)]*)*)")
                .matcher(script);
        while (call.find()) {
            List<String> words = new ArrayList<>();
            Matcher word =
                    Pattern.compile("'[^']*'|\"(?:[^\"\\\\]|\\\\.)*\"|\\S+").matcher(call.group(1));
            while (word.find()) {
                String w = word.group();
                if (w.equals(">/dev/null") || w.equals("2>&1") || w.equals(">&2") || w.equals("||")) {
                    break;
                }
                words.add(w.replaceAll("^['\"]|['\"]$", ""));
            }
            calls.add(words);
        }
        return calls;
    }

    // ---- the template ------------------------------------------------------------------------------------------

    @Test
    void theEmbeddedTemplateIsTheCloudFormationExportWithThePagesDocuments() throws IOException {
        String template = embeddedTemplate(script(units(OU)));
        assertThat(template).isEqualTo(CloudFormationExport.render(subject()));
        JsonNode parsed = YAML.readTree(template);
        JsonNode role = CloudFormationExportTest.onlyResource(parsed, "AWS::IAM::Role");
        assertThat(CloudFormationExportTest.onlyResource(parsed, "AWS::IAM::InstanceProfile")
                        .at("/Properties/Roles/0/Ref")
                        .asText())
                .isEqualTo("WorkerRole");
        JsonNode permissions = role.at("/Properties/Policies/0/PolicyDocument");
        // Equal as JSON, and the keys in the page's order (Action, Resource, Effect; the actions as listed).
        assertThat(permissions).isEqualTo(subject().permissionsPolicy());
        assertThat(keys(permissions.at("/Statement/0")))
                .isEqualTo(keys(subject().permissionsPolicy().at("/Statement/0")));
        assertThat(permissions.at("/Statement/0/Action").toString())
                .isEqualTo(
                        subject().permissionsPolicy().at("/Statement/0/Action").toString());
        JsonNode trust = role.at("/Properties/AssumeRolePolicyDocument");
        assertThat(keys(trust.at("/Statement/0"))).containsExactly("Effect", "Action", "Principal");
        assertThat(trust.at("/Statement/0/Principal/AWS/Ref").asText()).isEqualTo("ApplianceArn");
    }

    @Test
    void theParametersAreTheTemplatesOwnWithTheExportsValues() throws IOException {
        String script = script(units(OU));
        Matcher line = Pattern.compile("(?m)^PARAMETERS='([^']*)'$").matcher(script);
        assertThat(line.find()).isTrue();
        JsonNode parameters = new ObjectMapper().readTree(line.group(1));
        JsonNode declared = YAML.readTree(embeddedTemplate(script)).get("Parameters");
        assertThat(parameters).hasSize(declared.size());
        for (JsonNode parameter : parameters) {
            assertThat(keys(parameter)).containsExactly("ParameterKey", "ParameterValue");
            assertThat(declared.has(parameter.get("ParameterKey").asText())).isTrue();
        }
        assertThat(parameters.get(0).get("ParameterValue").asText()).isEqualTo(ExportCases.APPLIANCE);
        assertThat(parameters.get(1).get("ParameterValue").asText()).isEqualTo(ExportCases.DEFAULT_ROLE);
    }

    @Test
    void withATemplateFileTheScriptReadsItBesideItself() {
        String script =
                ExportCases.exports().renderStackSet(subject(), units(OU), Optional.of("rollout-template.yaml"));
        assertThat(script).doesNotContain("<<'YAML'").doesNotContain("AWSTemplateFormatVersion");
        assertThat(script)
                .contains("TEMPLATE=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)/\"rollout-template.yaml");
    }

    // ---- what the calls ask for --------------------------------------------------------------------------------

    @Test
    void theStackSetIsServiceManagedWithAutomaticDeploymentAndNamedIamCapability() {
        String script = script(units(OU));
        List<String> create = only(awsCalls(script), "cloudformation", "create-stack-set");
        assertThat(value(create, "--permission-model")).isEqualTo("SERVICE_MANAGED");
        assertThat(value(create, "--capabilities")).isEqualTo("CAPABILITY_NAMED_IAM");
        assertThat(value(create, "--auto-deployment"))
                .isEqualTo("Enabled=$AUTO_DEPLOYMENT,RetainStacksOnAccountRemoval=false");
        assertThat(script).containsPattern("(?m)^AUTO_DEPLOYMENT=true$");
        for (String command : List.of("update-stack-set", "create-stack", "update-stack")) {
            assertThat(value(only(awsCalls(script), "cloudformation", command), "--capabilities"))
                    .as(command)
                    .isEqualTo("CAPABILITY_NAMED_IAM");
        }
        assertThat(script).startsWith("#!/usr/bin/env bash\n").contains("\nset -euo pipefail\n");
    }

    @Test
    void theTargetsAreTheVariablesAtTheTop() {
        assertThat(script(units(OU, "ou-ab12-99998888")))
                .contains("\nTARGET_OUS=ou-ab12-cd34ef56,ou-ab12-99998888\nTARGET_ACCOUNTS=\"\"\n");
        assertThat(script(accounts(MANAGEMENT, MEMBER)))
                .contains("\nTARGET_OUS=\"\"\nTARGET_ACCOUNTS=111111111111,222222222222\n");
        assertThat(script(new Rollout(List.of(), List.of(), true, "us-east-1", "x", Optional.empty())))
                .contains("\nTARGET_OUS=organization\n");
        assertThat(script(Rollout.none("us-east-1"))).contains("\nTARGET_OUS=\"\"\nTARGET_ACCOUNTS=\"\"\n");
        assertThat(script(units(OU))).contains("\nREGION=eu-west-1\n");
    }

    @Test
    void everyCommandAndOptionOfTheScriptIsInTheCliReference() {
        List<List<String>> calls = awsCalls(script(accounts(MANAGEMENT, MEMBER)));
        assertThat(calls.stream().map(c -> c.get(0) + " " + c.get(1)).distinct())
                .contains(
                        "sts get-caller-identity",
                        "organizations describe-organization",
                        "organizations list-roots",
                        "organizations list-parents",
                        "cloudformation describe-stack-set",
                        "cloudformation create-stack-set",
                        "cloudformation update-stack-set",
                        "cloudformation create-stack-instances",
                        "cloudformation describe-stack-set-operation",
                        "cloudformation list-stack-set-operation-results",
                        "cloudformation describe-stacks",
                        "cloudformation create-stack",
                        "cloudformation update-stack",
                        "cloudformation wait");
        for (List<String> call : calls) {
            assertThat(CLI.problems(call)).as("aws %s", call).isEmpty();
            int query = call.indexOf("--query");
            if (query > 0 && !call.get(1).equals("wait")) {
                assertThat(CLI.queryProblems(call.get(0), call.get(1), call.get(query + 1)))
                        .as("aws %s", call)
                        .isEmpty();
            }
        }
    }

    @Test
    void theReferenceCheckCatchesAnOptionOrCommandTheCliDoesNotHave() {
        assertThat(CLI.problems(List.of("cloudformation", "create-stack-set", "--stack-set", "x")))
                .containsExactly("aws cloudformation create-stack-set has no option --stack-set");
        assertThat(CLI.problems(List.of("cloudformation", "create-stack-instances", "--deployment-target", "x")))
                .hasSize(1);
        assertThat(CLI.problems(List.of("cloudformation", "deploy-stack-set"))).hasSize(1);
        assertThat(CLI.queryProblems("cloudformation", "describe-stack-set-operation", "StackSetOperation.State"))
                .hasSize(1);
        assertThat(AwsCliReference.kebab("AdministrationRoleARN")).isEqualTo("administration-role-arn");
        assertThat(AwsCliReference.kebab("NotificationARNs")).isEqualTo("notification-arns");
        assertThat(AwsCliReference.kebab("OrganizationalUnitIds")).isEqualTo("organizational-unit-ids");
    }

    @Test
    void theValuesAndShorthandKeysAreTheServiceModels() {
        String script = script(accounts(MEMBER));
        assertThat(CLI.enumValues("cloudformation", "Capability")).contains("CAPABILITY_NAMED_IAM");
        assertThat(CLI.enumValues("cloudformation", "PermissionModels")).contains("SERVICE_MANAGED");
        assertThat(CLI.enumValues("cloudformation", "CallAs")).contains("DELEGATED_ADMIN");
        assertThat(script).contains("CALL_AS=(--call-as DELEGATED_ADMIN)");
        assertThat(CLI.enumValues("cloudformation", "AccountFilterType")).contains("INTERSECTION");
        // The wait loop knows every status an operation can have: the ones it waits on and the ones that end it.
        Matcher waiting =
                Pattern.compile("\n\\s+(RUNNING \\| QUEUED \\| STOPPING)\\)\n").matcher(script);
        assertThat(waiting.find()).isTrue();
        assertThat(CLI.enumValues("cloudformation", "StackSetOperationStatus"))
                .containsExactlyInAnyOrder("RUNNING", "QUEUED", "STOPPING", "SUCCEEDED", "FAILED", "STOPPED");
        Matcher targets = Pattern.compile("DEPLOYMENT_TARGETS=\"([^\"]*)\"").matcher(script);
        while (targets.find()) {
            for (String key : keysOfShorthand(targets.group(1))) {
                assertThat(CLI.members("cloudformation", "DeploymentTargets")).contains(key);
            }
        }
        assertThat(keysOfShorthand("Enabled=$AUTO_DEPLOYMENT,RetainStacksOnAccountRemoval=false"))
                .allSatisfy(k -> assertThat(CLI.members("cloudformation", "AutoDeployment"))
                        .contains(k));
        assertThat(CLI.members("cloudformation", "Parameter")).contains("ParameterKey", "ParameterValue");
    }

    @Test
    void namedAccountsAreTheRootFilteredToThemAndOusAreTargetsAsTheyAre() {
        String script = script(accounts(MEMBER));
        assertThat(script)
                .contains("DEPLOYMENT_TARGETS=\"OrganizationalUnitIds=${OU_IDS:-$(root_id)},Accounts=$MEMBER_ACCOUNTS,"
                        + "AccountFilterType=INTERSECTION\"")
                .contains("DEPLOYMENT_TARGETS=\"OrganizationalUnitIds=$OU_IDS\"");
        assertThat(value(only(awsCalls(script), "cloudformation", "create-stack-instances"), "--regions"))
                .isEqualTo("$REGION");
    }

    // ---- run against the fake aws ------------------------------------------------------------------------------

    @BeforeEach
    void fakeAws() throws IOException {
        bin = Files.createDirectories(temp.resolve("bin"));
        try (InputStream in = StackSetExportTest.class.getResourceAsStream("/scripts/fake-aws-stackset")) {
            Path aws = bin.resolve("aws");
            Files.write(aws, in.readAllBytes());
            try {
                Files.setPosixFilePermissions(aws, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the bash tests skip there anyway.
            }
        }
    }

    record Run(int exit, String out, String err, List<List<String>> calls, Path folder) {
        List<String> commands() {
            return calls.stream().map(c -> c.get(0) + " " + c.get(1)).toList();
        }

        List<String> call(String command) {
            return only(calls, command.split(" ")[0], command.split(" ")[1]);
        }
    }

    Run run(String script, Map<String, String> environment) throws Exception {
        assumeTrue(CloudFormationExportTest.onPath("bash"), "SKIPPED: no bash here, so the StackSet script is not run");
        Path folder = Files.createTempDirectory(temp, "run");
        Path file = folder.resolve("stackset.sh");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        Path log = folder.resolve("calls.log");
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString());
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("FAKE_AWS_LOG", log.toString());
        builder.environment().put("POLL_SECONDS", "0");
        builder.environment().putAll(environment);
        builder.redirectOutput(folder.resolve("out.txt").toFile());
        builder.redirectError(folder.resolve("err.txt").toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
        List<List<String>> calls = Files.exists(log)
                ? Files.readAllLines(log).stream()
                        .map(l -> Arrays.asList(l.split("\u001f", -1)))
                        .map(c -> c.subList(0, c.size() - 1))
                        .toList()
                : List.of();
        Run run = new Run(
                process.exitValue(),
                Files.readString(folder.resolve("out.txt")),
                Files.readString(folder.resolve("err.txt")),
                calls,
                folder);
        // What the script really called is checked against the reference too, with the values it passed.
        for (List<String> call : calls) {
            assertThat(CLI.problems(call)).as("recorded call aws %s", call).isEmpty();
        }
        return run;
    }

    @Test
    void anOuIsRolledOutAndTheManagementAccountOutsideItGetsNoStack() throws Exception {
        Run run = run(script(units(OU)), Map.of());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.commands())
                .containsExactly(
                        "sts get-caller-identity",
                        "organizations describe-organization",
                        "organizations list-parents",
                        "cloudformation describe-stack-set",
                        "cloudformation create-stack-set",
                        "cloudformation create-stack-instances",
                        "cloudformation describe-stack-set-operation",
                        "cloudformation describe-stack-set-operation");
        List<String> create = run.call("cloudformation create-stack-set");
        assertThat(value(create, "--permission-model")).isEqualTo("SERVICE_MANAGED");
        assertThat(value(create, "--auto-deployment")).isEqualTo("Enabled=true,RetainStacksOnAccountRemoval=false");
        assertThat(value(create, "--capabilities")).isEqualTo("CAPABILITY_NAMED_IAM");
        assertThat(create).doesNotContain("--call-as");
        List<String> instances = run.call("cloudformation create-stack-instances");
        assertThat(value(instances, "--deployment-targets")).isEqualTo("OrganizationalUnitIds=" + OU);
        assertThat(value(instances, "--regions")).isEqualTo("eu-west-1");
        assertThat(value(instances, "--region")).isEqualTo("eu-west-1");
        // The template the StackSet got is the CloudFormation export, and the parameters are its own.
        assertThat(Files.readString(run.folder().resolve("template-create-stack-set.yaml")))
                .isEqualTo(CloudFormationExport.render(subject()));
        assertThat(new ObjectMapper()
                        .readTree(value(create, "--parameters"))
                        .get(1)
                        .get("ParameterValue")
                        .asText())
                .isEqualTo(ExportCases.DEFAULT_ROLE);
        assertThat(run.out()).contains("StackSet operation op-instances succeeded.");
    }

    @Test
    void theManagementAccountInATargetedOuGetsAnOrdinaryStack() throws Exception {
        Run run = run(
                script(units(OU)),
                Map.of(
                        "FAKE_PARENTS",
                        MANAGEMENT + ":ou-ab12-77776666:ORGANIZATIONAL_UNIT ou-ab12-77776666:" + OU
                                + ":ORGANIZATIONAL_UNIT"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.commands().subList(2, 4))
                .containsExactly("organizations list-parents", "organizations list-parents");
        assertThat(run.commands()
                        .subList(run.commands().size() - 3, run.commands().size()))
                .containsExactly(
                        "cloudformation describe-stacks", "cloudformation create-stack", "cloudformation wait");
        List<String> stack = run.call("cloudformation create-stack");
        assertThat(value(stack, "--capabilities")).isEqualTo("CAPABILITY_NAMED_IAM");
        assertThat(value(stack, "--stack-name")).isEqualTo("veeam-worker-role");
        assertThat(run.call("cloudformation wait")).startsWith("cloudformation", "wait", "stack-create-complete");
        assertThat(Files.readString(run.folder().resolve("template-create-stack.yaml")))
                .isEqualTo(CloudFormationExport.render(subject()));
    }

    @Test
    void namedAccountsWithTheManagementAccountGetInstancesForTheOthersAndAStackForIt() throws Exception {
        Run run = run(script(accounts(MANAGEMENT, MEMBER)), Map.of());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.commands())
                .containsExactly(
                        "sts get-caller-identity",
                        "organizations describe-organization",
                        "cloudformation describe-stack-set",
                        "cloudformation create-stack-set",
                        "organizations list-roots",
                        "cloudformation create-stack-instances",
                        "cloudformation describe-stack-set-operation",
                        "cloudformation describe-stack-set-operation",
                        "cloudformation describe-stacks",
                        "cloudformation create-stack",
                        "cloudformation wait");
        assertThat(value(run.call("cloudformation create-stack-instances"), "--deployment-targets"))
                .isEqualTo("OrganizationalUnitIds=r-ab12,Accounts=" + MEMBER + ",AccountFilterType=INTERSECTION");
    }

    @Test
    void anExistingStackSetAndStackAreUpdatedAndTheUpdateIsWaitedFor() throws Exception {
        Run run = run(
                script(accounts(MANAGEMENT, MEMBER)), Map.of("FAKE_STACK_SET_EXISTS", "1", "FAKE_STACK_EXISTS", "1"));
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.commands()).doesNotContain("cloudformation create-stack-set", "cloudformation create-stack");
        assertThat(run.commands().subList(2, 6))
                .containsExactly(
                        "cloudformation describe-stack-set",
                        "cloudformation update-stack-set",
                        "cloudformation describe-stack-set-operation",
                        "cloudformation describe-stack-set-operation");
        assertThat(value(run.calls().get(4), "--operation-id")).isEqualTo("op-update");
        assertThat(run.commands()
                        .subList(run.commands().size() - 3, run.commands().size()))
                .containsExactly(
                        "cloudformation describe-stacks", "cloudformation update-stack", "cloudformation wait");
        assertThat(run.call("cloudformation wait")).startsWith("cloudformation", "wait", "stack-update-complete");
    }

    @Test
    void aFailedOperationStopsTheScriptWithItsIdAndTheFailedAccounts() throws Exception {
        Run run = run(script(accounts(MANAGEMENT, MEMBER)), Map.of("FAKE_FAILED_OPERATION", "op-instances"));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("StackSet operation op-instances ended FAILED")
                .contains(MEMBER + "\tFAILED");
        assertThat(run.commands().get(run.commands().size() - 1))
                .isEqualTo("cloudformation list-stack-set-operation-results");
        assertThat(run.commands()).doesNotContain("cloudformation create-stack");
        assertThat(run.out()).doesNotContain("Done");
    }

    @Test
    void aDelegatedAdministratorCallsAsOneAndLeavesTheManagementAccountToItsOwner() throws Exception {
        Run run = run(script(accounts(MANAGEMENT, MEMBER)), Map.of("FAKE_CALLER", "333333333333"));
        assertThat(run.exit()).isEqualTo(1);
        for (List<String> call : run.calls()) {
            if (call.get(0).equals("cloudformation")) {
                assertThat(value(call, "--call-as")).as("aws %s", call).isEqualTo("DELEGATED_ADMIN");
            }
        }
        assertThat(run.commands())
                .contains("cloudformation create-stack-instances")
                .doesNotContain("cloudformation create-stack");
        assertThat(run.err()).contains("The management account 111111111111 is a target");
    }

    @Test
    void withoutTargetsTheScriptRefusesToRunAndCallsNothing() throws Exception {
        Run run = run(script(Rollout.none("us-east-1")), Map.of());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.calls()).isEmpty();
        assertThat(run.err()).contains("No target: set TARGET_OUS or TARGET_ACCOUNTS at the top of this script");
    }

    @Test
    void aTargetEditedWrongIsRefusedBeforeAnyCall() throws Exception {
        String script = script(Rollout.none("us-east-1"))
                .replace("\nTARGET_ACCOUNTS=\"\"\n", "\nTARGET_ACCOUNTS=12345,$(id)\n");
        Run run = run(script, Map.of());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.calls()).isEmpty();
        assertThat(run.err()).contains("TARGET_ACCOUNTS holds \"12345\"");
    }

    @Test
    void theTemplateBesideTheScriptIsTheOneDeployed() throws Exception {
        String script =
                ExportCases.exports().renderStackSet(subject(), units(OU), Optional.of("rollout-template.yaml"));
        assumeTrue(CloudFormationExportTest.onPath("bash"), "SKIPPED: no bash here, so the StackSet script is not run");
        Run missing = run(script, Map.of());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("rollout-template.yaml is missing");
        // The run folder is new each time: write the template where the next run's script will lie.
        Path[] written = new Path[1];
        Run run = runWithTemplate(script, written);
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(value(run.call("cloudformation create-stack-set"), "--template-body"))
                .isEqualTo("file://" + written[0]);
    }

    private Run runWithTemplate(String script, Path[] written) throws Exception {
        Path folder = temp.resolve("beside");
        Files.createDirectories(folder);
        written[0] = folder.toRealPath().resolve("rollout-template.yaml");
        Files.writeString(written[0], CloudFormationExport.render(subject()));
        Path file = folder.resolve("stackset.sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("bash", file.toString());
        Path log = folder.resolve("calls.log");
        builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        builder.environment().put("FAKE_AWS_LOG", log.toString());
        builder.environment().put("POLL_SECONDS", "0");
        builder.redirectOutput(folder.resolve("out.txt").toFile());
        builder.redirectError(folder.resolve("err.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<List<String>> calls = Files.readAllLines(log).stream()
                .map(l -> Arrays.asList(l.split("\u001f", -1)))
                .map(c -> c.subList(0, c.size() - 1))
                .toList();
        return new Run(process.exitValue(), "", Files.readString(folder.resolve("err.txt")), calls, folder);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n$(touch MARKER)\n", "'; touch MARKER; '", "\nYAML\n", "\u001b[2J\u202e`touch MARKER`"})
    void aHostileNameIsPassedExactlyAndRunsNothing(String hostile) throws Exception {
        Path marker = temp.resolve("marker");
        HostileSubjects.Names names =
                HostileSubjects.Names.from(hostile).map(s -> s.replace("MARKER", marker.toString()));
        ExportSubject subject = HostileSubjects.subject(names, HostileSubjects.Shape.NEW_INLINE);
        String script = ExportCases.exports().renderStackSet(subject, units(OU), Optional.empty());
        assertThat(HostileText.hasRawControl(script)).as(script).isFalse();
        Run run = run(script, Map.of());
        assertThat(marker).as("a command hidden in a name ran").doesNotExist();
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode parameters =
                new ObjectMapper().readTree(value(run.call("cloudformation create-stack-set"), "--parameters"));
        assertThat(parameters.findValuesAsText("ParameterValue")).contains(names.role(), names.appliance());
        assertThat(Files.readString(run.folder().resolve("template-create-stack-set.yaml")))
                .isEqualTo(CloudFormationExport.render(subject));
    }

    /**
     * The real AWS CLI, where it is installed (its Python package, driven in one process for speed), parses every call
     * the script made (options, shorthand, JSON, queries, the template file) and only then fails to reach the closed
     * endpoint it is pointed at: a name it does not know fails before, with "Parameter validation failed", "Unknown
     * options" or "Bad value".
     */
    @Test
    void theRealAwsCliParsesEveryCallTheScriptMakes() throws Exception {
        assumeTrue(
                CloudFormationExportTest.onPath("python3") && python("import awscli") == 0,
                "SKIPPED: the AWS CLI's Python package is not installed, so it does not parse the script's calls");
        List<List<String>> calls = new ArrayList<>();
        Run created = run(script(accounts(MANAGEMENT, MEMBER)), Map.of());
        Run updated = run(
                script(accounts(MANAGEMENT, MEMBER)), Map.of("FAKE_STACK_SET_EXISTS", "1", "FAKE_STACK_EXISTS", "1"));
        Run delegated = run(script(units(OU)), Map.of("FAKE_CALLER", "333333333333"));
        Run failed = run(
                script(units(OU)),
                Map.of(
                        "FAKE_PARENTS",
                        MANAGEMENT + ":" + OU + ":ORGANIZATIONAL_UNIT",
                        "FAKE_FAILED_OPERATION",
                        "op-instances"));
        List<List<String>> shapes = new ArrayList<>();
        for (Run run : List.of(created, updated, delegated, failed)) {
            for (List<String> call : run.calls()) {
                List<String> real = new ArrayList<>();
                for (String word : call) {
                    // The script's temporary template is gone; the fake kept a copy of it.
                    real.add(
                            word.startsWith("file://")
                                    ? "file://" + run.folder().resolve("template-" + call.get(1) + ".yaml")
                                    : word);
                }
                real.addAll(List.of("--endpoint-url", "http://127.0.0.1:9"));
                // One call of each command with the same options is enough (the CLI takes a second per call).
                List<String> shape =
                        real.stream().filter(w -> w.startsWith("--")).toList();
                shape = new ArrayList<>(shape);
                shape.addAll(0, real.subList(0, 3));
                if (!shapes.contains(shape)) {
                    shapes.add(shape);
                    calls.add(real);
                }
            }
        }
        Path input = temp.resolve("calls.jsonl");
        ObjectMapper json = new ObjectMapper();
        Files.write(
                input, calls.stream().map(c -> json.valueToTree(c).toString()).toList());
        Path runner = temp.resolve("aws-cli-parse.py");
        try (InputStream in = StackSetExportTest.class.getResourceAsStream("/scripts/aws-cli-parse.py")) {
            Files.write(runner, in.readAllBytes());
        }
        ProcessBuilder builder = new ProcessBuilder("python3", runner.toString()).redirectInput(input.toFile());
        Path empty = Files.writeString(temp.resolve("empty-config"), "");
        builder.environment().put("AWS_CONFIG_FILE", empty.toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", empty.toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "not-a-secret");
        builder.environment().put("AWS_MAX_ATTEMPTS", "1");
        Process process = builder.start();
        List<String> results = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(results).hasSameSizeAs(calls);
        assertThat(calls.stream().map(c -> c.get(0) + " " + c.get(1)).distinct())
                .hasSizeGreaterThanOrEqualTo(14);
        for (int i = 0; i < calls.size(); i++) {
            assertThat(json.readTree(results.get(i)).get("err").asText())
                    .as("aws %s", calls.get(i))
                    .contains("Could not connect to the endpoint URL");
        }
    }

    private static int python(String code) throws Exception {
        Process process = new ProcessBuilder("python3", "-c", code)
                .redirectErrorStream(true)
                .start();
        process.getInputStream().readAllBytes();
        return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    static List<String> only(List<List<String>> calls, String service, String command) {
        List<List<String>> found = calls.stream()
                .filter(c -> c.get(0).equals(service) && c.get(1).equals(command))
                .toList();
        assertThat(found).as("calls of aws %s %s", service, command).hasSize(1);
        return found.get(0);
    }

    static String value(List<String> call, String option) {
        int at = call.indexOf(option);
        assertThat(at).as("%s in %s", option, call).isNotNegative();
        return call.get(at + 1);
    }

    static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The keys of shorthand syntax {@code Key=v1,v2,Key2=v}: the words before an = sign. */
    static List<String> keysOfShorthand(String text) {
        List<String> keys = new ArrayList<>();
        Matcher key = Pattern.compile("(?:^|,)([A-Za-z]+)=").matcher(text);
        while (key.find()) {
            keys.add(key.group(1));
        }
        return keys;
    }
}
