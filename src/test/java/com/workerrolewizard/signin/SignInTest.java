package com.workerrolewizard.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.signin.ProfileInfo;
import com.workerrolewizard.core.signin.ProfileKind;
import com.workerrolewizard.core.signin.SignInException;
import com.workerrolewizard.core.signin.SignInPrompts;
import com.workerrolewizard.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Signing in the way admins do: profile kinds, assume-role chains with MFA, credential_process (Identity Center:
 * {@link IdentityCenterLoginTest}).
 */
class SignInTest {
    private static final String ACCOUNT = Sandbox.ACCOUNT;

    @TempDir
    Path folder;

    private Sandbox sandbox;
    private FakeIdentityCenter identityCenter;
    private final List<String> asked = new ArrayList<>();
    private final List<String> codes = new ArrayList<>();

    private final SignInPrompts prompts = new SignInPrompts() {
        @Override
        public String mfaCode(String profile, String serial, String retry) {
            asked.add(serial + (retry == null ? "" : " after: " + retry));
            return codes.remove(0);
        }

        @Override
        public void showDeviceCode(String profile, String userCode, String uri, String complete) {
            throw new AssertionError("no Identity Center login here");
        }

        @Override
        public void openAuthorizationPage(String profile, String url) {
            throw new AssertionError("no Identity Center login here");
        }
    };

    @BeforeEach
    void start() throws Exception {
        // The keys the profiles below sign in with, known to the sandbox as an account's access keys are to IAM.
        sandbox = Sandbox.start()
                .addAccessKey("AKIABASEEXAMPLE00001", "base-secret-key-example")
                .addAccessKey("AKIAPROCESSEXAMPLE01", "process-secret");
        identityCenter = new FakeIdentityCenter();
    }

    @AfterEach
    void stop() {
        sandbox.close();
        identityCenter.close();
    }

    private ProfileFile config(String text) throws Exception {
        Path file = Files.writeString(folder.resolve("config"), text);
        return ProfileFile.builder()
                .content(file)
                .type(ProfileFile.Type.CONFIGURATION)
                .build();
    }

    private SsoLogin sso() {
        return new SsoLogin(
                new SsoTokenCache(folder.resolve("sso-cache")),
                Optional.of(identityCenter.endpoint()),
                Optional.of(identityCenter.endpoint()),
                prompts);
    }

    private CredentialsResolver resolver(ProfileFile file) {
        return new CredentialsResolver(file, "us-east-1", Optional.of(sandbox.endpoint()), prompts, sso());
    }

    private String callerArn(AwsCredentialsProvider credentials) {
        try (StsClient sts = StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .endpointOverride(sandbox.endpoint())
                .build()) {
            return sts.getCallerIdentity().arn();
        }
    }

    private static final String CHAIN = """
            [profile base]
            aws_access_key_id = AKIABASEEXAMPLE00001
            aws_secret_access_key = base-secret-key-example
            region = eu-central-1

            [profile hop1]
            role_arn = arn:aws:iam::%1$s:role/Hop1
            source_profile = base

            [profile hop2]
            role_arn = arn:aws:iam::%1$s:role/Hop2
            source_profile = hop1
            mfa_serial = arn:aws:iam::%1$s:mfa/admin
            role_session_name = wizard
            """.formatted(ACCOUNT);

    private void chainRoles() {
        sandbox.addRole(
                "Hop1",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"}}]}");
        sandbox.addRole(
                "Hop2",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":role/Hop1\"},"
                        + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}");
        sandbox.requireMfaCode("123456");
    }

