package com.workerrolewizard.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.text.HostileText;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Printed policy JSON shows every control character as an escape and reads back to the same document. */
class PolicyJsonEscapesTest {
    @Test
    void invisibleCharactersArePrintedAsEscapesAndOthersAsThemselves() {
        ObjectNode document =
                Json.MAPPER.createObjectNode().put("Sid", "a\u001b[31mb\u007fc\u0085d\u202ee\u2028f\u00e9\ud83d\ude00");
        assertThat(PolicyJson.pretty(document))
                .isEqualTo("{\n    \"Sid\": \"a\\u001B[31mb\\u007Fc\\u0085d\\u202Ee\\u2028f\u00e9\ud83d\ude00\"\n}\n");
        // The compact form IAM receives is Jackson's own, unchanged.
        assertThat(PolicyJson.compact(document)).contains("\u202e").contains("\u007f");
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.strings();
    }

    @Property(tries = 300)
    void aPrintedDocumentHasNoRawControlCharacterAndReadsBackTheSame(
            @ForAll("hostile") String key, @ForAll("hostile") String value) throws Exception {
        ObjectNode document = Json.MAPPER.createObjectNode();
        document.putObject("Condition").putObject("StringEquals").put(key, value);
        String pretty = PolicyJson.pretty(document);
        assertThat(HostileText.hasRawControl(pretty)).as(pretty).isFalse();
        JsonNode back = Json.MAPPER.readTree(pretty);
        assertThat(back).isEqualTo(document);
    }
}
