package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.emu.Moto;
import com.workerrolewizard.sandbox.Sandbox;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code appliance-access} through the jar: the appliance's Impersonation role's own side of the assume-role call,
 * listed where it can be read (the account checked, or the one {@code --appliance-profile} signs in to), counted
 * in the exit code, and said once in words where it is not listed.
 */
class ApplianceAccessIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "AKIAAPPLIANCEACCESS1";

    @TempDir
    Path temp;

    private JarRun run(Sandbox sandbox, String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", sandbox.endpoint().toString()));
        return JarRun.with(
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        KEY,
                        "AWS_SECRET_ACCESS_KEY",
                        "secret",
                        "AWS_REGION",
                        "us-east-1",
                        "WORKER_ROLE_WIZARD_HOME",
                        temp.resolve("app-data").toString()),
                List.of(),
                all.toArray(String[]::new));
    }

    /** The fifth result of the one role checked, or null when it is not listed. */
    private static JsonNode access(JarRun run) throws IOException {
        for (JsonNode requirement : JSON.readTree(run.out()).get("roles").get(0).get("requirements")) {
            if (requirement.get("id").asText().equals("appliance-access")) {
                return requirement;
            }
        }
        return null;
    }

    private static String trust(String principal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"AWS\":\"" + principal + "\"}},{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
    }

    @Test
    void aSameAccountApplianceIsCheckedOnItsOwnSideInEveryCase() throws Exception {
        String root = "arn:aws:iam::" + Sandbox.ACCOUNT + ":root";
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret")) {
            // The page's trust names the Impersonation role itself: IAM needs nothing from the role's own policy.
            JarRun byRole = run(
                    sandbox,
                    "check",
                    "--role",
                    "VeeamWorkerReady",
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--format",
                    "json");
            assertThat(byRole.exit()).as(byRole.err()).isZero();
            assertThat(access(byRole).get("status").asText()).isEqualTo("PASS");
            assertThat(access(byRole).get("detail").asText()).contains("names the appliance role");

            // A trust naming the account: the Impersonation role's "sts:AssumeRole on *" is what lets it in.
            sandbox.addRole("ByAccount", trust(root)).putInstanceProfile("ByAccount");
            sandbox.putInlinePolicy("ByAccount", "VeeamWorkerPermissions", permissions());
            JarRun byAccount =
                    run(sandbox, "check", "--role", "ByAccount", "--appliance", Sandbox.APPLIANCE, "--format", "json");
            assertThat(byAccount.exit()).as(byAccount.err()).isZero();
            assertThat(access(byAccount).get("status").asText()).isEqualTo("PASS");
            assertThat(access(byAccount).get("detail").asText())
                    .contains("inline policy \"AssumeWorkerRoles\"")
                    .contains("simulator agrees");

            // An SCP denying sts:AssumeRole: only the simulator sees it.
            sandbox.denyByOrganizations("sts:AssumeRole");
            JarRun scp = run(sandbox, "check", "--role", "ByAccount", "--appliance", Sandbox.APPLIANCE);
            assertThat(scp.exit()).as(scp.out()).isEqualTo(1);
            assertThat(scp.out()).contains("[FAIL]    appliance-access").contains("service control policy");

            // A Deny naming the worker role on the Impersonation role wins over the trust.
            sandbox.putInlinePolicy(
                    "VeeamBackupImpersonation",
                    "NoWorkers",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\","
                            + "\"Resource\":\"arn:aws:iam::" + Sandbox.ACCOUNT + ":role/VeeamWorkerReady\"}]}");
            JarRun denied = run(
                    sandbox,
                    "check",
                    "--role",
                    "VeeamWorkerReady",
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--format",
                    "json");
            assertThat(denied.exit()).isEqualTo(1);
            assertThat(access(denied).get("status").asText()).isEqualTo("FAIL");
            assertThat(access(denied).get("detail").asText())
                    .startsWith("Statement 1 of inline policy \"NoWorkers\" of the appliance role");

            // An Impersonation role that cannot be read (it does not exist): UNKNOWN, exit 3 where nothing fails.
            JarRun missing = run(
                    sandbox,
                    "check",
                    "--role",
                    "VeeamWorkerReady",
                    "--appliance",
                    "arn:aws:iam::" + Sandbox.ACCOUNT + ":role/NoSuchImpersonation",
                    "--format",
                    "json");
            assertThat(access(missing).get("status").asText()).isEqualTo("UNKNOWN");
            assertThat(access(missing).get("detail").asText()).contains("could not be read");
        }
    }

    @Test
    void theApplianceSideIsFixedOnlyWhenAskedAndUndoneLikeEveryWrite() throws Exception {
        String root = "arn:aws:iam::" + Sandbox.ACCOUNT + ":root";
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret")) {
            sandbox.addRole("ByAccount", trust(root)).putInstanceProfile("ByAccount");
            sandbox.putInlinePolicy("ByAccount", "VeeamWorkerPermissions", permissions());
            // The Impersonation role may assume one other role only.
            sandbox.putInlinePolicy(
                    "VeeamBackupImpersonation",
                    "AssumeWorkerRoles",
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                            + "\"Resource\":\"arn:aws:iam::" + Sandbox.ACCOUNT + ":role/Other\"}]}");
            JarRun before = run(sandbox, "check", "--role", "ByAccount", "--appliance", Sandbox.APPLIANCE);
            assertThat(before.exit()).isEqualTo(1);
            assertThat(before.out()).contains("[FAIL]    appliance-access");

            JarRun unasked = run(sandbox, "fix", "--role", "ByAccount", "--appliance", Sandbox.APPLIANCE, "--yes");
            assertThat(unasked.out()).contains("Add --include-appliance").doesNotContain("Applied: ");
            assertThat(unasked.exit()).isEqualTo(1);

            JarRun asked = run(
                    sandbox,
                    "fix",
                    "--role",
                    "ByAccount",
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--include-appliance",
                    "--yes");
            assertThat(asked.out())
                    .contains("Add inline policy VeeamWorkerAccess-ByAccount (allowing sts:AssumeRole on arn:aws:iam::"
                            + Sandbox.ACCOUNT + ":role/ByAccount) to role VeeamBackupImpersonation.")
                    .contains("IAM Access Analyzer: no findings in the document.")
                    .contains("1 meets all five requirements");
            assertThat(asked.exit()).as(asked.out() + asked.err()).isZero();

            JarRun undo = run(sandbox, "undo", "--yes");
            assertThat(undo.exit()).as(undo.out() + undo.err()).isZero();
            assertThat(undo.out()).contains("VeeamWorkerAccess-ByAccount");
            JarRun after = run(sandbox, "check", "--role", "ByAccount", "--appliance", Sandbox.APPLIANCE);
            assertThat(after.out()).contains("[FAIL]    appliance-access");
        }
    }

    @Test
    void whereTheApplianceSideCannotBeReadTextSaysOnceWhyAndHow() throws Exception {
        try (Sandbox sandbox = Sandbox.start().addAccessKey(KEY, "secret")) {
            JarRun other =
                    run(sandbox, "check", "--all-roles", "--appliance", "arn:aws:iam::111122223333:role/Impersonation");
            assertThat(other.out()).doesNotContain("appliance-access  ");
            assertThat(other.out().split("appliance-access \\(may", -1)).hasSize(2);
            assertThat(other.out()).contains("--appliance-profile NAME");

            JarRun account = run(sandbox, "check", "--role", "VeeamWorkerReady", "--appliance", Sandbox.ACCOUNT);
            assertThat(account.out()).contains("the appliance is given as its account");

            JarRun refused = run(
                    sandbox,
                    "check",
                    "--role",
                    "VeeamWorkerReady",
                    "--appliance",
                    Sandbox.APPLIANCE,
                    "--appliance-profile",
                    "x",
                    "--sandbox");
            assertThat(refused.exit()).isEqualTo(2);
        }
    }

    /**
     * Cross-account on moto, an emulator nobody here wrote: the worker in the organization's management account, the
     * Impersonation role in a member account reached by an assume-role profile ({@code --appliance-profile}).
     */
    @Test
    void anApplianceInAnotherAccountIsReadThroughItsProfile() throws Exception {
        try (Moto moto = Moto.startOrSkip()) {
            String endpoint = moto.endpoint().toString();
            String member = python(endpoint, """
                    import boto3, json, sys
                    def client(name, **kw):
                        return boto3.client(name, endpoint_url=sys.argv[1], region_name='us-east-1',
                                            aws_access_key_id='test', aws_secret_access_key='test', **kw)
                    org = client('organizations')
                    org.create_organization(FeatureSet='ALL')
                    status = org.create_account(Email='backup@example.com', AccountName='backup')
                    member = status['CreateAccountStatus']['AccountId']
                    creds = client('sts').assume_role(
                        RoleArn='arn:aws:iam::%s:role/OrganizationAccountAccessRole' % member,
                        RoleSessionName='seed')['Credentials']
                    iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1',
                                       aws_access_key_id=creds['AccessKeyId'],
                                       aws_secret_access_key=creds['SecretAccessKey'],
                                       aws_session_token=creds['SessionToken'])
                    trust = {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'sts:AssumeRole',
                             'Principal': {'Service': 'ec2.amazonaws.com'}}]}
                    iam.create_role(RoleName='Impersonation', AssumeRolePolicyDocument=json.dumps(trust))
                    iam.create_role(RoleName='Closed', AssumeRolePolicyDocument=json.dumps(trust))
                    iam.put_role_policy(RoleName='Impersonation', PolicyName='AssumeWorkers', PolicyDocument=json.dumps(
                        {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'sts:AssumeRole',
                         'Resource': 'arn:aws:iam::123456789012:role/workers/*'}]}))
                    home = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1',
                                        aws_access_key_id='test', aws_secret_access_key='test')
                    for name, appliance in (('Worker', 'Impersonation'), ('WorkerForClosed', 'Closed')):
                        home.create_role(RoleName=name, Path='/workers/', AssumeRolePolicyDocument=json.dumps(
                            {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'sts:AssumeRole',
                             'Principal': {'AWS': 'arn:aws:iam::%s:role/%s' % (member, appliance)}}]}))
                    print(member)
                    """).strip();
            Path config = temp.resolve("config");
            Files.writeString(
                    config,
                    "[profile base]\nregion = us-east-1\n\n[profile appliance]\nsource_profile = base\n"
                            + "role_arn = arn:aws:iam::" + member + ":role/OrganizationAccountAccessRole\n"
                            + "region = us-east-1\n");
            Path credentials = temp.resolve("credentials");
            Files.writeString(credentials, "[base]\naws_access_key_id = test\naws_secret_access_key = test\n");
            Map<String, String> env = new HashMap<>(Map.of(
                    "AWS_CONFIG_FILE",
                    config.toString(),
                    "AWS_SHARED_CREDENTIALS_FILE",
                    credentials.toString(),
                    "WORKER_ROLE_WIZARD_HOME",
                    temp.resolve("app-data").toString()));

            JarRun allowed = JarRun.with(
                    env,
                    List.of(),
                    "check",
                    "--role",
                    "Worker",
                    "--profile",
                    "base",
                    "--endpoint-url",
                    endpoint,
                    "--format",
                    "json",
                    "--appliance",
                    "arn:aws:iam::" + member + ":role/Impersonation",
                    "--appliance-profile",
                    "appliance");
            JsonNode access = access(allowed);
            assertThat(access).as(allowed.out() + allowed.err()).isNotNull();
            assertThat(access.get("status").asText()).isEqualTo("PASS");
            assertThat(access.get("detail").asText())
                    .contains("inline policy \"AssumeWorkers\"")
                    .contains("SCPs) were not seen");

            JarRun closed = JarRun.with(
                    env,
                    List.of(),
                    "check",
                    "--role",
                    "WorkerForClosed",
                    "--profile",
                    "base",
                    "--endpoint-url",
                    endpoint,
                    "--appliance",
                    "arn:aws:iam::" + member + ":role/Closed",
                    "--appliance-profile",
                    "appliance");
            assertThat(closed.exit()).as(closed.out() + closed.err()).isEqualTo(1);
            assertThat(closed.out()).contains("[FAIL]    appliance-access").contains("another account (" + member);

            JarRun wrongAccount = JarRun.with(
                    env,
                    List.of(),
                    "check",
                    "--role",
                    "Worker",
                    "--profile",
                    "base",
                    "--endpoint-url",
                    endpoint,
                    "--appliance",
                    "arn:aws:iam::" + member + ":role/Impersonation",
                    "--appliance-profile",
                    "base");
            assertThat(wrongAccount.exit()).isEqualTo(2);
            assertThat(wrongAccount.err()).contains("is not the appliance's account (" + member + ")");
        }
    }

    private static String permissions() {
        return com.workerrolewizard.core.reference.ReferenceDocuments.load()
                .permissionsPolicy()
                .toString();
    }

    private String python(String endpoint, String script) throws IOException, InterruptedException {
        Path file = temp.resolve("seed.py");
        Files.writeString(file, script.stripIndent());
        Process process = new ProcessBuilder("/usr/bin/python3", file.toString(), endpoint)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out;
    }
}
