package com.workerrolewizard.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.policy.PolicyKind;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.validation.Finding;
import com.workerrolewizard.core.validation.PolicyValidator;
import com.workerrolewizard.sandbox.Sandbox;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** IAM Access Analyzer's ValidatePolicy over real HTTP, SigV4-signed for access-analyzer, against the sandbox's. */
class AccessAnalyzerTest {
    private static AwsClients clients(Sandbox sandbox) {
        return new AwsClients(new ConnectionSettings(
                sandbox.credentials(), Optional.of("eu-west-1"), Optional.of(sandbox.endpoint()), Optional.empty()));
    }

    @Test
    void thePagesDocumentsHaveNoFindingsAndRiskyOnesDo() {
        ReferenceDocuments page = ReferenceDocuments.load();
        try (Sandbox sandbox = Sandbox.start();
                AwsClients clients = clients(sandbox)) {
            PolicyValidator validator = clients.policyValidator();
            assertThat(validator
                            .validate(page.permissionsPolicy().toString(), PolicyKind.IDENTITY)
                            .value())
                    .isEmpty();
            String trust = page.ec2TrustPolicy().toString();
            assertThat(validator.validate(trust, PolicyKind.TRUST).value()).isEmpty();

            Known<List<Finding>> everyone = validator.validate(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                            + "\"Principal\":{\"AWS\":\"*\"}}]}",
                    PolicyKind.TRUST);
            assertThat(everyone.value()).singleElement().satisfies(f -> {
                assertThat(f.type()).isEqualTo("SECURITY_WARNING");
                assertThat(f.blocks()).isFalse();
                assertThat(f.link()).startsWith("https://docs.aws.amazon.com/");
            });
            // The same statement as an identity policy: a Principal there is an error.
            assertThat(validator
                            .validate(
                                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                                            + "\"sts:AssumeRole\",\"Principal\":{\"AWS\":\"*\"},\"Resource\":\"*\"}]}",
                                    PolicyKind.IDENTITY)
                            .value())
                    .extracting(Finding::issueCode)
                    .containsExactly("UNSUPPORTED_PRINCIPAL");
            Known<List<Finding>> broken = validator.validate("{\"Statement\": [", PolicyKind.IDENTITY);
            assertThat(broken.value()).singleElement().satisfies(f -> {
                assertThat(f.blocks()).isTrue();
                assertThat(f.issueCode()).isEqualTo("JSON_SYNTAX_ERROR");
            });
        }
    }

    @Test
    void aRefusedOrUnreachableValidationIsASentenceNeverAFailure() {
        try (Sandbox sandbox = Sandbox.start().refuseValidation();
                AwsClients clients = clients(sandbox)) {
            Known<List<Finding>> refused = clients.policyValidator().validate("{}", PolicyKind.IDENTITY);
            assertThat(refused.isKnown()).isFalse();
            assertThat(refused.unknownBecause())
                    .contains("access-analyzer:ValidatePolicy")
                    .contains("--no-validate");
        }
        Sandbox gone = Sandbox.start();
        try (AwsClients clients = clients(gone)) {
            gone.close();
            Known<List<Finding>> unreachable = clients.policyValidator().validate("{}", PolicyKind.IDENTITY);
            assertThat(unreachable.isKnown()).isFalse();
            assertThat(unreachable.unknownBecause())
                    .startsWith("IAM Access Analyzer could not be reached at 127.0.0.1");
        }
    }

    @Test
    void requestsSignedWithOtherKeysAreRefusedAsTheServiceWould() {
        try (Sandbox sandbox = Sandbox.start();
                Sandbox other = Sandbox.start();
                AwsClients wrongKeys = new AwsClients(new ConnectionSettings(
                        other.credentials(),
                        Optional.of("eu-west-1"),
                        Optional.of(sandbox.endpoint()),
                        Optional.empty()))) {
            Known<List<Finding>> answer = wrongKeys.policyValidator().validate("{}", PolicyKind.IDENTITY);
            assertThat(answer.isKnown()).isFalse();
            assertThat(answer.unknownBecause())
                    .contains("refused the credentials")
                    .contains("HTTP 403");
        }
    }
}
