package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import com.workerrolewizard.core.text.ControlCharacters;
import com.workerrolewizard.core.text.HostileText;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** check's text report: a name or detail from outside cannot add a line or a colour; the report's own colours stay. */
class TextReportTest {
    static RoleReport report(String role, String detail, List<String> missing) {
        return new RoleReport(
                role,
                "arn:aws:iam::444455556666:role/" + role,
                List.of(
                        RequirementResult.of(
                                RequirementId.INSTANCE_PROFILE, Status.PASS, "In instance profile " + role + "."),
                        RequirementResult.of(RequirementId.APPLIANCE_TRUST, Status.FAIL, detail),
                        RequirementResult.of(
                                RequirementId.EC2_TRUST,
                                Status.WARN,
                                "Statement 1 (Sid \"" + detail + "\") has a Condition."),
                        new RequirementResult(
                                RequirementId.PERMISSIONS,
                                Status.FAIL,
                                "Missing " + missing.size() + " actions.",
                                missing,
                                Map.of())));
    }

    @Test
    void aForgedNameShowsAsEscapesAndFakesNoLine() {
        String forged = "Evil\n\u001b[32m  [PASS]    appliance-trust   all good\u001b[0m\u202e";
        String text = TextReport.render(
                "arn:aws:iam::111122223333:role/A\u001b]0;x\u0007",
                "the page's 33 actions",
                List.of(report(forged, forged, List.of("a:B" + forged, "c:D", "e:F", "g:H", "i:J", "k:L"))),
                false);
        assertThat(HostileText.hasRawControl(text)).as(text).isFalse();
        assertThat(text)
                .startsWith("Role Evil\\n\\u001b[32m  [PASS]    appliance-trust   all good\\u001b[0m\\u202e  arn:");
        // The forged "[PASS]" stays inside the line of the name it is part of: one real PASS line, one per requirement.
        assertThat(text.lines().filter(l -> l.startsWith("  [PASS]")).count())
                .as(text)
                .isEqualTo(1);
        assertThat(text.lines().filter(l -> l.startsWith("  [")).count())
                .as(text)
                .isEqualTo(4);
        assertThat(text).contains("Appliance arn:aws:iam::111122223333:role/A\\u001b]0;x\\u0007;");
    }

    @Test
    void theReportsOwnColoursStayAndNoOthersAreAdded() {
        String forged = "x\u001b[31my";
        String text = TextReport.render(
                "arn:aws:iam::111122223333:role/A",
                "the page's 33 actions",
                List.of(report(forged, forged, List.of("a:B"))),
                true);
        // Four marks, each painted once: "ESC[1;NNm" and "ESC[0m".
        assertThat(text.chars().filter(c -> c == 0x1b).count()).isEqualTo(8);
        assertThat(text).contains("x\\u001b[31my");
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.strings();
    }

    @Property(tries = 300)
    void anyHostileTextKeepsTheReportsLines(@ForAll("hostile") String role, @ForAll("hostile") String detail) {
        String text = TextReport.render(
                "arn:aws:iam::111122223333:role/A",
                "the page's 33 actions",
                List.of(report(role, detail, List.of("a:B"))),
                false);
        assertThat(HostileText.hasRawControl(text)).isFalse();
        assertThat(text).startsWith("Role " + ControlCharacters.escape(role) + "  arn:");
        // One line per requirement: each starts with its mark, and none starts otherwise except wrapped details.
        assertThat(text.lines().filter(l -> l.startsWith("  [")).count()).isEqualTo(4);
        assertThat(text.lines().filter(l -> l.startsWith("Role ")).count()).isEqualTo(1);
    }
}