    @Test
    void everyProfileIsListedWithItsKindAndTheBrokenOnesWithTheirReason() throws Exception {
        ProfileFile file = config(CHAIN + """

                [profile orphan]
                role_arn = arn:aws:iam::%1$s:role/X
                source_profile = nowhere

                [profile half]
                aws_access_key_id = AKIAHALFEXAMPLE00001

                [profile corp]
                sso_session = corp
                sso_account_id = %1$s
                sso_role_name = Admin

                [sso-session corp]
                sso_start_url = https://corp.awsapps.com/start
                sso_region = us-east-1

                [profile nosession]
                sso_session = gone
                sso_account_id = %1$s
                sso_role_name = Admin

                [profile proc]
                credential_process = /usr/bin/env true

                [profile web]
                role_arn = arn:aws:iam::%1$s:role/Web
                web_identity_token_file = /nonexistent/token
                """.formatted(ACCOUNT));
        Map<String, ProfileInfo> byName = new java.util.HashMap<>();
        new ProfileCatalog(
                        file,
                        Map.of("AWS_ACCESS_KEY_ID", "AKIAENV", "AWS_SECRET_ACCESS_KEY", "x", "AWS_REGION", "eu-west-3"))
                .profiles()
                .forEach(p -> byName.put(p.name(), p));
        assertThat(byName.get("(environment)").kind()).isEqualTo(ProfileKind.ENVIRONMENT);
        assertThat(byName.get("(environment)").region()).isEqualTo("eu-west-3");
        assertThat(byName.get("base").kind()).isEqualTo(ProfileKind.KEYS);
        assertThat(byName.get("base").usable()).isTrue();
        assertThat(byName.get("hop2").kind()).isEqualTo(ProfileKind.ASSUME_ROLE);
        assertThat(byName.get("hop2").mfa()).isTrue();
        assertThat(byName.get("hop1").mfa()).isFalse();
        assertThat(byName.get("orphan").problem()).contains("source_profile nowhere does not exist");
        assertThat(byName.get("half").problem()).contains("no aws_secret_access_key");
        assertThat(byName.get("corp").kind()).isEqualTo(ProfileKind.SSO);
        assertThat(byName.get("corp").usable()).isTrue();
        assertThat(byName.get("nosession").problem()).contains("[sso-session gone]");
        assertThat(byName.get("proc").kind()).isEqualTo(ProfileKind.PROCESS);
        assertThat(byName.get("web").kind()).isEqualTo(ProfileKind.WEB_IDENTITY);
        assertThat(byName.get("web").problem()).contains("/nonexistent/token");
        assertThat(byName.values())
                .allSatisfy(p -> assertThat(p.problem() == null
                                || Character.isUpperCase(p.problem().charAt(0)))
                        .isTrue());
    }

    @Test
    void anAssumeRoleChainOfTwoHopsAsksForTheMfaCodeAndRetriesAWrongOne() throws Exception {
        chainRoles();
        codes.addAll(List.of("000000", "123456"));
        AwsCredentialsProvider credentials = resolver(config(CHAIN)).resolve("hop2");
        assertThat(callerArn(credentials)).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/Hop2/wizard");
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1)).contains("not accepted");
        AwsCredentials again = credentials.resolveCredentials();
        assertThat(again.accessKeyId()).startsWith("ASIA");
        assertThat(asked).as("the session is kept: no second code").hasSize(2);
    }

    @Test
    void threeWrongMfaCodesEndInOneClearSentence() throws Exception {
        chainRoles();
        codes.addAll(List.of("1", "2", "3"));
        assertThatThrownBy(() -> resolver(config(CHAIN)).resolve("hop2").resolveCredentials())
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("MFA code was not accepted 3 times");
    }

    @Test
    void aBrokenProfileIsRefusedWithItsReason() throws Exception {
        ProfileFile file = config("[profile broken]\nrole_arn = arn:aws:iam::" + ACCOUNT + ":role/X\n");
        assertThatThrownBy(() -> resolver(file).resolve("broken"))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("needs a source_profile or a credential_source");
        assertThatThrownBy(() -> resolver(file).resolve("absent"))
                .isInstanceOf(SignInException.class)
                .hasMessageContaining("is not in");
    }

    @Test
    void credentialProcessProfilesRunTheirCommand() throws Exception {
        Path script = Files.writeString(
                folder.resolve("creds.sh"),
                "#!/bin/sh\necho '{\"Version\": 1, "
                        + "\"AccessKeyId\": \"AKIAPROCESSEXAMPLE01\", \"SecretAccessKey\": \"process-secret\"}'\n");
        script.toFile().setExecutable(true);
        ProfileFile file = config("[profile proc]\ncredential_process = " + script + "\n");
        assertThat(resolver(file).resolve("proc").resolveCredentials().accessKeyId())
                .isEqualTo("AKIAPROCESSEXAMPLE01");
        assertThat(callerArn(resolver(file).resolve("proc"))).contains(":user/sandbox-admin");
    }
}
