package com.workerrolewizard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.policy.PolicyText;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.Tag;

/** Each resource of the sandbox's IAM through the real SDK: what one call writes, the next call reads back. */
class SandboxIamTest {
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";
    private static final String READ = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    private Sandbox sandbox;
    private IamClient iam;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        iam = IamClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(sandbox.credentials())
                .endpointOverride(sandbox.endpoint())
                .build();
    }

    @AfterEach
    void stop() {
        iam.close();
        sandbox.close();
    }

    private String createPolicy(String name) {
        return iam.createPolicy(r -> r.policyName(name).policyDocument(READ))
                .policy()
                .arn();
    }

    @Test
    void rolesAreCreatedReadListedGivenANewTrustAndDeleted() {
        iam.createRole(r -> r.roleName("Worker")
                .path("/veeam/")
                .assumeRolePolicyDocument(TRUST)
                .description("for tests")
                .maxSessionDuration(7200)
                .tags(Tag.builder().key("team").value("backup").build()));
        Role role = iam.getRole(r -> r.roleName("WORKER")).role();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + Sandbox.ACCOUNT + ":role/veeam/Worker");
        assertThat(role.roleId()).startsWith("AROA");
        assertThat(role.description()).isEqualTo("for tests");
        assertThat(role.maxSessionDuration()).isEqualTo(7200);
        assertThat(role.tags())
                .containsExactly(Tag.builder().key("team").value("backup").build());
        assertThat(iam.listRoles(r -> r.pathPrefix("/veeam/")).roles())
                .extracting(Role::roleName)
                .containsExactly("Worker");

        String appliance =
                TRUST.replace("{\"Service\":\"ec2.amazonaws.com\"}", "{\"AWS\":\"" + Sandbox.APPLIANCE + "\"}");
        iam.updateAssumeRolePolicy(r -> r.roleName("worker").policyDocument(appliance));
        assertThat(PolicyText.decode(
                        iam.getRole(r -> r.roleName("Worker")).role().assumeRolePolicyDocument()))
                .isEqualTo(appliance);
        assertThatThrownBy(() -> iam.updateAssumeRolePolicy(
                        r -> r.roleName("Worker").policyDocument(TRUST.replace("ec2.amazonaws.com", "x".repeat(3000)))))
                .isInstanceOf(LimitExceededException.class);

        iam.deleteRole(r -> r.roleName("Worker"));
        assertThatThrownBy(() -> iam.getRole(r -> r.roleName("Worker"))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void aRoleHoldsInlinePoliciesAndAttachedOnesAndCannotBeDeletedWhileItDoes() {
        iam.createRole(r -> r.roleName("Worker").assumeRolePolicyDocument(TRUST));
        iam.putRolePolicy(r -> r.roleName("Worker").policyName("Read").policyDocument(READ));
        assertThat(iam.listRolePolicies(r -> r.roleName("Worker")).policyNames())
                .containsExactly("Read");
        assertThat(PolicyText.decode(iam.getRolePolicy(r -> r.roleName("Worker").policyName("READ"))
                        .policyDocument()))
                .isEqualTo(READ);
        String arn = createPolicy("Managed");
        iam.attachRolePolicy(r -> r.roleName("Worker").policyArn(arn));
        assertThat(iam.listAttachedRolePolicies(r -> r.roleName("Worker")).attachedPolicies())
                .extracting(AttachedPolicy::policyArn)
                .containsExactly(arn);
        assertThatThrownBy(() -> iam.deleteRole(r -> r.roleName("Worker"))).isInstanceOf(DeleteConflictException.class);

        iam.detachRolePolicy(r -> r.roleName("Worker").policyArn(arn));
        assertThatThrownBy(() -> iam.detachRolePolicy(r -> r.roleName("Worker").policyArn(arn)))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteRolePolicy(r -> r.roleName("Worker").policyName("Read"));
        assertThatThrownBy(() -> iam.getRolePolicy(r -> r.roleName("Worker").policyName("Read")))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteRole(r -> r.roleName("Worker"));
    }

    @Test
    void anInstanceProfileTakesARoleGivesItBackAndIsDeletedEmpty() {
        iam.createRole(r -> r.roleName("Worker").assumeRolePolicyDocument(TRUST));
        iam.createInstanceProfile(r -> r.instanceProfileName("WorkerProfile").path("/veeam/"));
        assertThatThrownBy(() -> iam.createInstanceProfile(r -> r.instanceProfileName("workerprofile")))
                .isInstanceOf(EntityAlreadyExistsException.class);
        iam.addRoleToInstanceProfile(r -> r.instanceProfileName("WorkerProfile").roleName("Worker"));
        InstanceProfile profile = iam.getInstanceProfile(r -> r.instanceProfileName("WorkerProfile"))
                .instanceProfile();
        assertThat(profile.arn())
                .isEqualTo("arn:aws:iam::" + Sandbox.ACCOUNT + ":instance-profile/veeam/WorkerProfile");
        assertThat(profile.roles()).extracting(Role::roleName).containsExactly("Worker");
        assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("Worker")).instanceProfiles())
                .extracting(InstanceProfile::instanceProfileName)
                .containsExactly("WorkerProfile");

        iam.removeRoleFromInstanceProfile(
                r -> r.instanceProfileName("WorkerProfile").roleName("Worker"));
        assertThatThrownBy(() -> iam.removeRoleFromInstanceProfile(
                        r -> r.instanceProfileName("WorkerProfile").roleName("Worker")))
                .isInstanceOf(NoSuchEntityException.class);
        iam.deleteInstanceProfile(r -> r.instanceProfileName("WorkerProfile"));
        assertThat(iam.listInstanceProfilesForRole(r -> r.roleName("Worker")).instanceProfiles())
                .isEmpty();
    }

    @Test
    void aManagedPolicyHasItsDocumentAsVersionOneAndCannotBeDeletedWhileAttached() {
        String arn = createPolicy("Managed");
        assertThat(arn).isEqualTo("arn:aws:iam::" + Sandbox.ACCOUNT + ":policy/Managed");
        assertThatThrownBy(() -> createPolicy("MANAGED")).isInstanceOf(EntityAlreadyExistsException.class);
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId())
                .isEqualTo("v1");
        var version =
                iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v1")).policyVersion();
        assertThat(PolicyText.decode(version.document())).isEqualTo(READ);
        assertThat(version.isDefaultVersion()).isTrue();
        assertThatThrownBy(() -> iam.getPolicyVersion(r -> r.policyArn(arn).versionId("v2")))
                .isInstanceOf(NoSuchEntityException.class);

        iam.attachRolePolicy(r -> r.roleName("VeeamWorkerReady").policyArn(arn));
        assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().attachmentCount())
                .isEqualTo(1);
        assertThatThrownBy(() -> iam.deletePolicy(r -> r.policyArn(arn))).isInstanceOf(DeleteConflictException.class);
        iam.detachRolePolicy(r -> r.roleName("VeeamWorkerReady").policyArn(arn));
        iam.deletePolicy(r -> r.policyArn(arn));
        assertThatThrownBy(() -> iam.getPolicy(r -> r.policyArn(arn))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void theAccountDetailsHoldEveryRoleWithWhatItHasAndOnlyThePoliciesInUse() {
        String attached = createPolicy("Attached");
        createPolicy("Unused");
        iam.attachRolePolicy(r -> r.roleName("VeeamWorkerReady").policyArn(attached));
        sandbox.addRoles("Extra", 150).pageCap(40);

        assertThat(iam.listRoles(r -> r.maxItems(500)).roles()).hasSize(40);
        var pages = iam.getAccountAuthorizationDetailsPaginator(r -> r.maxItems(500));
        assertThat(pages.stream().count())
                .as("pages of 100: the list cap does not shorten them")
                .isEqualTo(2);
        var roles = pages.roleDetailList().stream().toList();
        assertThat(roles).hasSize(sandbox.roleCount());
        RoleDetail ready = roles.stream()
                .filter(r -> r.roleName().equals("VeeamWorkerReady"))
                .findFirst()
                .orElseThrow();
        assertThat(ready.instanceProfileList())
                .extracting(InstanceProfile::instanceProfileName)
                .containsExactly("VeeamWorkerReady");
        assertThat(ready.rolePolicyList()).hasSize(1);
        assertThat(ready.attachedManagedPolicies())
                .extracting(AttachedPolicy::policyArn)
                .containsExactly(attached);
        assertThat(iam.getAccountAuthorizationDetails(r -> r.filter(EntityType.LOCAL_MANAGED_POLICY))
                        .policies())
                .extracting(p -> p.policyName())
                .containsExactly("Attached");
        assertThat(iam.getAccountSummary().summaryMapAsStrings()).containsEntry("Roles", sandbox.roleCount());
    }

    @Test
    void anActionTheSandboxDoesNotServeIsRefusedByName() throws Exception {
        var keys = sandbox.credentials().resolveCredentials();
        HttpResponse<String> answer = new PlainRequests(sandbox.endpoint())
                .signed("Action=CreateUser&Version=2010-05-08&UserName=someone", keys);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("<Code>InvalidAction</Code>")
                .contains("The action CreateUser is not valid for this web service");
    }

    @Test
    void aCallWaitsWhileTheAccountIsLockedAndThenSeesTheWholeChange() throws InterruptedException {
        SandboxIam direct = new SandboxIam(Sandbox.ACCOUNT, "aws");
        AtomicReference<String> summary = new AtomicReference<>();
        Thread call = new Thread(() -> summary.set(direct.handle("GetAccountSummary", Map.of())));
        synchronized (direct.account) {
            call.start();
            Thread.State state = call.getState();
            while (state != Thread.State.BLOCKED && state != Thread.State.TERMINATED) {
                Thread.onSpinWait();
                state = call.getState();
            }
            assertThat(state)
                    .as("the call waits for the lock a knob of Sandbox holds")
                    .isEqualTo(Thread.State.BLOCKED);
            direct.roles.put("First", "/", TRUST);
            direct.roles.put("Second", "/", TRUST);
        }
        call.join();
        assertThat(summary.get()).contains("<key>Roles</key><value>2</value>");
    }
}
