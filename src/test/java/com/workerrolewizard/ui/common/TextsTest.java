package com.workerrolewizard.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ResourceBundle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every text of the bundle as the wizard shows it: no doubled apostrophe, no apostrophe swallowed. */
class TextsTest {
    private static final Object[] ARGUMENTS = {1, 2, 3, 4, 5, 6};

    @AfterEach
    void plain() {
        System.clearProperty(PseudoLocale.PROPERTY);
    }

    @Test
    void noTextShowsADoubledApostropheOrLosesOne() {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n.wizard");
        assertThat(Texts.keys()).hasSizeGreaterThan(100);
        for (String key : Texts.keys()) {
            String raw = bundle.getString(key);
            assertThat(Texts.get(key)).as(key).doesNotContain("''");
            assertThat(Texts.get(key, ARGUMENTS)).as(key).doesNotContain("''");
            // MessageFormat swallows a lone ' (and quotes what follows): the bundle writes ’ instead.
            assertThat(raw.replace("''", "")).as(key).doesNotContain("'");
        }
    }

    @Test
    void countsReadAsWordsNotAsChangeWithAnS() {
        assertThat(Texts.get("fix.header", 1)).startsWith("1 change will be made");
        assertThat(Texts.get("fix.header", 3)).startsWith("3 changes will be made");
        assertThat(Texts.get("accounts.confirm.header", 2, 1)).startsWith("2 changes in 1 account will be made");
        assertThat(Texts.get("checklist.stopped", "GetRole failed", 1)).contains("(1 change was applied before");
        for (String key : Texts.keys()) {
            assertThat(Texts.get(key, ARGUMENTS)).as(key).doesNotContain("(s)");
        }
    }

    @Test
    void theHelpOfTheApplianceStepReadsAsWritten() {
        assertThat(Texts.get("appliance.explain")).contains("that role’s ARN").doesNotContain("''");
    }

    @Test
    void thePseudoLocaleIsLongerAndAccentedAndKeepsArgumentsAndMnemonics() {
        System.setProperty(PseudoLocale.PROPERTY, "true");
        for (String key : Texts.keys()) {
            String plain = withoutPseudo(key);
            String pseudo = Texts.get(key, ARGUMENTS);
            assertThat(pseudo.length()).as(key).isGreaterThanOrEqualTo((int) (plain.length() * 1.4));
        }
        assertThat(Texts.get("signin.signedIn", "123456789012", "arn:aws:iam::123456789012:user/x", "aws"))
                .contains("123456789012", "arn:aws:iam::123456789012:user/x")
                .contains("Šîgñéd");
        assertThat(Texts.get("wizard.next")).contains("_N");
    }

    private static String withoutPseudo(String key) {
        System.clearProperty(PseudoLocale.PROPERTY);
        try {
            return Texts.get(key, ARGUMENTS);
        } finally {
            System.setProperty(PseudoLocale.PROPERTY, "true");
        }
    }
}
