package com.workerrolewizard.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.plan.LineDiff.Kind;
import com.workerrolewizard.core.plan.LineDiff.Line;
import com.workerrolewizard.core.policy.PolicyJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14: the change preview per operation, with its diff and the AWS CLI command that does the same. */
class ChangePreviewTest {

    @Test
    void eachOperationHasItsTitleItsFixesItsDiffAndItsCommand() {
        FixPlan plan = PlanTextTest.plan("FailsAll");
        ChangePreview preview = ChangePreview.of(plan);
        assertThat(preview.steps())
                .extracting(ChangePreview.Step::title)
                .containsExactly(
                        "1. UpdateAssumeRolePolicy",
                        "2. PutRolePolicy",
                        "3. CreateInstanceProfile",
                        "4. AddRoleToInstanceProfile");
        assertThat(preview.steps().get(0).fixes()).isEqualTo("appliance-trust, ec2-trust");
        assertThat(preview.steps().get(2).fixes()).isEmpty();
        for (int i = 0; i < plan.operations().size(); i++) {
            assertThat(preview.steps().get(i).command())
                    .contains(ShellQuote.awsCli(plan.operations().get(i).cliArguments()));
        }
        assertThat(preview.steps().get(2).diff()).as("no document, no diff").isEmpty();
        assertThat(preview.sections()).extracting(ChangePreview.Section::title).containsExactly("Notes");
    }

    @Test
    void theTrustPolicyDiffAddsTheStatementsAndRemovesNothing() {
        FixPlan plan = PlanTextTest.plan("FailsAll");
        IamOperation.UpdateAssumeRolePolicy update =
                (IamOperation.UpdateAssumeRolePolicy) plan.operations().get(0);
        List<Line> diff = ChangePreview.of(plan).steps().get(0).diff();
        assertThat(diff).noneMatch(l -> l.kind() == Kind.REMOVED);
        assertThat(diff).anyMatch(l -> l.kind() == Kind.ADDED && l.text().contains(PlanTextTest.APPLIANCE_ARN));
        // The after side of the diff, gaps aside, is a run of the new document's lines.
        List<String> after = PolicyJson.pretty(update.after()).lines().toList();
        assertThat(after)
                .containsSubsequence(diff.stream()
                        .filter(l -> l.kind() != Kind.GAP)
                        .map(Line::text)
                        .toList());
    }

    @Test
    void aNewDocumentIsShownWholeAsAddedLines() {
        FixPlan plan = PlanTextTest.plan("FailsAll");
        IamOperation put = plan.operations().get(1);
        List<Line> diff = ChangePreview.of(plan).steps().get(1).diff();
        assertThat(diff).allMatch(l -> l.kind() == Kind.ADDED);
        assertThat(diff)
                .extracting(Line::text)
                .containsExactlyElementsOf(
                        PolicyJson.pretty(put.document().orElseThrow()).lines().toList());
    }
}
