package com.workerrolewizard.ui.wizard;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.workerrolewizard.ui.common.Texts;
import javafx.application.Application;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The theme menu of the window's button bar (light, dark, follow the system), and the stylesheet it puts in place. */
public final class ThemeMenu {
    private ThemeMenu() {}

    /** Puts the light or the dark theme in place for every window of the application. */
    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(
                dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    /** The menu; the stylesheet follows the model from now on. */
    public static MenuButton create(ThemeViewModel model) {
        apply(model.darkProperty().get());
        model.darkProperty().addListener((o, was, is) -> apply(is));
        // An icon with a tooltip: small beside Back and Next at the window's minimum width.
        MenuButton menu = new MenuButton(null, new FontIcon(Feather.MOON));
        menu.setId("theme-menu");
        menu.getStyleClass().add("flat");
        menu.setAccessibleText(Texts.get("theme.menu"));
        menu.setTooltip(new javafx.scene.control.Tooltip(Texts.get("theme.menu")));
        ToggleGroup group = new ToggleGroup();
        for (ThemeChoice choice : ThemeChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(choice.title());
            item.setId("theme-" + choice.name().toLowerCase(java.util.Locale.ROOT));
            item.setToggleGroup(group);
            item.setUserData(choice);
            item.setSelected(model.choice().get() == choice);
            item.setOnAction(e -> model.choose(choice));
            menu.getItems().add(item);
        }
        model.choice()
                .addListener((o, was, is) -> group.getToggles().stream()
                        .filter(t -> t.getUserData() == is)
                        .findFirst()
                        .ifPresent(group::selectToggle));
        return menu;
    }
}
