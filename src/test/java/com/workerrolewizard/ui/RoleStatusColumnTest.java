package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.reference.ReferenceDocuments;
import com.workerrolewizard.sandbox.Sandbox;
import com.workerrolewizard.ui.common.Background;
import com.workerrolewizard.ui.role.RoleRow;
import com.workerrolewizard.ui.role.RoleStatus;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The role table's Status column in a real window: the sandbox's example roles each with its status, and 5,000 roles
 * whose statuses fill in while every request to the account is made off the FX thread (proven by the session's
 * {@link FxThreadGuard}, not by a clock), then sorted by status.
 */
@ExtendWith(ApplicationExtension.class)
class RoleStatusColumnTest {
    private static final int BULK = 5000;
    private Stage stage;
    private WizardApplication app;
    private GuardedSessions sessions;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty(
                "worker.role.wizard.home",
                Files.createTempDirectory("wizard-test-home").toString());
        this.stage = stage;
        sessions = new GuardedSessions(Sandbox.start());
        app = new WizardApplication(new WizardContext(
                new com.workerrolewizard.app.Workflows(ReferenceDocuments.load(), "test"),
                sessions,
                Background.fx(),
                false));
        app.start(stage);
    }

    @AfterEach
    void stop() {
        app.stop();
        sessions.sandbox.close();
    }

    /** Reads the window's state on the FX thread, where it lives. */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    /** Waits until the condition holds, then for the pulses that draw what changed. */
    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> onFx(condition));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void toTheRoleStep(FxRobot robot, Runnable beforeTheTable) throws Exception {
        robot.clickOn("#mode-sandbox");
        robot.clickOn("#sign-in");
        waitFor(
                60,
                () -> !((Labeled) robot.lookup("#signed-in").query()).getText().isEmpty());
        robot.clickOn("#next");
        robot.clickOn("#appliance").write(Sandbox.APPLIANCE);
        waitFor(10, () -> !robot.lookup("#next").query().isDisabled());
        robot.interact(beforeTheTable);
        robot.clickOn("#next");
    }

    @SuppressWarnings("unchecked")
    private static TableColumn<RoleRow, RoleStatus> statusColumn(TableView<RoleRow> table) {
        return (TableColumn<RoleRow, RoleStatus>) table.getColumns().stream()
                .filter(c -> "role-status-column".equals(c.getId()))
                .findFirst()
                .orElseThrow();
    }

    /** What each row of the table holds in its Status column, in the table's order. */
    private static List<RoleStatus> statuses(TableView<RoleRow> table) {
        TableColumn<RoleRow, RoleStatus> column = statusColumn(table);
        return table.getItems().stream().map(column::getCellData).toList();
    }

    /** The status cells on screen, by role name. */
    private static Map<String, TableCell<RoleRow, RoleStatus>> shownCells(FxRobot robot) {
        Map<String, TableCell<RoleRow, RoleStatus>> cells = new HashMap<>();
        for (Node node : robot.lookup(".role-status-cell").queryAll()) {
            @SuppressWarnings("unchecked")
            TableCell<RoleRow, RoleStatus> cell = (TableCell<RoleRow, RoleStatus>) node;
            if (!cell.isEmpty()
                    && cell.getTableRow() != null
                    && cell.getTableRow().getItem() != null
                    && cell.isVisible()) {
                cells.put(cell.getTableRow().getItem().name(), cell);
            }
        }
        return cells;
    }

    /** The words a labeled control draws, which JavaFX shortens with an ellipsis when they do not fit. */
    private static String drawn(Labeled labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text t ? t.getText() : "";
    }

    @Test
    void theSandboxRolesEachShowTheirStatusAfterTheApplianceStep(FxRobot robot) throws Exception {
        toTheRoleStep(robot, () -> {});
        TableView<RoleRow> table = robot.lookup("#role-table").query();
        waitFor(
                60,
                // The appliance's own role is not offered: 6 of the sandbox's 7 roles are listed.
                () -> table.getItems().size() == 6
                        && statuses(table).stream().noneMatch(s -> s.kind() == RoleStatus.Kind.CHECKING));

        Map<String, String> shown = onFx(() -> {
            Map<String, String> texts = new HashMap<>();
            shownCells(robot).forEach((role, cell) -> texts.put(role, cell.getText()));
            return texts;
        });
        assertThat(shown).hasSize(6).doesNotContainKey("VeeamBackupImpersonation");
        assertThat(shown)
                .containsEntry("VeeamWorkerReady", "Ready")
                .containsEntry("WorkerFailingAll", "4 of 4 failing")
                .containsEntry("WorkerWithoutInstanceProfile", "1 of 4 failing")
                .containsEntry("WorkerWithoutApplianceTrust", "1 of 4 failing")
                .containsEntry("WorkerWithoutEc2Trust", "1 of 4 failing")
                .containsEntry("WorkerMissingPermissions", "1 of 4 failing");
        TableCell<RoleRow, RoleStatus> noEc2 = onFx(() -> shownCells(robot).get("WorkerWithoutEc2Trust"));
        assertThat(onFx(() -> noEc2.getTooltip().getText())).isEqualTo("Failing: ec2-trust.");
        assertThat(onFx(() -> noEc2.getGraphic()))
                .as("an icon beside the words")
                .isNotNull();
        assertThat(onFx(() -> noEc2.getStyleClass())).contains("failing");
        assertThat(onFx(() -> ((Labeled) robot.lookup("#role-statuses").query()).getText()))
                .isEqualTo("1 ready, 6 failing, 0 unknown");
        Screenshots.save(robot, stage.getScene(), "3-role-statuses");

        for (int[] size : new int[][] {{760, 560}, {1280, 720}}) {
            robot.interact(() -> {
                // Within the headless screen (1280x800), whose painter cannot draw past its edge.
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            String name = size[0] + "x" + size[1];
            assertThat(onFx(() -> shownCells(robot).size()))
                    .as("a status cell for every role at " + name)
                    .isEqualTo(6);
            onFx(() -> {
                for (Node node : table.lookupAll(".table-cell")) {
                    TableCell<?, ?> cell = (TableCell<?, ?>) node;
                    if (!cell.isEmpty()
                            && cell.getText() != null
                            && cell.getTableRow() != null
                            && cell.getTableRow().getItem() != null) {
                        assertThat(drawn(cell))
                                .as("a cell of " + cell.getTableRow().getItem() + " at " + name)
                                .isEqualTo(cell.getText());
                    }
                }
                Labeled intro = (Labeled) robot.lookup(".role-step > .label").query();
                assertThat(drawn(intro)).as("the intro at " + name).isEqualTo(intro.getText());
                Node header = table.lookup("#role-status-column");
                Bounds headerBounds = header.localToScene(header.getBoundsInLocal());
                Bounds tableBounds = table.localToScene(table.getBoundsInLocal());
                assertThat(headerBounds.getMaxX())
                        .as("the Status column inside the table at " + name)
                        .isLessThanOrEqualTo(tableBounds.getMaxX());
                Labeled title = (Labeled) header.lookup(".label");
                assertThat(drawn(title)).as("the column title at " + name).isEqualTo("Status");
                Labeled summary = (Labeled) robot.lookup("#role-statuses").query();
                assertThat(drawn(summary)).as("the summary at " + name).isEqualTo(summary.getText());
                return null;
            });
            Screenshots.save(robot, stage.getScene(), "3-role-statuses-" + name);
        }
        assertThat(sessions.guard.onFxThread())
                .as("requests made on the FX thread")
                .isEmpty();
    }

    @Test
    void fiveThousandStatusesFillInWithEveryRequestOffTheFxThreadAndSortByStatus(FxRobot robot) throws Exception {
        sessions.sandbox.addRoles("Bulk", BULK);
        int total = BULK + 7;
        // Supporting evidence only (a loaded machine stretches it): the longest wait between two FX pulses, while the
        // roles are listed (the step's first layout included) and while their statuses fill in.
        AtomicInteger phase = new AtomicInteger();
        AtomicLong lastPulse = new AtomicLong();
        AtomicLongArray longestGap = new AtomicLongArray(2);
        AnimationTimer pulses = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long last = lastPulse.getAndSet(now);
                if (last != 0) {
                    longestGap.accumulateAndGet(phase.get(), now - last, Math::max);
                }
            }
        };
        toTheRoleStep(robot, pulses::start);
        long entered = System.nanoTime();
        TableView<RoleRow> table = robot.lookup("#role-table").query();

        // Every role but the appliance's own, which is not offered as a worker role.
        waitFor(300, () -> table.getItems().size() == total - 1);
        long listed = System.nanoTime();
        phase.set(1);
        long knownWhenListed = onFx(() -> statuses(table).stream()
                .filter(s -> s.kind() != RoleStatus.Kind.CHECKING)
                .count());
        // The line under the table counts the statuses once all are in (reading it costs the FX thread next to
        // nothing).
        Labeled summary = robot.lookup("#role-statuses").query();
        waitFor(300, () -> summary.getText().matches("[\\d,]+ ready, .*"));
        long filled = System.nanoTime();
        robot.interact(pulses::stop);
        System.out.printf(
                "Role table, %,d roles: listed after %,d ms (%,d statuses known then), every status after "
                        + "%,d ms; longest gap between FX pulses while listing %,d ms, while the statuses filled in %,d ms%n",
                total,
                (listed - entered) / 1_000_000,
                knownWhenListed,
                (filled - entered) / 1_000_000,
                longestGap.get(0) / 1_000_000,
                longestGap.get(1) / 1_000_000);

        List<RoleStatus> all = onFx(() -> statuses(table));
        assertThat(all).hasSize(total - 1).allSatisfy(s -> assertThat(s.kind()).isNotEqualTo(RoleStatus.Kind.CHECKING));
        assertThat(all.stream().filter(s -> s.text().equals("3 of 4 failing")).count())
                .as("the bulk roles")
                .isGreaterThanOrEqualTo(BULK);
        assertThat(onFx(summary::getText)).isEqualTo("1 ready, 5,006 failing, 0 unknown");

        robot.clickOn("#role-status-column");
        waitFor(10, () -> table.getSortOrder().size() == 1);
        assertThat(onFx(() -> statuses(table))).isSortedAccordingTo(RoleStatus.ORDER);
        assertThat(onFx(() -> table.getItems().get(0).name())).isEqualTo("VeeamWorkerReady");
        assertThat(onFx(() -> table.getItems().get(total - 2).name())).isEqualTo("WorkerFailingAll");
        assertThat(onFx(() -> shownCells(robot).get("VeeamWorkerReady").getText()))
                .isEqualTo("Ready");
        Screenshots.save(robot, stage.getScene(), "3-role-statuses-5000-sorted");
        robot.clickOn("#role-status-column");
        waitFor(10, () -> table.getItems().get(0).name().equals("WorkerFailingAll"));
        assertThat(onFx(() -> statuses(table))).isSortedAccordingTo(RoleStatus.ORDER.reversed());

        assertThat(sessions.guard.requests())
                .as("the guard saw every request the sandbox served")
                .isGreaterThanOrEqualTo((int) sessions.sandbox.calls())
                .isPositive();
        assertThat(sessions.guard.onFxThread())
                .as("requests made on the FX thread")
                .isEmpty();
        // The guard itself: a request from the FX thread is caught.
        robot.interact(() -> {
            try {
                app.wizard().state().session.get().clients().iam().listRoles();
            } catch (RuntimeException expected) {
                // The guard refuses the keys: the SDK fails the call.
            }
        });
        assertThat(sessions.guard.onFxThread()).hasSize(1);
    }
}
