package com.workerrolewizard.ui.role;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.requirement.RequirementId;
import com.workerrolewizard.core.requirement.RequirementResult;
import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Status column's words, tooltips and order, from the four results of a role. */
class RoleStatusTest {
    /** A report with these four statuses, in the contract's order of requirements. */
    private static RoleStatus status(Status profile, Status appliance, Status ec2, Status permissions) {
        Status[] statuses = {profile, appliance, ec2, permissions};
        List<RequirementResult> results = new ArrayList<>();
        for (RequirementId id : RequirementId.four()) {
            results.add(RequirementResult.of(id, statuses[id.ordinal()], "detail of " + id.id()));
        }
        return RoleStatus.of(new RoleReport("Role", "arn:aws:iam::123456789012:role/Role", results));
    }

    @Test
    void allFourHoldingIsReadyAndAWarningIsNamedInTheTooltip() {
        RoleStatus ready = status(Status.PASS, Status.PASS, Status.PASS, Status.PASS);
        assertThat(ready.kind()).isEqualTo(RoleStatus.Kind.READY);
        assertThat(ready.text()).isEqualTo("Ready");
        assertThat(ready.why()).isEqualTo("Meets all 4 requirements.");

        RoleStatus warned = status(Status.PASS, Status.WARN, Status.PASS, Status.WARN);
        assertThat(warned.text()).isEqualTo("Ready");
        assertThat(warned.why()).contains("appliance-trust, permissions").doesNotContain("ec2-trust");
    }

    @Test
    void failuresAreCountedAndTheTooltipNamesEachFailingRequirement() {
        RoleStatus one = status(Status.PASS, Status.PASS, Status.FAIL, Status.PASS);
        assertThat(one.text()).isEqualTo("1 of 4 failing");
        assertThat(one.failing()).containsExactly("ec2-trust");
        assertThat(one.why()).isEqualTo("Failing: ec2-trust.");

        RoleStatus all = status(Status.FAIL, Status.FAIL, Status.FAIL, Status.FAIL);
        assertThat(all.text()).isEqualTo("4 of 4 failing");
        assertThat(all.why()).isEqualTo("Failing: instance-profile, appliance-trust, ec2-trust, permissions.");

        RoleStatus failingAndUndecided = status(Status.FAIL, Status.PASS, Status.PASS, Status.UNKNOWN);
        assertThat(failingAndUndecided.text()).as("a FAIL outweighs an UNKNOWN").isEqualTo("1 of 4 failing");
        assertThat(failingAndUndecided.why())
                .contains("Failing: instance-profile.")
                .contains("Not decided: permissions: detail of permissions");
    }

    @Test
    void anUndecidedRequirementWithoutAFailureIsUnknownWithItsReason() {
        RoleStatus unknown = status(Status.PASS, Status.UNKNOWN, Status.PASS, Status.WARN);
        assertThat(unknown.kind()).isEqualTo(RoleStatus.Kind.UNKNOWN);
        assertThat(unknown.text()).isEqualTo("Unknown");
        assertThat(unknown.why()).isEqualTo("Not decided: appliance-trust: detail of appliance-trust");

        RoleStatus unread = RoleStatus.unknown("The status could not be read: the network is down.");
        assertThat(unread.text()).isEqualTo("Unknown");
        assertThat(unread.why()).isEqualTo("The status could not be read: the network is down.");
        assertThat(RoleStatus.CHECKING.text()).isEqualTo("Checking…");
    }

    @Test
    void sortingPutsReadyFirstThenFewestFailingThenUnknownThenChecking() {
        RoleStatus ready = status(Status.PASS, Status.PASS, Status.PASS, Status.PASS);
        RoleStatus warned = status(Status.WARN, Status.PASS, Status.PASS, Status.PASS);
        RoleStatus oneFailing = status(Status.PASS, Status.FAIL, Status.PASS, Status.PASS);
        RoleStatus twoFailing = status(Status.FAIL, Status.FAIL, Status.PASS, Status.UNKNOWN);
        RoleStatus allFailing = status(Status.FAIL, Status.FAIL, Status.FAIL, Status.FAIL);
        RoleStatus unknown = status(Status.PASS, Status.UNKNOWN, Status.PASS, Status.PASS);
        RoleStatus unread = RoleStatus.unknown("unreadable");
        List<RoleStatus> statuses = new ArrayList<>(
                List.of(RoleStatus.CHECKING, allFailing, unknown, twoFailing, ready, unread, oneFailing, warned));
        Collections.shuffle(statuses, new Random(7));

        statuses.sort(RoleStatus.ORDER);

        assertThat(statuses)
                .extracting(RoleStatus::text)
                .containsExactly(
                        "Ready",
                        "Ready",
                        "1 of 4 failing",
                        "2 of 4 failing",
                        "4 of 4 failing",
                        "Unknown",
                        "Unknown",
                        "Checking…");
        assertThat(RoleStatus.ORDER.compare(ready, warned))
                .as("ready is ready, warning or not")
                .isZero();
        assertThat(RoleStatus.ORDER.compare(allFailing, null))
                .as("a row without a value goes last")
                .isNegative();
    }
}
