package com.workerrolewizard.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {
    @Test
    void controlCharactersAreShownAsEscapes() {
        assertThat(ControlCharacters.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(ControlCharacters.escape("\u001b[31mred\u001b[0m")).isEqualTo("\\u001b[31mred\\u001b[0m");
        assertThat(ControlCharacters.escape("x\u007fy\u0085z\u009b")).isEqualTo("x\\u007fy\\u0085z\\u009b");
        assertThat(ControlCharacters.escape("abc\u202edef\u2066\u2028")).isEqualTo("abc\\u202edef\\u2066\\u2028");
        assertThat(ControlCharacters.escape("lone \ud800 surrogate")).isEqualTo("lone \\ud800 surrogate");
    }

    @Test
    void textWithoutControlCharactersIsUnchanged() {
        for (String text : new String[] {
            "VeeamWorkerRole", "/a/$(x)/`y`/'q'/\"d\"/", "\u00e9t\u00e9 \u65e5\u672c \ud83d\ude00", "C:\\path\\n", ""
        }) {
            assertThat(ControlCharacters.escape(text)).isSameAs(text);
        }
        assertThat(ControlCharacters.escape(null)).isNull();
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.strings();
    }

    @Property(tries = 500)
    void anEscapedTextHasNoControlCharacterAndEscapingAgainChangesNothing(@ForAll("hostile") String text) {
        String escaped = ControlCharacters.escape(text);
        assertThat(escaped.codePoints().noneMatch(ControlCharacters::isControl))
                .as(escaped)
                .isTrue();
        assertThat(ControlCharacters.escape(escaped)).isEqualTo(escaped);
        // Every printable character is still there, in order.
        StringBuilder printable = new StringBuilder();
        text.codePoints().filter(c -> !ControlCharacters.isControl(c)).forEach(printable::appendCodePoint);
        assertThat(escaped.replaceAll("\\\\(n|r|t|u[0-9a-f]{4})", ""))
                .isEqualTo(printable.toString().replaceAll("\\\\(n|r|t|u[0-9a-f]{4})", ""));
    }
}
