package com.workerrolewizard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.ui.common.PseudoLocale;
import com.workerrolewizard.ui.wizard.WizardStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing cut off, at every size and in every theme: every step of the wizard (the enum's, so a step added later is
 * walked too) at the minimum size, 1280x720 and 1920x1080, light and dark, in English and in the pseudo-locale
 * (texts 40% longer). Fails on any visible label whose shown text differs from its full text (an ellipsis) and on
 * any visible node outside the window. Saves each screen to target/screenshots/STEP-WIDTHxHEIGHT-THEME[-pseudo].png.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutWalkTest {
    private static final double[][] SIZES = {
        {WizardApplication.MIN_WIDTH, WizardApplication.MIN_HEIGHT}, {1280, 720}, {1920, 1080}
    };
    private Stage stage;
    private WizardWindow window;
    private final List<String> findings = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void open() throws Exception {
        window = new WizardWindow(stage);
    }

    @AfterEach
    void close() {
        System.clearProperty(PseudoLocale.PROPERTY);
        window.close();
    }

    @Test
    void everyStepAtEverySizeAndThemeShowsEveryTextWhole() throws Exception {
        walk("");
        System.setProperty(PseudoLocale.PROPERTY, "true");
        window.rebuild();
        walk("-pseudo");
        assertThat(findings).as("cut off or outside the window").isEmpty();
    }

    @Test
    void theExportOfGeneratePoliciesOnlyShowsEveryTextWhole() throws Exception {
        window.robot.interact(() -> window.robot
                .lookup("#mode-generate")
                .queryAs(javafx.scene.control.RadioButton.class)
                .setSelected(true));
        window.reach(WizardStep.EXPORT);
        for (double[] size : SIZES) {
            look("5-export-generate-only", size, false, "");
        }
        assertThat(findings).as("cut off or outside the window").isEmpty();
    }

    /**
     * Several accounts: the Accounts form with a bad entry, the matrix (the sandbox account and one that cannot be
     * entered or checked) and one account's drill-down, in English and in the pseudo-locale.
     */
    @Test
    void severalAccountsShowEveryTextWhole() throws Exception {
        severalAccounts("");
        System.setProperty(PseudoLocale.PROPERTY, "true");
        window.rebuild();
        severalAccounts("-pseudo");
        assertThat(findings).as("cut off or outside the window").isEmpty();
    }

    /** The appliance step with an appliance in another account: the section that enters it, before and after. */
    @Test
    void anApplianceInAnotherAccountShowsEveryTextWhole() throws Exception {
        otherAccount("");
        System.setProperty(PseudoLocale.PROPERTY, "true");
        window.rebuild();
        otherAccount("-pseudo");
        assertThat(findings).as("cut off or outside the window").isEmpty();
    }

    private void otherAccount(String locale) throws Exception {
        window.reach(WizardStep.APPLIANCE);
        type(
                "#appliance",
                "arn:aws:iam::" + com.workerrolewizard.sandbox.Sandbox.BACKUP + ":role/VeeamBackupImpersonation");
        WizardWindow.waitFor(() -> window.node("#appliance-account").isVisible());
        type("#appliance-account-role", "NoSuchRole");
        window.robot.interact(() -> window.<javafx.scene.control.Button>node("#appliance-account-enter")
                .fire());
        WizardWindow.waitFor(() -> window.node("#appliance-account-error").isVisible());
        look("2-appliance-other-account-error", SIZES[0], false, locale);
        type("#appliance-account-role", "OrganizationAccountAccessRole");
        window.robot.interact(() -> window.<javafx.scene.control.Button>node("#appliance-account-enter")
                .fire());
        WizardWindow.waitFor(() -> window.node("#appliance-account-status").isVisible());
        for (double[] size : SIZES) {
            look("2-appliance-other-account", size, false, locale);
        }
        look("2-appliance-other-account", SIZES[0], true, locale);
    }

    private void severalAccounts(String locale) throws Exception {
        window.reach(WizardStep.ROLE);
        window.robot.interact(
                () -> window.<RadioButton>node("#accounts-several").setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
        type("#accounts-ids", "12345, 11112222333x, " + com.workerrolewizard.sandbox.Sandbox.ACCOUNT);
        for (double[] size : SIZES) {
            look("3-role-several-errors", size, false, locale);
        }
        look("3-role-several-errors", SIZES[0], true, locale);
        type("#accounts-ids", com.workerrolewizard.sandbox.Sandbox.ACCOUNT + ", 111122223333");
        WizardWindow.waitFor(() -> window.app.wizard().canGoNext().get());
        window.robot.interact(() -> window.app.wizard().next());
        WizardWindow.waitFor(() -> !window.app.wizard().state().applying.get()
                && window.app.wizard().canGoNext().get());
        for (double[] size : SIZES) {
            for (boolean dark : new boolean[] {false, true}) {
                look("4-accounts-matrix", size, dark, locale);
            }
        }
        window.robot.interact(() -> {
            javafx.scene.control.TableView<?> matrix = window.node("#accounts-matrix");
            matrix.getSelectionModel().select(1);
        });
        window.robot.interact(() ->
                window.<javafx.scene.control.Button>node("#accounts-details").fire());
        WaitForAsyncUtils.waitForFxEvents();
        for (double[] size : SIZES) {
            look("4-accounts-drill-down", size, false, locale);
        }
        look("4-accounts-drill-down", SIZES[0], true, locale);
        window.robot.interact(() -> window.<javafx.scene.control.Button>node("#accounts-back-to-matrix")
                .fire());
        window.robot.interact(() -> window.app.wizard().back());
        window.robot.interact(
                () -> window.<RadioButton>node("#accounts-this-account").setSelected(true));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void walk(String locale) throws Exception {
        for (WizardStep step : WizardStep.values()) {
            window.reach(step);
            openDetails();
            String name = (step.ordinal() + 1) + "-"
                    + step.name().toLowerCase(Locale.ROOT).replace('_', '-');
            for (double[] size : SIZES) {
                for (boolean dark : new boolean[] {false, true}) {
                    look(name, size, dark, locale);
                }
            }
            if (step == WizardStep.ROLE) {
                newRoleFormWithErrors(locale);
            }
        }
    }

    /** The role step's new-role form, with its longest messages under the fields. */
    private void newRoleFormWithErrors(String locale) throws Exception {
        window.robot.interact(() -> window.<RadioButton>node("#role-new").setSelected(true));
        type("#new-role-name", "WorkerFailingAll");
        type("#new-role-boundary", "arn:aws:iam::123456789012:role/NotAPolicyButARoleWithAVeryLongNameIndeed");
        type("#new-role-tags", "=value");
        for (double[] size : SIZES) {
            look("3-role-new-errors", size, false, locale);
        }
        look("3-role-new-errors", SIZES[0], true, locale);
        type("#new-role-name", "");
        type("#new-role-boundary", "");
        type("#new-role-tags", "");
        window.robot.interact(() -> window.<RadioButton>node("#role-existing").setSelected(true));
    }

    @Test
    void theNewRoleFormKeepsItsPlaceAsErrorsComeAndGo() throws Exception {
        window.reach(WizardStep.ROLE);
        window.size(1280, 720);
        window.robot.interact(() -> window.<RadioButton>node("#role-new").setSelected(true));
        type("#new-role-name", "NewWorker");
        double[] before = fieldTops();
        type("#new-role-name", "bad name!");
        type("#new-role-path", "no-slashes");
        assertThat(window.robot.lookup("#new-role-name-error").queryLabeled().getText())
                .isNotBlank();
        assertThat(fieldTops()).as("where the fields sit with errors shown").containsExactly(before);
        type("#new-role-name", "NewWorker");
        type("#new-role-path", "/");
        assertThat(fieldTops()).containsExactly(before);
    }

    private double[] fieldTops() {
        double[] tops = new double[4];
        window.robot.interact(() -> {
            stage.getScene().getRoot().layout();
            String[] ids = {"#new-role-name", "#new-role-path", "#new-role-description", "#new-role-boundary"};
            for (int i = 0; i < ids.length; i++) {
                Node field = window.node(ids[i]);
                tops[i] = field.localToScene(field.getBoundsInLocal()).getMinY();
            }
        });
        return tops;
    }

    private void type(String field, String text) {
        window.robot.interact(
                () -> window.<javafx.scene.control.TextInputControl>node(field).setText(text));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens what a step folds away (the checklist's Details), so that it is checked too. */
    private void openDetails() {
        window.robot.interact(() -> window.robot
                .lookup(n -> n instanceof Hyperlink && n.isVisible())
                .queryAllAs(Hyperlink.class)
                .forEach(Hyperlink::fire));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void look(String step, double[] size, boolean dark, String locale) {
        window.theme(dark);
        window.size(size[0], size[1]);
        String name = step + "-" + (int) size[0] + "x" + (int) size[1] + "-" + (dark ? "dark" : "light") + locale;
        window.robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            check(name, stage.getScene().getRoot(), true);
            checkOverlaps(name, stage.getScene().getRoot());
        });
        Screenshots.save(window.robot, stage.getScene(), name);
    }

    /** Walks the visible nodes; inside a scrolling or clipping container only the container must fit the window. */
    private void check(String where, Node node, boolean mustFit) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        // A table's cells and headers are sized by its columns, which the admin resizes; their statuses carry tooltips.
        if (node instanceof javafx.scene.control.TableView<?>) {
            checkBounds(where, node, mustFit);
            return;
        }
        if (node instanceof Labeled labeled) {
            String full = shownForm(labeled);
            node.lookupAll(".text").stream()
                    .filter(t -> t instanceof Text && t.getParent() == labeled)
                    .map(t -> ((Text) t).getText())
                    .filter(shown -> !full.isEmpty() && !shown.equals(full))
                    .forEach(shown -> findings.add(
                            where + ": " + describe(labeled) + " shows \"" + shown + "\" of \"" + full + "\""));
        }
        int before = findings.size();
        boolean childrenMustFit = mustFit && !(node instanceof ScrollPane) && node.getClip() == null;
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> check(where, child, childrenMustFit));
        }
        // The deepest node outside the window is the one named.
        if (findings.size() == before) {
            checkBounds(where, node, mustFit);
        }
    }

    /** False (and a finding) when the node must fit the window and does not. */
    private boolean checkBounds(String where, Node node, boolean mustFit) {
        Bounds bounds = node.localToScene(node.getBoundsInLocal());
        double width = stage.getScene().getWidth();
        double height = stage.getScene().getHeight();
        if (mustFit
                && !bounds.isEmpty()
                && bounds.getWidth() > 0
                && (bounds.getMinX() < -1
                        || bounds.getMinY() < -1
                        || bounds.getMaxX() > width + 1
                        || bounds.getMaxY() > height + 1)) {
            findings.add(where + ": " + describe(node) + " lies outside the " + (int) width + "x" + (int) height
                    + " window at " + bounds);
            return false;
        }
        return true;
    }

    /** No two visible texts of labels drawn over each other (a layout that gave a wrapped text too little height). */
    private void checkOverlaps(String where, Parent root) {
        List<Text> texts = new ArrayList<>();
        List<Bounds> shown = new ArrayList<>();
        collectTexts(root, root.localToScene(root.getBoundsInLocal()), texts, shown);
        for (int i = 0; i < texts.size(); i++) {
            Bounds a = shown.get(i);
            for (int j = i + 1; j < texts.size(); j++) {
                Bounds b = shown.get(j);
                if (overlap(a, b) != null) {
                    findings.add(where + ": \"" + texts.get(i).getText() + "\" overlaps \""
                            + texts.get(j).getText() + "\"");
                }
            }
        }
    }

    /** The texts of labels, with the part of each that a scrolling container does not hide. */
    private static void collectTexts(Node node, Bounds area, List<Text> texts, List<Bounds> shown) {
        if (!node.isVisible()
                || node.getOpacity() == 0
                || node instanceof javafx.scene.control.TableView<?>
                || node instanceof javafx.scene.control.TextInputControl) {
            return;
        }
        Bounds within = area;
        if (node instanceof ScrollPane || node.getClip() != null) {
            within = overlap(area, node.localToScene(node.getBoundsInLocal()));
            if (within == null) {
                return;
            }
        }
        if (node instanceof Text text
                && node.getParent() instanceof Labeled
                && !text.getText().isEmpty()) {
            Bounds visible = overlap(within, node.localToScene(node.getBoundsInLocal()));
            if (visible != null) {
                texts.add(text);
                shown.add(visible);
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectTexts(child, within, texts, shown);
            }
        }
    }

    /** Where two boxes overlap by more than 2 pixels each way; null where they do not. */
    private static Bounds overlap(Bounds a, Bounds b) {
        double minX = Math.max(a.getMinX(), b.getMinX());
        double minY = Math.max(a.getMinY(), b.getMinY());
        double maxX = Math.min(a.getMaxX(), b.getMaxX());
        double maxY = Math.min(a.getMaxY(), b.getMaxY());
        return maxX - minX > 2 && maxY - minY > 2
                ? new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY)
                : null;
    }

    /** The text as a label shows it whole: without the mnemonic's underscore. */
    private static String shownForm(Labeled labeled) {
        String text = labeled.getText() == null ? "" : labeled.getText();
        if (labeled.isMnemonicParsing()) {
            int at = text.indexOf('_');
            if (at >= 0 && at + 1 < text.length()) {
                text = text.substring(0, at) + text.substring(at + 1);
            }
        }
        return text;
    }

    private static String describe(Node node) {
        String id = node.getId() != null ? "#" + node.getId() : node.getClass().getSimpleName();
        Node parent = node.getParent();
        while (node.getId() == null && parent != null && parent.getId() == null) {
            parent = parent.getParent();
        }
        return id + (node.getId() == null && parent != null ? " in #" + parent.getId() : "");
    }
}
