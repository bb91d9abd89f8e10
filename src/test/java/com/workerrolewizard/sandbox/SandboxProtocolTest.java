package com.workerrolewizard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/** The sandbox speaks IAM's and STS's wire protocol: the real SDK's typed errors and answers come through. */
class SandboxProtocolTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
    private Sandbox sandbox;
    private IamClient iam;
    private StsClient sts;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        var keys = sandbox.credentials();
        iam = IamClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(keys)
                .endpointOverride(sandbox.endpoint())
                .build();
        sts = StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(keys)
                .endpointOverride(sandbox.endpoint())
                .build();
    }

    @AfterEach
    void stop() {
        iam.close();
        sts.close();
        sandbox.close();
    }

    @Test
    void roleNamesAreCaseInsensitiveAndUnique() {
        assertThat(iam.getRole(r -> r.roleName("veeamworkerready")).role().roleName())
                .isEqualTo("VeeamWorkerReady");
        assertThatThrownBy(
                        () -> iam.createRole(r -> r.roleName("VEEAMWORKERREADY").assumeRolePolicyDocument(TRUST)))
                .isInstanceOf(EntityAlreadyExistsException.class);
        assertThatThrownBy(() -> iam.getRole(r -> r.roleName("Nobody"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void badNamesAndDocumentsAreRefusedAsIamRefusesThem() {
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("has space").assumeRolePolicyDocument(TRUST)))
                .isInstanceOfSatisfying(
                        AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError"));
        assertThatThrownBy(() -> iam.createRole(r -> r.roleName("Fine").assumeRolePolicyDocument("{\"Statement\":")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        assertThatThrownBy(() -> iam.putRolePolicy(r -> r.roleName("VeeamWorkerReady")
                        .policyName("P")
                        .policyDocument("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\"}]}")))
                .isInstanceOf(MalformedPolicyDocumentException.class)
                .hasMessageContaining("Resource");
    }

    @Test
    void anInstanceProfileHoldsOneRoleAndCannotBeDeletedWhileItDoes() {
        assertThatThrownBy(() -> iam.addRoleToInstanceProfile(
                        r -> r.instanceProfileName("VeeamWorkerReady").roleName("WorkerWithoutInstanceProfile")))
                .isInstanceOf(LimitExceededException.class);
        assertThatThrownBy(() -> iam.deleteInstanceProfile(r -> r.instanceProfileName("VeeamWorkerReady")))
                .isInstanceOf(DeleteConflictException.class);
    }

    @Test
    void documentsTravelUrlEncodedAsIamSendsThem() {
        String sent = iam.getRole(r -> r.roleName("VeeamWorkerReady")).role().assumeRolePolicyDocument();
        assertThat(sent).startsWith("%7B%22Version%22").doesNotContain("{");
    }

    @Test
    void assumeRoleHonoursTheTrustPolicy() {
        String appliance = Sandbox.APPLIANCE;
        AssumeRoleResponse asAppliance =
                sts.assumeRole(r -> r.roleArn(appliance).roleSessionName("appliance"));
        var session = StaticCredentialsProvider.create(AwsSessionCredentials.create(
                asAppliance.credentials().accessKeyId(),
                asAppliance.credentials().secretAccessKey(),
                asAppliance.credentials().sessionToken()));
        try (StsClient applianceSts = StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(session)
                .endpointOverride(sandbox.endpoint())
                .build()) {
            assertThat(applianceSts.getCallerIdentity().arn())
                    .contains("assumed-role/VeeamBackupImpersonation/appliance");
            String worker = "arn:aws:iam::" + Sandbox.ACCOUNT + ":role/VeeamWorkerReady";
            assertThat(applianceSts
                            .assumeRole(r -> r.roleArn(worker).roleSessionName("w"))
                            .assumedRoleUser()
                            .arn())
                    .endsWith(":assumed-role/VeeamWorkerReady/w");
            String untrusting = "arn:aws:iam::" + Sandbox.ACCOUNT + ":role/WorkerWithoutApplianceTrust";
            assertThatThrownBy(() ->
                            applianceSts.assumeRole(r -> r.roleArn(untrusting).roleSessionName("w")))
                    .isInstanceOfSatisfying(
                            AwsServiceException.class,
                            e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void listsArePagedWithMarkers() {
        sandbox.addRoles("Paged", 30);
        var first = iam.listRoles(r -> r.maxItems(10));
        assertThat(first.roles()).hasSize(10);
        assertThat(first.isTruncated()).isTrue();
        var second = iam.listRoles(r -> r.maxItems(10).marker(first.marker()));
        assertThat(second.roles().get(0).roleName())
                .isNotEqualTo(first.roles().get(0).roleName());
        assertThat(iam.listRolesPaginator(r -> r.maxItems(7)).roles().stream().count())
                .isEqualTo(37);
        assertThat(Optional.ofNullable(
                        iam.getAccountSummary().summaryMapAsStrings().get("AssumeRolePolicySizeQuota")))
                .contains(2048);
    }
}
