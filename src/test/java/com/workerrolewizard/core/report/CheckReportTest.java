package com.workerrolewizard.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The check report for a change ticket: what it says, and that no value from outside breaks out of its place. */
class CheckReportTest {
    static final String HOSTILE = "a|b <script>alert(1)</script> `x`\nsecond line \u001b[31m";

    static RoleReport report(String role, String detail) {
        return new RoleReport(
                role,
                "arn:aws:iam::444455556666:role/" + role,
                List.of(
                        RequirementResult.of(RequirementId.INSTANCE_PROFILE, Status.PASS, "In profile " + role + "."),
                        RequirementResult.of(RequirementId.APPLIANCE_TRUST, Status.FAIL, detail),
                        RequirementResult.of(RequirementId.EC2_TRUST, Status.PASS, "Statement 1."),
                        new RequirementResult(
                                RequirementId.PERMISSIONS,
                                Status.FAIL,
                                "1 of 33 missing.",
                                List.of("ssm:PutInventory"),
                                Map.of("ssm:PutInventory", "denied by statement 2 | of \"Guard\""))));
    }

    static CheckReport.Context context(Map<String, List<String>> applied) {
        return new CheckReport.Context(
                "arn:aws:iam::111122223333:role/Veeam`Impersonation",
                "the sandbox account <b>",
                "33 required actions from the Veeam Backup for AWS page",
                Instant.parse("2026-11-30T10:00:00Z"),
                applied);
    }

    @Test
    void markdownKeepsEveryValueInItsCell() {
        String md = CheckReport.markdown(
                List.of(report("Worker", HOSTILE)),
                context(Map.of("Worker", List.of("2026-11-30T09:00:00Z, fix: PutRolePolicy"))));
        String row = md.lines()
                .filter(l ->
                        l.startsWith("| Appliance trust") || l.startsWith("| " + RequirementId.APPLIANCE_TRUST.title()))
                .findFirst()
                .orElseThrow();
        // One table row, its pipes escaped, the newline a <br>, the escape sequence shown, not sent to a terminal.
        assertThat(row)
                .contains("a\\|b")
                .contains("<br>second line")
                .contains("\\u001b[31m")
                .doesNotContain("\u001b");
        assertThat(md)
                .contains("- `ssm:PutInventory`: denied by statement 2 \\| of \"Guard\"")
                .contains("- Appliance: `arn:aws:iam::111122223333:role/Veeam'Impersonation`")
                .contains("## Changes applied by Worker Role Wizard\n\n- 2026-11-30T09:00:00Z, fix: PutRolePolicy")
                .contains("- Checked: 2026-11-30T10:00:00Z");
    }

    @Test
    void htmlEscapesEveryValueAndParses() throws Exception {
        String html = CheckReport.html(List.of(report("Worker", HOSTILE), report("Other", "fine.")), context(Map.of()));
        assertThat(html)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;")
                .contains("the sandbox account &lt;b&gt;")
                .contains("<title>Worker role check: 2 roles</title>");
        Document page = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(
                        html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        assertThat(page.getElementsByTagName("section").getLength()).isEqualTo(2);
        assertThat(page.getElementsByTagName("tr").getLength()).isEqualTo(2 * 5);
        // No journal was asked: no section claims what was applied.
        assertThat(html).doesNotContain("Changes applied");
    }

    @Test
    void acrossAccountsTheMatrixShowsEachAccountsWorstStatusAndTheAccountsNotChecked() throws Exception {
        List<CheckReport.AccountSection> accounts = List.of(
                new CheckReport.AccountSection("111111111111", "Prod | A", null, List.of(report("Worker", "No."))),
                new CheckReport.AccountSection("222222222222", "", "Cannot enter account 222222222222 <x>", List.of()));
        String md = CheckReport.accountsMarkdown(accounts, context(Map.of()));
        assertThat(md)
                .startsWith("# Worker role check: 2 accounts")
                .contains("| Account | Name | instance-profile | appliance-trust | ec2-trust | permissions |")
                .contains("| 111111111111 | Prod \\| A | PASS | FAIL | PASS | FAIL |")
                .contains("| 222222222222 |  | UNKNOWN | UNKNOWN | UNKNOWN | UNKNOWN |")
                .contains("## Account 222222222222\n\nNot checked: Cannot enter account 222222222222 <x>")
                .contains("### Worker")
                .contains("#### Missing actions");

        String html = CheckReport.accountsHtml(accounts, context(Map.of()));
        assertThat(html).contains("Not checked: Cannot enter account 222222222222 &lt;x&gt;");
        Document page = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(
                        html.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        // Two accounts' sections, the role's own section inside the first.
        assertThat(page.getElementsByTagName("section").getLength()).isEqualTo(3);
        assertThat(page.getElementsByTagName("h2").getLength()).isEqualTo(2);
    }
}
