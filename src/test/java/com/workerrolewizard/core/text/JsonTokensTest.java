package com.workerrolewizard.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.workerrolewizard.core.text.JsonTokens.Kind;
import com.workerrolewizard.core.text.JsonTokens.Token;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The preview's JSON colours: keys, strings, numbers and literals told apart; the pieces always give the line back. */
class JsonTokensTest {

    @Test
    void aKeyAndItsStringValueAreToldApart() {
        assertThat(JsonTokens.of("    \"Effect\" : \"Allow\","))
                .containsExactly(
                        new Token(Kind.PLAIN, "    "),
                        new Token(Kind.KEY, "\"Effect\""),
                        new Token(Kind.PLAIN, " : "),
                        new Token(Kind.STRING, "\"Allow\""),
                        new Token(Kind.PLAIN, ","));
    }

    @Test
    void escapedQuotesStayInsideTheirStringAndNumbersAndLiteralsAreMarked() {
        assertThat(JsonTokens.of("\"a\\\"b\": [1, -2.5e3, true, null]"))
                .extracting(Token::kind)
                .containsExactly(
                        Kind.KEY,
                        Kind.PLAIN,
                        Kind.NUMBER,
                        Kind.PLAIN,
                        Kind.NUMBER,
                        Kind.PLAIN,
                        Kind.LITERAL,
                        Kind.PLAIN,
                        Kind.LITERAL,
                        Kind.PLAIN);
    }

    @Property
    void thePiecesGiveTheLineBack(@ForAll String line) {
        assertThat(JsonTokens.of(line).stream().map(Token::text).collect(Collectors.joining()))
                .isEqualTo(line);
    }
}
