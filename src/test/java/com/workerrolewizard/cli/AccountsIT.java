package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.emu.Moto;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * check over many accounts through the jar, on moto (an emulator nobody here wrote) holding an organization of one
 * management and 20 member accounts, each entered with OrganizationAccountAccessRole: a worker role that passes in
 * the even members and lacks its instance profile in the odd ones.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLIANCE = "arn:aws:iam::123456789012:role/VeeamBackupImpersonation";
    private static Moto moto;
    private static List<String> members;

    @TempDir
    static Path seedFolder;

    @TempDir
    Path temp;

    @BeforeAll
    static void organization() throws Exception {
        moto = Moto.startOrSkip();
        Path permissions = seedFolder.resolve("permissions.json");
        Files.writeString(
                permissions, ReferenceDocuments.load().permissionsPolicy().toString());
        Path script = seedFolder.resolve("seed.py");
        Files.writeString(script, """
                import boto3, json, sys
                url, permissions = sys.argv[1], open(sys.argv[2]).read()
                def client(name, creds=None):
                    keys = dict(aws_access_key_id='test', aws_secret_access_key='test')
                    if creds:
                        keys = dict(aws_access_key_id=creds['AccessKeyId'], aws_secret_access_key=creds['SecretAccessKey'],
                                    aws_session_token=creds['SessionToken'])
                    return boto3.client(name, endpoint_url=url, region_name='us-east-1', **keys)
                appliance = 'arn:aws:iam::123456789012:role/VeeamBackupImpersonation'
                trust = json.dumps({'Version': '2012-10-17', 'Statement': [
                    {'Effect': 'Allow', 'Action': 'sts:AssumeRole', 'Principal': {'AWS': appliance}},
                    {'Effect': 'Allow', 'Action': 'sts:AssumeRole', 'Principal': {'Service': 'ec2.amazonaws.com'}}]})
                def worker(iam, profile):
                    iam.create_role(RoleName='VeeamWorkerRole', AssumeRolePolicyDocument=trust)
                    iam.put_role_policy(RoleName='VeeamWorkerRole', PolicyName='VeeamWorkerPermissions',
                                        PolicyDocument=permissions)
                    if profile:
                        iam.create_instance_profile(InstanceProfileName='VeeamWorkerRole')
                        iam.add_role_to_instance_profile(InstanceProfileName='VeeamWorkerRole', RoleName='VeeamWorkerRole')
                home = client('iam')
                home.create_role(RoleName='VeeamBackupImpersonation', AssumeRolePolicyDocument=json.dumps(
                    {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'sts:AssumeRole',
                     'Principal': {'Service': 'ec2.amazonaws.com'}}]}))
                home.put_role_policy(RoleName='VeeamBackupImpersonation', PolicyName='AssumeWorkers', PolicyDocument=json.dumps(
                    {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'sts:AssumeRole', 'Resource': '*'}]}))
                worker(home, True)
                org = client('organizations')
                org.create_organization(FeatureSet='ALL')
                for n in range(20):
                    member = org.create_account(Email='m%d@example.com' % n, AccountName='member-%02d' % n)
                    account = member['CreateAccountStatus']['AccountId']
                    creds = client('sts').assume_role(
                        RoleArn='arn:aws:iam::%s:role/OrganizationAccountAccessRole' % account,
                        RoleSessionName='seed')['Credentials']
                    worker(client('iam', creds), n % 2 == 0)
                    print(account)
                """);
        Process seed = new ProcessBuilder(
                        "/usr/bin/python3", script.toString(), moto.endpoint().toString(), permissions.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(seed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(seed.waitFor()).as(out).isZero();
        members = out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(members).hasSize(20);
    }

    @AfterAll
    static void stop() {
        if (moto != null) {
            moto.close();
        }
    }

    private JarRun run(String... args) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", moto.endpoint().toString()));
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_ACCESS_KEY_ID",
                "test",
                "AWS_SECRET_ACCESS_KEY",
                "test",
                "AWS_REGION",
                "us-east-1",
                "WORKER_ROLE_WIZARD_HOME",
                temp.resolve("app-data").toString()));
        return JarRun.with(env, List.of(), all.toArray(String[]::new));
    }

    @Test
    void theWholeOrganizationIsCheckedInOneCommandAndPrintedAsAMatrix() throws Exception {
        JarRun json = run(
                "check",
                "--role",
                "VeeamWorkerRole",
                "--appliance",
                APPLIANCE,
                "--accounts",
                "organization",
                "--format",
                "json");
        assertThat(json.exit()).as(json.err()).isEqualTo(1);
        JsonNode accounts = JSON.readTree(json.out()).get("accounts");
        assertThat(accounts).hasSize(21);
        Map<String, String> profileStatus = new HashMap<>();
        for (JsonNode account : accounts) {
            assertThat(account.get("problem").isNull()).as(account.toString()).isTrue();
            JsonNode requirements = account.get("roles").get(0).get("requirements");
            profileStatus.put(
                    account.get("account").asText(),
                    requirements.get(0).get("status").asText());
            assertThat(requirements.get(1).get("status").asText()).isEqualTo("PASS");
            assertThat(requirements.get(3).get("status").asText()).isEqualTo("PASS");
        }
        for (int n = 0; n < members.size(); n++) {
            assertThat(profileStatus.get(members.get(n))).as("member %d", n).isEqualTo(n % 2 == 0 ? "PASS" : "FAIL");
        }
        assertThat(profileStatus.get("123456789012")).isEqualTo("PASS");

        JarRun text = run("check", "--role", "VeeamWorkerRole", "--appliance", APPLIANCE, "--accounts", "organization");
        assertThat(text.exit()).isEqualTo(1);
        assertThat(text.out())
                .startsWith("Account")
                .contains("member-01")
                .contains("21 accounts checked: 11 ready, 10 failing.")
                .contains(members.get(1) + " member-01, VeeamWorkerRole, instance-profile [FAIL]");
    }

    @Test
    void namedAccountsAndAFileAreEnteredAndAnAccountWithoutTheRoleIsAProblemNotAStop() throws Exception {
        Path file = temp.resolve("accounts.txt");
        Files.writeString(file, "# two members\n" + members.get(0) + "\n\n" + members.get(2) + "\n");
        JarRun fromFile =
                run("check", "--role", "VeeamWorkerRole", "--appliance", APPLIANCE, "--accounts-file", file.toString());
        assertThat(fromFile.exit()).as(fromFile.out() + fromFile.err()).isZero();
        assertThat(fromFile.out()).contains("2 accounts checked: 2 ready.");

        JarRun missing = run(
                "check",
                "--role",
                "NoSuchWorker",
                "--appliance",
                APPLIANCE,
                "--accounts",
                members.get(0) + "," + members.get(1),
                "--format",
                "json");
        assertThat(missing.exit()).isEqualTo(3);
        for (JsonNode account : JSON.readTree(missing.out()).get("accounts")) {
            assertThat(account.get("problem").asText()).contains("NoSuchWorker");
            assertThat(account.get("roles")).isEmpty();
        }
    }

    /** Runs last, and leaves the organization as it found it: both fixes are undone, one account at a time. */
    @Test
    @Order(Integer.MAX_VALUE)
    void oneQuestionFixesSeveralAccountsAndUndoGoesAccountByAccount() throws Exception {
        String first = members.get(1);
        String second = members.get(3);
        JarRun fix = run(
                "fix",
                "--role",
                "VeeamWorkerRole",
                "--appliance",
                APPLIANCE,
                "--accounts",
                first + "," + second,
                "--yes");
        assertThat(fix.exit()).as(fix.out() + fix.err()).isZero();
        assertThat(fix.out())
                .contains("== Account " + first)
                .contains("== Account " + second)
                .contains("2 accounts checked: 2 ready.");

        JarRun undoFirst = run("undo", "--account", first, "--yes");
        assertThat(undoFirst.exit()).as(undoFirst.out() + undoFirst.err()).isZero();
        assertThat(undoFirst.out()).contains("== Account " + first).contains("instance profile");
        JarRun between =
                run("check", "--role", "VeeamWorkerRole", "--appliance", APPLIANCE, "--accounts", first + "," + second);
        assertThat(between.out()).contains("2 accounts checked: 1 ready, 1 failing.");
        assertThat(between.out()).contains("- " + first + ", VeeamWorkerRole, instance-profile [FAIL]");

        // Signed in to the management account, a plain undo names the account whose plan is newest.
        JarRun plain = run("undo", "--yes");
        assertThat(plain.exit()).isEqualTo(2);
        assertThat(plain.err()).contains("undo --account " + second);

        JarRun undoSecond = run("undo", "--accounts", second, "--yes");
        assertThat(undoSecond.exit()).as(undoSecond.out() + undoSecond.err()).isZero();
        JarRun after =
                run("check", "--role", "VeeamWorkerRole", "--appliance", APPLIANCE, "--accounts", first + "," + second);
        assertThat(after.out()).contains("2 accounts checked: 0 ready, 2 failing.");
    }

    @Test
    void wrongAccountListsAreOneSentenceAndExitTwo() throws Exception {
        JarRun bad = run("check", "--role", "R", "--appliance", APPLIANCE, "--accounts", "12345,abc");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip())
                .contains("not a 12-digit account ID (12345, abc)")
                .doesNotContain("\n");
        JarRun unit = run(
                "check",
                "--role",
                "R",
                "--appliance",
                APPLIANCE,
                "--accounts",
                members.get(0),
                "--organizational-unit",
                "ou-ab12-cd34ef56");
        assertThat(unit.exit()).isEqualTo(2);
        assertThat(unit.err()).contains("--organizational-unit narrows --accounts organization");
    }
}
