package com.workerrolewizard.ui.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.session.Session;
import com.workerrolewizard.app.session.Sessions;
import com.workerrolewizard.app.session.SourceRequest;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.emu.Moto;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * moto (an emulator nobody here wrote) holding an organization: the management account 123456789012 with the
 * appliance's Impersonation role and a passing VeeamWorkerRole, and three members entered with
 * OrganizationAccountAccessRole: member-00 passes, member-01 lacks the instance profile, member-02 has no worker role
 * at all (so it cannot be checked: a problem in its row). Skips where ../shared is absent.
 */
public final class MotoOrganization implements AutoCloseable {
    public static final String APPLIANCE = "arn:aws:iam::123456789012:role/VeeamBackupImpersonation";
    public static final String MANAGEMENT = "123456789012";
    private static final String SEED = """
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
            for n in range(3):
                member = org.create_account(Email='m%d@example.com' % n, AccountName='member-%02d' % n)
                account = member['CreateAccountStatus']['AccountId']
                creds = client('sts').assume_role(
                    RoleArn='arn:aws:iam::%s:role/OrganizationAccountAccessRole' % account,
                    RoleSessionName='seed')['Credentials']
                if n < 2:
                    worker(client('iam', creds), n == 0)
                print(account)
            """;

    private final Moto moto;
    /** member-00 (passes), member-01 (fails), member-02 (no worker role). */
    public final List<String> members;

    private MotoOrganization(Moto moto, List<String> members) {
        this.moto = moto;
        this.members = members;
    }

    /** Starts moto and seeds the organization; skips the calling test where moto cannot run here. */
    public static MotoOrganization startOrSkip() throws Exception {
        Moto moto = Moto.startOrSkip();
        Path folder = Files.createTempDirectory("moto-organization");
        Path permissions = folder.resolve("permissions.json");
        Files.writeString(
                permissions, ReferenceDocuments.load().permissionsPolicy().toString());
        Path script = folder.resolve("seed.py");
        Files.writeString(script, SEED);
        Process seed = new ProcessBuilder(
                        "/usr/bin/python3", script.toString(), moto.endpoint().toString(), permissions.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(seed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(seed.waitFor()).as(out).isZero();
        List<String> members =
                out.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertThat(members).hasSize(3);
        // The SDK's own chain reads these first: the sessions opened below sign in to moto as its default account.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        return new MotoOrganization(moto, members);
    }

    /** A live session in the management account, signed in as an admin would be with the SDK's default chain. */
    public Session signIn() {
        return new Sessions(ReferenceDocuments.load().builtInCatalog())
                .open(
                        new SourceRequest(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("us-east-1"),
                                Optional.of(moto.endpoint().toString()),
                                false,
                                Optional.empty()),
                        null,
                        () -> false,
                        false);
    }

    @Override
    public void close() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        moto.close();
    }
}
