package com.workerrolewizard.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.reference.ActionCatalog;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.requirement.PermissionsCheck;
import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleChecker;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline source: the JSON of {@code aws iam get-account-authorization-details}, read into role snapshots.
 * The fixtures are small hand-written copies of that output's shape.
 */
class AuthorizationDetailsTest {

    static final ActionCatalog PAGE = ReferenceDocuments.load().builtInCatalog();
    static final String APPLIANCE = "arn:aws:iam::111122223333:role/VeeamImpersonation";

    static final String TRUST = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"AWS": "arn:aws:iam::111122223333:role/VeeamImpersonation"}},
              {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}
            ]}""";
    static final String EC2_ONLY_TRUST = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}}""";
    static final String PAGE_POLICY =
            ReferenceDocuments.load().permissionsPolicy().toString();
    static final String ALLOW_ALL = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}""";
    static final String ONLY_GET_DOCUMENT = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:GetDocument", "Resource": "*"}]}""";
    static final String SSM_ONLY = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ssm:*", "Resource": "*"}]}""";
    /** A '+' that URL-decoding must keep (IAM percent-encodes it; a form decoder would make it a space). */
    static final String WITH_PLUS = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*",
              "Condition": {"StringEquals": {"aws:PrincipalTag/team": "a+b c"}}}]}""";

    /** As IAM's API returns documents: RFC 3986 percent-encoding (a space is %20, never +). */
    static String encoded(String json) {
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    static String profile(String name) {
        return """
                {"Path": "/", "InstanceProfileName": "%s", "InstanceProfileId": "AIPAEXAMPLE%s",
                 "Arn": "arn:aws:iam::444455556666:instance-profile/%s", "CreateDate": "2024-01-01T00:00:00+00:00", "Roles": []}""".formatted(name, name.toUpperCase(), name);
    }

    static String version(String id, boolean isDefault, String document) {
        return """
                {"Document": %s, "VersionId": "%s", "IsDefaultVersion": %s, "CreateDate": "2024-01-01T00:00:00+00:00"}""".formatted(document, id, isDefault);
    }

    /** The account every test starts from, shaped like the AWS CLI's output (JSON objects, some encoded strings). */
    static final String ACCOUNT = """
            {
              "UserDetailList": [],
              "GroupDetailList": [],
              "RoleDetailList": [
                {
                  "Path": "/service/",
                  "RoleName": "WorkerRole",
                  "RoleId": "AROAEXAMPLEWORKER0001",
                  "Arn": "arn:aws:iam::444455556666:role/service/WorkerRole",
                  "CreateDate": "2024-01-01T00:00:00+00:00",
                  "AssumeRolePolicyDocument": @TRUST@,
                  "InstanceProfileList": [@PROFILE_WORKER@],
                  "RolePolicyList": [{"PolicyName": "VeeamWorker", "PolicyDocument": @PAGE@}],
                  "AttachedManagedPolicies": [],
                  "Tags": [],
                  "RoleLastUsed": {}
                },
                {
                  "Path": "/",
                  "RoleName": "EncodedRole",
                  "RoleId": "AROAEXAMPLEENCODED01",
                  "Arn": "arn:aws:iam::444455556666:role/EncodedRole",
                  "AssumeRolePolicyDocument": "@TRUST_ENC@",
                  "InstanceProfileList": [@PROFILE_A@, @PROFILE_B@],
                  "RolePolicyList": [{"PolicyName": "Plus", "PolicyDocument": "@PLUS_ENC@"}],
                  "AttachedManagedPolicies": [{"PolicyName": "EncodedManaged", "PolicyArn": "arn:aws:iam::444455556666:policy/EncodedManaged"}]
                },
                {
                  "Path": "/",
                  "RoleName": "VersionedRole",
                  "RoleId": "AROAEXAMPLEVERSION01",
                  "Arn": "arn:aws:iam::444455556666:role/VersionedRole",
                  "AssumeRolePolicyDocument": @TRUST@,
                  "InstanceProfileList": [@PROFILE_WORKER@],
                  "RolePolicyList": [],
                  "AttachedManagedPolicies": [{"PolicyName": "Versioned", "PolicyArn": "arn:aws:iam::444455556666:policy/Versioned"}]
                },
                {
                  "Path": "/",
                  "RoleName": "ByIdRole",
                  "RoleId": "AROAEXAMPLEBYID00001",
                  "Arn": "arn:aws:iam::444455556666:role/ByIdRole",
                  "AssumeRolePolicyDocument": @TRUST@,
                  "InstanceProfileList": [],
                  "RolePolicyList": [],
                  "AttachedManagedPolicies": [{"PolicyName": "DefaultById", "PolicyArn": "arn:aws:iam::444455556666:policy/DefaultById"},
                                              {"PolicyName": "DefaultByFlag", "PolicyArn": "arn:aws:iam::444455556666:policy/DefaultByFlag"}]
                },
                {
                  "Path": "/",
                  "RoleName": "FilteredRole",
                  "RoleId": "AROAEXAMPLEFILTER001",
                  "Arn": "arn:aws:iam::444455556666:role/FilteredRole",
                  "AssumeRolePolicyDocument": @TRUST@,
                  "InstanceProfileList": [@PROFILE_WORKER@],
                  "RolePolicyList": [],
                  "AttachedManagedPolicies": [{"PolicyName": "AmazonSSMManagedInstanceCore", "PolicyArn": "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"}]
                },
                {
                  "Path": "/",
                  "RoleName": "NoDefaultRole",
                  "RoleId": "AROAEXAMPLENODEF001",
                  "Arn": "arn:aws:iam::444455556666:role/NoDefaultRole",
                  "AssumeRolePolicyDocument": @TRUST@,
                  "InstanceProfileList": [@PROFILE_WORKER@],
                  "RolePolicyList": [{"PolicyName": "VeeamWorker", "PolicyDocument": @PAGE@}],
                  "AttachedManagedPolicies": [{"PolicyName": "NoDefault", "PolicyArn": "arn:aws:iam::444455556666:policy/NoDefault"}]
                },
                {
                  "Path": "/",
                  "RoleName": "BoundedRole",
                  "RoleId": "AROAEXAMPLEBOUNDED1",
                  "Arn": "arn:aws:iam::444455556666:role/BoundedRole",
                  "AssumeRolePolicyDocument": @TRUST@,
                  "InstanceProfileList": [@PROFILE_WORKER@],
                  "RolePolicyList": [{"PolicyName": "VeeamWorker", "PolicyDocument": @PAGE@}],
                  "AttachedManagedPolicies": [],
                  "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::444455556666:policy/SsmOnlyBoundary"}
                },
                {
                  "Path": "/",
                  "RoleName": "BareRole",
                  "RoleId": "AROAEXAMPLEBARE0001",
                  "Arn": "arn:aws:iam::444455556666:role/BareRole",
                  "AssumeRolePolicyDocument": @EC2_ONLY@,
                  "InstanceProfileList": [],
                  "RolePolicyList": [],
                  "AttachedManagedPolicies": []
                }
              ],
              "Policies": [
                {
                  "PolicyName": "Versioned",
                  "PolicyId": "ANPAEXAMPLEVERSIONED",
                  "Arn": "arn:aws:iam::444455556666:policy/Versioned",
                  "Path": "/",
                  "DefaultVersionId": "v2",
                  "AttachmentCount": 1,
                  "IsAttachable": true,
                  "PolicyVersionList": [@V1_ALL_NOT_DEFAULT@, @V2_GETDOC_DEFAULT@]
                },
                {
                  "PolicyName": "EncodedManaged",
                  "Arn": "arn:aws:iam::444455556666:policy/EncodedManaged",
                  "DefaultVersionId": "v1",
                  "PolicyVersionList": [@V1_PAGE_ENCODED@]
                },
                {
                  "PolicyName": "DefaultById",
                  "Arn": "arn:aws:iam::444455556666:policy/DefaultById",
                  "DefaultVersionId": "v3",
                  "PolicyVersionList": [{"Document": @ALL@, "VersionId": "v1"}, {"Document": @GETDOC@, "VersionId": "v3"}]
                },
                {
                  "PolicyName": "DefaultByFlag",
                  "Arn": "arn:aws:iam::444455556666:policy/DefaultByFlag",
                  "PolicyVersionList": [{"Document": @ALL@, "VersionId": "v1", "IsDefaultVersion": false},
                                        {"Document": @SSM@, "VersionId": "v2", "IsDefaultVersion": true}]
                },
                {
                  "PolicyName": "NoDefault",
                  "Arn": "arn:aws:iam::444455556666:policy/NoDefault",
                  "DefaultVersionId": "v4",
                  "PolicyVersionList": [{"Document": @ALL@, "VersionId": "v1", "IsDefaultVersion": false}]
                },
                {
                  "PolicyName": "SsmOnlyBoundary",
                  "Arn": "arn:aws:iam::444455556666:policy/SsmOnlyBoundary",
                  "DefaultVersionId": "v1",
                  "PolicyVersionList": [{"Document": @SSM@, "VersionId": "v1", "IsDefaultVersion": true}]
                }
              ]
            }
            """.replace("@TRUST@", TRUST)
            .replace("@TRUST_ENC@", encoded(TRUST))
            .replace("@EC2_ONLY@", EC2_ONLY_TRUST)
            .replace("@PAGE@", PAGE_POLICY)
            .replace("@PLUS_ENC@", encoded(WITH_PLUS))
            .replace("@ALL@", ALLOW_ALL)
            .replace("@GETDOC@", ONLY_GET_DOCUMENT)
            .replace("@SSM@", SSM_ONLY)
            .replace("@PROFILE_WORKER@", profile("WorkerProfile"))
            .replace("@PROFILE_A@", profile("ProfileA"))
            .replace("@PROFILE_B@", profile("ProfileB"))
            .replace("@V1_ALL_NOT_DEFAULT@", version("v1", false, ALLOW_ALL))
            .replace("@V2_GETDOC_DEFAULT@", version("v2", true, ONLY_GET_DOCUMENT))
            .replace("@V1_PAGE_ENCODED@", version("v1", true, quoted(encoded(PAGE_POLICY))));

    static AuthorizationDetails account() {
        return AuthorizationDetails.parse(ACCOUNT, "account.json");
    }

    static RequirementResult permissions(RoleSnapshot role) {
        return PermissionsCheck.check(role, PAGE);
    }

    // ---------------------------------------------------------------- reading a role

    @Test
    void readsEveryPartOfARoleWrittenAsJsonObjects() {
        RoleSnapshot role = account().role("WorkerRole");
        assertThat(role.name()).isEqualTo("WorkerRole");
        assertThat(role.arn()).isEqualTo("arn:aws:iam::444455556666:role/service/WorkerRole");
        assertThat(role.path()).isEqualTo("/service/");
        assertThat(role.roleId()).isEqualTo("AROAEXAMPLEWORKER0001");
        assertThat(role.account()).isEqualTo("444455556666");
        assertThat(role.trustPolicy().value().statements()).hasSize(2);
        assertThat(role.instanceProfiles().value())
                .containsExactly(new InstanceProfileRef(
                        "WorkerProfile", "arn:aws:iam::444455556666:instance-profile/WorkerProfile"));
        assertThat(role.policies().value()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(IdentityPolicy.Kind.INLINE);
            assertThat(p.name()).isEqualTo("VeeamWorker");
            assertThat(p.document().isKnown()).isTrue();
        });
        assertThat(role.boundary().value()).isEmpty();
        assertThat(permissions(role).status()).isEqualTo(Status.PASS);
    }

    @Test
    void readsDocumentsGivenAsUrlEncodedStrings() {
        RoleSnapshot role = account().role("EncodedRole");
        // the encoded trust policy is the same two statements as the plain one
        assertThat(role.trustPolicy().value().statements()).hasSize(2);
        assertThat(role.trustPolicy().value().json())
                .isEqualTo(account().role("WorkerRole").trustPolicy().value().json());
        assertThat(role.instanceProfiles().value())
                .extracting(InstanceProfileRef::name)
                .containsExactly("ProfileA", "ProfileB");
        IdentityPolicy inline = role.policies().value().get(0);
        // percent-decoding only: IAM's %2B is a plus, %20 a space
        assertThat(inline.document().value().toJson()).contains("\"a+b c\"");
        IdentityPolicy managed = role.policies().value().get(1);
        assertThat(managed.kind()).isEqualTo(IdentityPolicy.Kind.MANAGED);
        assertThat(managed.arn()).isEqualTo("arn:aws:iam::444455556666:policy/EncodedManaged");
        assertThat(managed.versionId()).isEqualTo("v1");
        assertThat(managed.document().value().json())
                .isEqualTo(ReferenceDocuments.load().permissionsPolicy());
    }

    @Test
    void aPolicyDocumentGivenAsAPlainJsonStringIsNotDecoded() {
        // some tools print documents as JSON text inside a string; a '%' in it must stay a '%'
        String doc =
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\","
                        + "\"Condition\":{\"StringLike\":{\"aws:PrincipalTag/x\":\"100%25 sure\"}}}]}";
        String json = """
                {"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::444455556666:role/R",
                  "AssumeRolePolicyDocument": %s, "InstanceProfileList": [],
                  "RolePolicyList": [{"PolicyName": "P", "PolicyDocument": %s}], "AttachedManagedPolicies": []}]}""".formatted(quoted(EC2_ONLY_TRUST.replace("\"", "\\\"")), quoted(doc.replace("\"", "\\\"")));
        RoleSnapshot role = AuthorizationDetails.parse(json, "plain.json").role("R");
        assertThat(role.policies().value().get(0).document().value().toJson()).contains("100%25 sure");
        assertThat(role.trustPolicy().value().statements()).hasSize(1);
    }

    @Test
    void onlyTheDefaultVersionOfAManagedPolicyCounts() {
        RoleSnapshot role = account().role("VersionedRole");
        IdentityPolicy managed = role.policies().value().get(0);
        assertThat(managed.versionId()).isEqualTo("v2");
        // v1 allows everything but is not the default: only ssm:GetDocument is allowed
        RequirementResult result = permissions(role);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.missing()).hasSize(32).doesNotContain("ssm:GetDocument");
    }

    @Test
    void defaultVersionFoundByDefaultVersionIdOrByIsDefaultVersion() {
        List<IdentityPolicy> policies = account().role("ByIdRole").policies().value();
        assertThat(policies).extracting(IdentityPolicy::name).containsExactly("DefaultById", "DefaultByFlag");
        assertThat(policies).extracting(IdentityPolicy::versionId).containsExactly("v3", "v2");
        // neither v1 (allow everything) is read: GetDocument from v3, ssm:* from v2
        RequirementResult result = permissions(account().role("ByIdRole"));
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.missing()).hasSize(33 - 15).allMatch(a -> !a.startsWith("ssm:"));
    }

    @Test
    void aManagedPolicyWithoutItsDefaultVersionInTheFileIsUnknown() {
        RoleSnapshot role = account().role("NoDefaultRole");
        IdentityPolicy managed = role.policies().value().get(1);
        assertThat(managed.document().isKnown()).isFalse();
        assertThat(managed.document().unknownBecause())
                .contains("arn:aws:iam::444455556666:policy/NoDefault")
                .contains("default version");
        // the inline page policy allows all 33; the unreadable one might deny some
        assertThat(permissions(role).status()).isEqualTo(Status.WARN);
    }

    @Test
    void anAttachedPolicyAbsentFromPoliciesIsUnknownWithAHintAboutFilter() {
        RoleSnapshot role = account().role("FilteredRole");
        IdentityPolicy managed = role.policies().value().get(0);
        assertThat(managed.name()).isEqualTo("AmazonSSMManagedInstanceCore");
        assertThat(managed.document().isKnown()).isFalse();
        assertThat(managed.document().unknownBecause())
                .contains("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")
                .contains("--filter");
        // nothing readable allows anything, and the unreadable policy might: undecidable
        RequirementResult result = permissions(role);
        assertThat(result.status()).isEqualTo(Status.UNKNOWN);
        assertThat(result.detail()).contains("--filter");
    }

    @Test
    void withoutAPoliciesListEveryManagedPolicyIsUnknown() {
        String json = """
                {"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::444455556666:role/R",
                  "AssumeRolePolicyDocument": %s, "InstanceProfileList": [],
                  "RolePolicyList": [{"PolicyName": "VeeamWorker", "PolicyDocument": %s}],
                  "AttachedManagedPolicies": [{"PolicyName": "Mine", "PolicyArn": "arn:aws:iam::444455556666:policy/Mine"}],
                  "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::444455556666:policy/Fence"}}]}""".formatted(EC2_ONLY_TRUST, PAGE_POLICY);
        RoleSnapshot role = AuthorizationDetails.parse(json, "roles-only.json").role("R");
        IdentityPolicy managed = role.policies().value().get(1);
        assertThat(managed.document().unknownBecause())
                .contains("no Policies list")
                .contains("--filter")
                .contains("arn:aws:iam::444455556666:policy/Mine");
        IdentityPolicy boundary = role.boundary().value().orElseThrow();
        assertThat(boundary.kind()).isEqualTo(IdentityPolicy.Kind.BOUNDARY);
        assertThat(boundary.name()).isEqualTo("Fence");
        assertThat(boundary.document().isKnown()).isFalse();
        // inline allows all 33, but neither the managed policy nor the boundary could be read
        RequirementResult result = permissions(role);
        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.detail())
                .contains("permissions boundary could not be read")
                .contains("might deny");
    }

    @Test
    void thePermissionsBoundaryIsReadFromPolicies() {
        RoleSnapshot role = account().role("BoundedRole");
        IdentityPolicy boundary = role.boundary().value().orElseThrow();
        assertThat(boundary.name()).isEqualTo("SsmOnlyBoundary");
        assertThat(boundary.versionId()).isEqualTo("v1");
        RequirementResult result = permissions(role);
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.missing()).hasSize(18);
        assertThat(result.reasons().get("sqs:SendMessage")).contains("SsmOnlyBoundary");
    }

    @Test
    void partsMissingFromTheFileAreUnknownNotEmpty() {
        String json = """
                {"RoleDetailList": [{"RoleName": "Sparse", "Arn": "arn:aws:iam::444455556666:role/Sparse"}], "Policies": []}""";
        RoleSnapshot role = AuthorizationDetails.parse(json, "sparse.json").role("Sparse");
        assertThat(role.trustPolicy().isKnown()).isFalse();
        assertThat(role.instanceProfiles().isKnown()).isFalse();
        RoleReport report = new RoleChecker(PAGE).check(role, AppliancePrincipal.parse(APPLIANCE));
        assertThat(report.requirements().subList(0, 3))
                .extracting(RequirementResult::status)
                .containsExactly(Status.UNKNOWN, Status.UNKNOWN, Status.UNKNOWN);
    }

    @Test
    void policyListsMissingFromTheFileAreUnknownToo() {
        String json = """
                {"RoleDetailList": [{"RoleName": "Sparse", "Arn": "arn:aws:iam::444455556666:role/Sparse"}], "Policies": []}""";
        RoleSnapshot role = AuthorizationDetails.parse(json, "sparse.json").role("Sparse");
        assertThat(permissions(role).status()).isEqualTo(Status.UNKNOWN);
    }

    // ---------------------------------------------------------------- finding a role

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {"WorkerRole", "workerrole", "WORKERROLE", "arn:aws:iam::444455556666:role/service/WorkerRole"})
    void findsARoleByNameIgnoringCaseOrByArn(String wanted) {
        assertThat(account().role(wanted).arn()).isEqualTo("arn:aws:iam::444455556666:role/service/WorkerRole");
    }

    @Test
    void listsRolesInTheFilesOrder() {
        AuthorizationDetails account = account();
        assertThat(account.roleCount()).isEqualTo(8);
        assertThat(account.roleNames())
                .startsWith("WorkerRole", "EncodedRole", "VersionedRole")
                .endsWith("BareRole");
        assertThat(account.allRoles()).extracting(RoleSnapshot::name).containsExactlyElementsOf(account.roleNames());
    }

    @Test
    void anArnWithTheWrongPathIsNotTheRole() {
        // the same name under another path is another role
        assertThatThrownBy(() -> account().role("arn:aws:iam::444455556666:role/WorkerRole"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("is not in account.json");
    }

    @Test
    void anArnWithoutThePathSuggestsTheRolesRealArn() {
        assertThatThrownBy(() -> account().role("arn:aws:iam::444455556666:role/WorkerRole"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Did you mean")
                .hasMessageContaining("WorkerRole");
    }

    @Test
    void anUnknownRoleNearAKnownNameGetsADidYouMeanHint() {
        assertThatThrownBy(() -> account().role("WorkerRol"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Role \"WorkerRol\" is not in account.json")
                .hasMessageContaining("8 roles")
                .hasMessageContaining("Did you mean \"WorkerRole\"?")
                .hasMessageContaining("--all-roles");
    }

    @Test
    void anUnknownRoleFarFromEveryNameGetsNoHint() {
        assertThatThrownBy(() -> account().role("CompletelyDifferentThing"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("\"CompletelyDifferentThing\" is not in account.json")
                .hasMessageNotContaining("Did you mean");
    }

    // ---------------------------------------------------------------- unreadable input

    @Test
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("details.json");
        assertThatThrownBy(() -> AuthorizationDetails.read(file))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void aFolderInsteadOfAFile(@TempDir Path dir) {
        assertThatThrownBy(() -> AuthorizationDetails.read(dir))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("is a folder");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of(
                        "not JSON",
                        "RoleDetailList:\n  - WorkerRole\n",
                        List.of("is not valid JSON", "line ", "column ")),
                Arguments.of(
                        "truncated JSON",
                        "{\"RoleDetailList\": [\n  {\"RoleName\": \"R\"",
                        List.of("is not valid JSON", "line 2")),
                Arguments.of(
                        "JSON without RoleDetailList",
                        "{\"UserDetailList\": [], \"Policies\": []}",
                        List.of("no RoleDetailList", "get-account-authorization-details")),
                Arguments.of("a JSON array", "[]", List.of("no RoleDetailList")),
                Arguments.of("RoleDetailList not an array", "{\"RoleDetailList\": {}}", List.of("no RoleDetailList")),
                Arguments.of("an empty file", "", List.of("get-account-authorization-details")),
                Arguments.of(
                        "two JSON documents in a row",
                        "{\"RoleDetailList\": []}\n{\"RoleDetailList\": []}",
                        List.of("is not valid JSON")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void unreadableFilesGiveOneClearLine(String name, String content, List<String> fragments, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("details.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuthorizationDetails.read(file))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains(file.toString()).doesNotContain("\n");
                    fragments.forEach(f -> assertThat(e.getMessage()).contains(f));
                });
    }

    @Test
    void aFileThatIsNotUtf8SaysSo(@TempDir Path dir) throws IOException {
        // Windows PowerShell 5.1 redirects as UTF-16: the admin needs to hear about the encoding
        Path file = dir.resolve("details.json");
        Files.write(file, "{\"RoleDetailList\": []}".getBytes(StandardCharsets.UTF_16LE));
        Files.write(file, concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, Files.readAllBytes(file)));
        assertThatThrownBy(() -> AuthorizationDetails.read(file))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("details.json");
        Files.writeString(file, "\uFEFF" + ACCOUNT, StandardCharsets.UTF_8);
        assertThat(AuthorizationDetails.read(file).roleCount()).isEqualTo(8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void aMalformedTrustPolicyInsideARoleNamesTheRole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("details.json");
        Files.writeString(file, """
                {"RoleDetailList": [
                  {"RoleName": "Fine", "Arn": "arn:aws:iam::444455556666:role/Fine",
                   "AssumeRolePolicyDocument": %s, "InstanceProfileList": [], "RolePolicyList": [], "AttachedManagedPolicies": []},
                  {"RoleName": "Broken", "Arn": "arn:aws:iam::444455556666:role/Broken",
                   "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Action": "sts:AssumeRole",
                     "Principal": {"Service": "ec2.amazonaws.com"}}]},
                   "InstanceProfileList": [], "RolePolicyList": [], "AttachedManagedPolicies": []}
                ], "Policies": []}""".formatted(EC2_ONLY_TRUST), StandardCharsets.UTF_8);
        AuthorizationDetails details = AuthorizationDetails.read(file);
        // a healthy role in the same file stays readable
        assertThat(details.role("Fine").trustPolicy().isKnown()).isTrue();
        assertThatThrownBy(() -> details.role("Broken"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("trust policy of role \"Broken\"")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("Statement[0].Effect");
        assertThatThrownBy(details::allRoles)
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("\"Broken\"");
    }

    @Test
    void aMalformedPolicyNamesThePolicyAndTheRole() {
        String json = """
                {"RoleDetailList": [{"RoleName": "R", "Arn": "arn:aws:iam::444455556666:role/R",
                  "AssumeRolePolicyDocument": %s, "InstanceProfileList": [],
                  "RolePolicyList": [{"PolicyName": "Typo", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "*"}]}}],
                  "AttachedManagedPolicies": []}]}""".formatted(EC2_ONLY_TRUST);
        assertThatThrownBy(() -> AuthorizationDetails.parse(json, "x.json").role("R"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("Inline policy \"Typo\" of role \"R\"")
                .hasMessageContaining("Statement[0]")
                .hasMessageContaining("Resource");
    }

    @Test
    void aRoleWithoutARoleNameIsRejected() {
        String json = "{\"RoleDetailList\": [{\"Arn\": \"arn:aws:iam::444455556666:role/R\"}]}";
        assertThatThrownBy(() -> AuthorizationDetails.parse(json, "x.json").allRoles())
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("has no RoleName");
    }

    // ---------------------------------------------------------------- end to end

    @Test
    void roleCheckerGivesTheFourResultsInTheContractsOrder() {
        RoleReport report =
                new RoleChecker(PAGE).check(account().role("WorkerRole"), AppliancePrincipal.parse(APPLIANCE));
        assertThat(report.role()).isEqualTo("WorkerRole");
        assertThat(report.arn()).isEqualTo("arn:aws:iam::444455556666:role/service/WorkerRole");
        assertThat(report.requirements())
                .extracting(r -> r.id().id())
                .containsExactly("instance-profile", "appliance-trust", "ec2-trust", "permissions");
        assertThat(report.requirements()).allSatisfy(r -> {
            assertThat(r.status()).as(r.id() + ": " + r.detail()).isEqualTo(Status.PASS);
            assertThat(r.detail()).isNotBlank().doesNotContain("null");
        });
        assertThat(report.requirements().get(0).detail()).contains("\"WorkerProfile\"");
    }

    @Test
    void roleCheckerOnARoleWithProblems() {
        RoleReport report =
                new RoleChecker(PAGE).check(account().role("BareRole"), AppliancePrincipal.parse(APPLIANCE));
        assertThat(report.requirements())
                .extracting(RequirementResult::id)
                .containsExactly(
                        RequirementId.INSTANCE_PROFILE,
                        RequirementId.APPLIANCE_TRUST,
                        RequirementId.EC2_TRUST,
                        RequirementId.PERMISSIONS);
        assertThat(report.requirements())
                .extracting(RequirementResult::status)
                .containsExactly(Status.FAIL, Status.FAIL, Status.PASS, Status.FAIL);
        assertThat(report.requirements().get(1).detail()).contains(APPLIANCE);
        assertThat(report.requirements().get(3).missing()).hasSize(33);
        assertThat(report.any(Status.FAIL)).isTrue();
    }

    @Test
    void roleCheckerOnEncodedDocumentsAgreesWithPlainOnes() {
        // same account, documents as the raw API returns them: same statuses
        RoleChecker checker = new RoleChecker(PAGE);
        AppliancePrincipal appliance = AppliancePrincipal.parse(APPLIANCE);
        assertThat(checker.check(account().role("EncodedRole"), appliance).requirements())
                .extracting(RequirementResult::status)
                .containsOnly(Status.PASS);
    }

    @Test
    void snapshotsAreIndependentOfLookupOrder() {
        // boundary stays empty for a role without PermissionsBoundary even after reading a bounded one
        AuthorizationDetails account = account();
        account.role("BoundedRole");
        assertThat(account.role("WorkerRole").boundary().value()).isEqualTo(Optional.empty());
    }
}
