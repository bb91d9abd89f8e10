package com.workerrolewizard.ui.accounts;

import com.workerrolewizard.app.accounts.AccountsFixWorkflow;
import com.workerrolewizard.app.accounts.AccountsFixWorkflow.AccountPlan;
import com.workerrolewizard.core.plan.PlanText;
import com.workerrolewizard.ui.common.Texts;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

/**
 * The one confirmation of Fix all across accounts: every account's change (its plan as the command line prints it,
 * with IAM Access Analyzer's findings), or why it will not change. Nothing is written unless it returns true.
 */
final class AccountsConfirmation {
    private AccountsConfirmation() {}

    static boolean confirm(Window owner, List<AccountPlan> plans) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.get("accounts.confirm.title"));
        dialog.setHeaderText(Texts.get(
                "accounts.confirm.header",
                AccountsFixWorkflow.changes(plans),
                AccountsFixWorkflow.accountsToChange(plans)));
        TextArea text = new TextArea(text(plans));
        text.setId("accounts-plan-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("monospace");
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().setPrefSize(820, 560);
        dialog.getDialogPane().setMinSize(480, 360);
        dialog.setResizable(true);
        ButtonType yes = new ButtonType(Texts.get("accounts.confirm.apply"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(yes, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(yes).setId("accounts-apply");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("accounts-confirm-cancel");
        dialog.getDialogPane().getStyleClass().add("preview-dialog");
        dialog.setOnShown(e -> javafx.application.Platform.runLater(text::requestFocus));
        return dialog.showAndWait().filter(yes::equals).isPresent();
    }

    /** What undo will revert in one account; nothing is reverted unless the admin confirms it here. */
    static boolean confirmUndo(Window owner, com.workerrolewizard.app.role.UndoPlan plan) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(Texts.get("accounts.undo.title"));
        dialog.setHeaderText(Texts.get("accounts.undo.header", plan.steps().size(), plan.account(), plan.time()));
        TextArea text = new TextArea(String.join("\n", plan.steps()));
        text.setId("accounts-undo-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.getStyleClass().add("monospace");
        dialog.getDialogPane().setContent(text);
        dialog.getDialogPane().setPrefSize(720, 420);
        dialog.setResizable(true);
        ButtonType yes = new ButtonType(Texts.get("accounts.undo.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(yes, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(yes).setId("accounts-undo-apply");
        dialog.getDialogPane().getStyleClass().add("preview-dialog");
        return dialog.showAndWait().filter(yes::equals).isPresent();
    }

    /** Every account's part, one after the other. */
    static String text(List<AccountPlan> plans) {
        StringBuilder all = new StringBuilder();
        for (AccountPlan part : plans) {
            String name = part.account().account().name();
            all.append(Texts.get(
                            "accounts.confirm.account",
                            part.account().account().id(),
                            name.isEmpty() ? "" : "(" + name + ")"))
                    .append('\n');
            if (part.plan() != null && !part.plan().empty()) {
                all.append(PlanText.render(part.plan()));
                part.validation().forEach(line -> all.append(line).append('\n'));
            } else if (part.problem().isEmpty()) {
                all.append(Texts.get("accounts.confirm.nothing")).append('\n');
            }
            part.problem()
                    .ifPresent(p ->
                            all.append(Texts.get("accounts.confirm.problem", p)).append('\n'));
            all.append('\n');
        }
        return all.toString();
    }
}
