package com.workerrolewizard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The sandbox answers only requests signed (SigV4) with its own credentials, refusing others as IAM does. Requests
 * come from a plain HTTP client, as any local process could send them, signed by the SDK's signer where signed.
 */
class SandboxAuthenticationTest {
    private static final String GET_ROLE = "Action=GetRole&Version=2010-05-08&RoleName=VeeamWorkerReady";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you "
            + "provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
    private Sandbox sandbox;
    private PlainRequests http;
    private AwsCredentialsIdentity keys;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start();
        http = new PlainRequests(sandbox.endpoint());
        AwsCredentials credentials = sandbox.credentials().resolveCredentials();
        keys = AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aRequestSignedWithTheSandboxsKeysIsAnswered() throws Exception {
        HttpResponse<String> response = http.signed(GET_ROLE, keys);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<RoleName>VeeamWorkerReady</RoleName>");
    }

    @Test
    void anUnsignedRequestIsMissingItsAuthenticationToken() throws Exception {
        HttpResponse<String> response = http.unsigned(GET_ROLE);
        assertRefused(response, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
        assertThat(response.body()).doesNotContain("VeeamWorkerReady");
    }

    @Test
    void anUnknownAccessKeyIsAnInvalidClientTokenId() throws Exception {
        HttpResponse<String> response =
                http.signed(GET_ROLE, AwsCredentialsIdentity.create("AKIAUNKNOWNKEY000001", keys.secretAccessKey()));
        assertRefused(response, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    @Test
    void aWrongSecretDoesNotMatchTheSignature() throws Exception {
        String wrong = keys.secretAccessKey().substring(1) + "x";
        assertRefused(
                http.signed(GET_ROLE, AwsCredentialsIdentity.create(keys.accessKeyId(), wrong)),
                403,
                "SignatureDoesNotMatch",
                MISMATCH);
    }

    @Test
    void aBodyChangedAfterSigningDoesNotMatchTheSignature() throws Exception {
        byte[] signed = GET_ROLE.getBytes(StandardCharsets.UTF_8);
        byte[] tampered =
                GET_ROLE.replace("VeeamWorkerReady", "WorkerFailingAll").getBytes(StandardCharsets.UTF_8);
        assertRefused(http.signed(signed, tampered, keys, Clock.systemUTC()), 403, "SignatureDoesNotMatch", MISMATCH);
    }

    @Test
    void aSignatureOlderThanFifteenMinutesHasExpired() throws Exception {
        byte[] body = GET_ROLE.getBytes(StandardCharsets.UTF_8);
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
        HttpResponse<String> response = http.signed(body, body, keys, past);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body())
                .contains("<Code>SignatureDoesNotMatch</Code>")
                .contains("Signature expired");
        Clock slightlyOff = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5));
        assertThat(http.signed(body, body, keys, slightlyOff).statusCode()).isEqualTo(200);
    }

    @Test
    void eachSandboxHasItsOwnRandomKeysThatNoOtherSandboxTakes() throws Exception {
        assertThat(keys.accessKeyId()).matches("AKIA[A-Z0-9]{16}");
        assertThat(keys.secretAccessKey()).hasSize(40);
        try (Sandbox other = Sandbox.start()) {
            AwsCredentials theirs = other.credentials().resolveCredentials();
            assertThat(theirs.accessKeyId()).isNotEqualTo(keys.accessKeyId());
            assertThat(theirs.secretAccessKey()).isNotEqualTo(keys.secretAccessKey());
            assertRefused(
                    new PlainRequests(other.endpoint()).signed(GET_ROLE, keys),
                    403,
                    "InvalidClientTokenId",
                    "The security token included in the request is invalid.");
        }
        assertThat(sandbox.credentials().toString() + sandbox.credentials().resolveCredentials())
                .doesNotContain(keys.secretAccessKey());
    }

    @Test
    void sessionsFromTheSandboxsStsVerifyWithTheirTokenOnly() throws Exception {
        Credentials session;
        try (StsClient sts = StsClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.EU_WEST_1)
                .credentialsProvider(sandbox.credentials())
                .endpointOverride(sandbox.endpoint())
                .build()) {
            session = sts.assumeRole(r -> r.roleArn(Sandbox.APPLIANCE).roleSessionName("s"))
                    .credentials();
        }
        assertThat(session.accessKeyId()).matches("ASIA[A-Z0-9]{16}");
        assertThat(session.secretAccessKey()).hasSize(40);
        HttpResponse<String> withToken = http.signed(
                GET_ROLE,
                AwsSessionCredentialsIdentity.create(
                        session.accessKeyId(), session.secretAccessKey(), session.sessionToken()));
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertRefused(
                http.signed(GET_ROLE, AwsCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey())),
                403,
                "InvalidClientTokenId",
                "The security token included in the request is invalid.");
    }

    @Test
    void webIdentitySignInNeedsNoSignatureAsInSts() throws Exception {
        HttpResponse<String> response = http.unsigned("Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn="
                + "arn%3Aaws%3Aiam%3A%3A" + Sandbox.ACCOUNT + "%3Arole%2FVeeamWorkerReady&RoleSessionName=w"
                + "&WebIdentityToken=eyJ.token");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("<AccessKeyId>ASIA");
        assertRefused(
                http.unsigned("Action=GetCallerIdentity&Version=2011-06-15"),
                403,
                "MissingAuthenticationToken",
                "Request is missing Authentication Token");
    }

    static void assertRefused(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/xml");
        assertThat(response.body())
                .matches("<ErrorResponse xmlns=\"[^\"]+\"><Error><Type>Sender</Type><Code>" + code
                        + "</Code><Message>\\Q" + message
                        + "\\E</Message></Error><RequestId>[0-9a-f-]{36}</RequestId></ErrorResponse>");
    }
}
