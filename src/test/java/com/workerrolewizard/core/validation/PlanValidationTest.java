package com.workerrolewizard.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.account.Known;
import com.workerrolewizard.core.policy.PolicyKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the plan's validation says and what it blocks, from a validator that answers as told. */
class PlanValidationTest {
    private final List<String> asked = new ArrayList<>();

    private PolicyValidator answering(Known<List<Finding>> trust, Known<List<Finding>> permissions) {
        return (document, kind) -> {
            asked.add(kind + " " + document);
            return kind == PolicyKind.TRUST ? trust : permissions;
        };
    }

    @Test
    void eachDocumentIsValidatedAsWhatItIs() {
        PlanValidation validation =
                PlanValidation.ofExport("{\"t\":1}", "{\"p\":1}", answering(Known.of(List.of()), Known.of(List.of())));
        assertThat(asked).containsExactly("TRUST {\"t\":1}", "IDENTITY {\"p\":1}");
        assertThat(validation.lines()).containsExactly("IAM Access Analyzer: no findings in the 2 documents.");
        assertThat(validation.blocking()).isEmpty();
    }

    @Test
    void onlyAnErrorBlocksAndEveryFindingIsALine() {
        Finding warning = new Finding("SECURITY_WARNING", "TRUST_POLICY_ALLOWS_ANY_PRINCIPAL", "Any principal.", "");
        Finding error = new Finding("ERROR", "JSON_SYNTAX_ERROR", "Fix it.", "https://docs.aws.amazon.com/x");
        PlanValidation validation =
                PlanValidation.ofExport("{}", "{}", answering(Known.of(List.of(warning)), Known.of(List.of(error))));
        assertThat(validation.blocking()).containsExactly(error);
        assertThat(validation.lines())
                .containsExactly(
                        "IAM Access Analyzer, the trust policy: [SECURITY_WARNING] TRUST_POLICY_ALLOWS_ANY_PRINCIPAL: "
                                + "Any principal.",
                        "IAM Access Analyzer, the permissions policy: [ERROR] JSON_SYNTAX_ERROR: Fix it. "
                                + "(https://docs.aws.amazon.com/x)");
    }

    @Test
    void aDocumentThatCouldNotBeValidatedIsSaidAndBlocksNothing() {
        PlanValidation validation = PlanValidation.ofExport(
                "{}",
                "{}",
                answering(
                        Known.unknown("the operator may not call access-analyzer:ValidatePolicy."),
                        Known.of(List.of())));
        assertThat(validation.blocking()).isEmpty();
        assertThat(validation.lines())
                .containsExactly(
                        "IAM Access Analyzer could not validate the document of \"the trust policy\": the operator may "
                                + "not call access-analyzer:ValidatePolicy.",
                        "IAM Access Analyzer: no findings in the document.");
        assertThat(PlanValidation.skipped("--no-validate").lines())
                .containsExactly("IAM Access Analyzer: not validated (--no-validate).");
    }
}
