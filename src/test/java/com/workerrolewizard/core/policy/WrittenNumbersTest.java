package com.workerrolewizard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.account.AuthorizationDetails;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Partition;
import com.workerrolewizard.core.plan.IamLimits;
import com.workerrolewizard.core.plan.TrustPolicyMerge;
import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.core.reference.WorkerDocuments;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers in a policy document keep the text they were written with through parse, tree, merge and print
 * ({@code 1e3} never becomes {@code 1E+3}), and IAM's size count counts that text.
 */
class WrittenNumbersTest {
    private static final ReferenceDocuments REFERENCES = ReferenceDocuments.load();
    private static final WorkerDocuments DOCUMENTS = new WorkerDocuments(REFERENCES, REFERENCES.builtInCatalog());
    private static final AppliancePrincipal APPLIANCE =
            AppliancePrincipal.parse("arn:aws:iam::111122223333:role/VeeamImpersonation");

    static String trustWith(String number) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Condition\":{\"NumericLessThan\":"
                + "{\"aws:MultiFactorAuthAge\":" + number + "}},\"Weights\":[" + number + "," + number + "]}]}";
    }

    /** Every number JSON's grammar allows: sign, integer part, fraction, exponent with either e and any sign. */
    @Provide
    Arbitrary<String> numbers() {
        Arbitrary<String> digits =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> integer = Arbitraries.oneOf(
                Arbitraries.just("0"),
                Combinators.combine(Arbitraries.integers().between(1, 9), digits.injectNull(0.3))
                        .as((first, rest) -> first + (rest == null ? "" : rest)));
        Arbitrary<String> fraction = digits.map(d -> "." + d).injectNull(0.5);
        Arbitrary<String> exponent = Combinators.combine(
                        Arbitraries.of("e", "E"),
                        Arbitraries.of("", "+", "-"),
                        Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4))
                .as((e, sign, d) -> e + sign + d)
                .injectNull(0.5);
        return Combinators.combine(Arbitraries.of("", "-"), integer, fraction, exponent)
                .as((sign, i, f, e) -> sign + i + (f == null ? "" : f) + (e == null ? "" : e));
    }

    @Property(tries = 400)
    void aNumberComesBackAsWrittenThroughParseMergeAndPrint(@ForAll("numbers") String number) {
        String json = trustWith(number);
        PolicyDocument document = PolicyDocument.parse(json, PolicyKind.TRUST);
        assertThat(document.toJson()).isEqualTo(json);
        TrustPolicyMerge.Result merge = TrustPolicyMerge.merge(document, APPLIANCE, Partition.AWS, DOCUMENTS);
        assertThat(merge.changed()).isTrue();
        String after = merge.after().toString();
        assertThat(after).startsWith(json.substring(0, json.length() - 2));
        assertThat(PolicyJson.pretty(merge.after())).contains("\"aws:MultiFactorAuthAge\": " + number + "\n");
        // The value is the number's value, whatever its text.
        JsonNode read = merge.after()
                .get("Statement")
                .get(0)
                .get("Condition")
                .get("NumericLessThan")
                .get("aws:MultiFactorAuthAge");
        assertThat(read.isNumber()).isTrue();
        assertThat(read.decimalValue()).isEqualByComparingTo(new BigDecimal(number));
        // IAM counts the document as written, without whitespace: the compact text is the input, character for
        // character.
        assertThat(PolicyJson.iamSize(document.json())).isEqualTo(json.length());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1e3",
                "1E3",
                "1e+3",
                "1.0e-2",
                "-0",
                "-0.0",
                "10.50",
                "1.0",
                "0.000",
                "12345678901234567890123",
                "-98765432109876543210.000",
                "1E-400",
                "3600"
            })
    void readingAndPrintingKeepTheText(String number) throws Exception {
        JsonNode tree = Json.MAPPER.readTree("{\"n\":" + number + "}");
        assertThat(tree.toString()).isEqualTo("{\"n\":" + number + "}");
        assertThat(PolicyJson.pretty(tree)).isEqualTo("{\n    \"n\": " + number + "\n}\n");
        assertThat(tree.get("n").asText()).isEqualTo(number);
        assertThat(tree.get("n").decimalValue()).isEqualByComparingTo(new BigDecimal(number));
        assertThat((Object) tree.deepCopy()).isEqualTo(tree);
    }

    @Test
    void aNumberJacksonPrintsAsWrittenIsJacksonsOwnNode() throws Exception {
        // Only numbers Jackson would rewrite get a node of their own: 3600 stays an int, as every other reader has it.
        assertThat(Json.MAPPER.readTree("3600").isInt()).isTrue();
        assertThat(Json.MAPPER.readTree("1.50").isBigDecimal()).isTrue();
        assertThat(Json.MAPPER.readTree("1e3").isBigDecimal()).isTrue();
        assertThat(Json.MAPPER.readTree("-0").isIntegralNumber()).isTrue();
        assertThat(Json.MAPPER.readTree("1e3")).isNotEqualTo(Json.MAPPER.readTree("1000"));
    }

    @Test
    void aNumberInAnAuthorizationDetailsFileSurvivesTheFixOfItsRole() {
        String file = """
                {"RoleDetailList": [{"Path": "/", "RoleName": "Numbers", "RoleId": "AROAEXAMPLEEXAMPLE01",
                  "Arn": "arn:aws:iam::444455556666:role/Numbers", "AssumeRolePolicyDocument": %s,
                  "InstanceProfileList": [], "RolePolicyList": [], "AttachedManagedPolicies": []}], "Policies": []}
                """.formatted(trustWith("1e3"));
        ObjectNode trust = AuthorizationDetails.parse(file, "test input")
                .role("Numbers")
                .trustPolicy()
                .value()
                .json();
        TrustPolicyMerge.Result merge = TrustPolicyMerge.merge(
                PolicyDocument.parse(trust.toString(), PolicyKind.TRUST), APPLIANCE, Partition.AWS, DOCUMENTS);
        assertThat(merge.after().toString())
                .contains("\"aws:MultiFactorAuthAge\":1e3}")
                .contains("[1e3,1e3]")
                .doesNotContain("1E+3");
    }

    @Test
    void theSizeLimitCountsTheNumberAsWritten() {
        // 1 followed by 900 zeros, times 10^-900: the value is 1, the text 906 characters, three times in the document.
        String longOne = "1" + "0".repeat(900) + "e-900";
        JsonNode document =
                PolicyDocument.parse(trustWith(longOne), PolicyKind.TRUST).json();
        assertThat(PolicyJson.iamSize(document))
                .isEqualTo(trustWith(longOne).length())
                .isGreaterThan(3 * 906);
        assertThat(IamLimits.trustPolicySize(document, 2_048)).isPresent();
        assertThat(IamLimits.trustPolicySize(
                        PolicyDocument.parse(trustWith("1"), PolicyKind.TRUST).json(), 2_048))
                .isEmpty();
    }
}
