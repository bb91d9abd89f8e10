package com.workerrolewizard.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.app.WizardMemory;
import com.workerrolewizard.ui.common.Background;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The theme's choice without a window: remembered, the system asked only when followed, the -D override. */
class ThemeViewModelTest {
    private final AtomicInteger systemAsked = new AtomicInteger();
    private boolean systemDark;

    @BeforeEach
    void home() throws Exception {
        System.setProperty(
                "worker.role.wizard.home",
                Files.createTempDirectory("theme-test-home").toString());
    }

    @AfterEach
    void clear() {
        System.clearProperty("worker.role.wizard.home");
    }

    private ThemeViewModel model(Optional<Boolean> override) {
        return new ThemeViewModel(
                Background.direct(),
                WizardMemory::load,
                () -> {
                    systemAsked.incrementAndGet();
                    return systemDark;
                },
                override);
    }

    @Test
    void nothingRememberedFollowsTheSystem() {
        systemDark = true;
        ThemeViewModel theme = model(Optional.empty());
        theme.load();
        assertThat(theme.choice().get()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(theme.darkProperty().get()).isTrue();
        systemDark = false;
        model(Optional.empty()).load();
        ThemeViewModel light = model(Optional.empty());
        light.load();
        assertThat(light.darkProperty().get()).isFalse();
    }

    @Test
    void aChoiceIsRememberedForTheNextRunAndTheSystemIsNotAsked() {
        systemDark = true;
        model(Optional.empty()).choose(ThemeChoice.LIGHT);
        assertThat(WizardMemory.load().get(WizardMemory.THEME)).contains("LIGHT");
        systemAsked.set(0);
        ThemeViewModel next = model(Optional.empty());
        next.load();
        assertThat(next.choice().get()).isEqualTo(ThemeChoice.LIGHT);
        assertThat(next.darkProperty().get()).isFalse();
        assertThat(systemAsked).hasValue(0);
    }

    @Test
    void rememberingTheThemeKeepsWhatTheSignInStepRemembered() {
        WizardMemory.load().put(WizardMemory.PROFILE, "prod");
        model(Optional.empty()).choose(ThemeChoice.DARK);
        WizardMemory.load().put(WizardMemory.REGION, "eu-west-1");
        WizardMemory memory = WizardMemory.load();
        assertThat(memory.get(WizardMemory.PROFILE)).contains("prod");
        assertThat(memory.get(WizardMemory.THEME)).contains("DARK");
        assertThat(memory.get(WizardMemory.REGION)).contains("eu-west-1");
    }

    @Test
    void theSystemPropertyOverridesTheRememberedChoiceButNotOneMadeInTheWindow() {
        model(Optional.empty()).choose(ThemeChoice.LIGHT);
        ThemeViewModel overridden = model(Optional.of(true));
        assertThat(overridden.darkProperty().get())
                .as("dark before anything is read")
                .isTrue();
        overridden.load();
        assertThat(overridden.darkProperty().get()).isTrue();
        overridden.choose(ThemeChoice.LIGHT);
        assertThat(overridden.darkProperty().get()).isFalse();
    }

    @Test
    void theOverrideIsReadFromTheSystemProperty() {
        try {
            System.setProperty(ThemeViewModel.DARK_PROPERTY, "true");
            assertThat(ThemeViewModel.overrideFromSystemProperty()).contains(true);
            System.setProperty(ThemeViewModel.DARK_PROPERTY, "false");
            assertThat(ThemeViewModel.overrideFromSystemProperty()).contains(false);
            System.clearProperty(ThemeViewModel.DARK_PROPERTY);
            assertThat(ThemeViewModel.overrideFromSystemProperty()).isEmpty();
        } finally {
            System.clearProperty(ThemeViewModel.DARK_PROPERTY);
        }
    }

    @Test
    void theLauncherReadsTheChoiceBeforeTheFirstWindow() {
        systemDark = true;
        assertThat(ThemeViewModel.darkAtLaunch(WizardMemory::load, () -> systemDark))
                .isTrue();
        model(Optional.empty()).choose(ThemeChoice.LIGHT);
        assertThat(ThemeViewModel.darkAtLaunch(WizardMemory::load, () -> systemDark))
                .isFalse();
        try {
            System.setProperty(ThemeViewModel.DARK_PROPERTY, "true");
            assertThat(ThemeViewModel.darkAtLaunch(WizardMemory::load, () -> false))
                    .isTrue();
        } finally {
            System.clearProperty(ThemeViewModel.DARK_PROPERTY);
        }
    }

    @Test
    void aRememberedValueOfAnotherVersionFollowsTheSystem() {
        WizardMemory.load().put(WizardMemory.THEME, "HIGH_CONTRAST");
        systemDark = true;
        ThemeViewModel theme = model(Optional.empty());
        theme.load();
        assertThat(theme.choice().get()).isEqualTo(ThemeChoice.SYSTEM);
        assertThat(theme.darkProperty().get()).isTrue();
    }

    @Test
    void eachSystemsAnswerIsRead() {
        assertThat(SystemTheme.gnomeSaysDark("'prefer-dark'\n")).isTrue();
        assertThat(SystemTheme.gnomeSaysDark("'default'\n")).isFalse();
        assertThat(SystemTheme.gnomeSaysDark("")).isFalse();
        String windows = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x%s\r\n\r\n";
        assertThat(SystemTheme.windowsSaysDark(windows.formatted("0"))).isTrue();
        assertThat(SystemTheme.windowsSaysDark(windows.formatted("1"))).isFalse();
        assertThat(SystemTheme.windowsSaysDark("")).isFalse();
        assertThat(SystemTheme.macSaysDark("Dark\n")).isTrue();
        assertThat(SystemTheme.macSaysDark("")).isFalse();
    }
}
