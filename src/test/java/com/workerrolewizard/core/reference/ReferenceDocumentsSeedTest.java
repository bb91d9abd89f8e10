package com.workerrolewizard.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.workerrolewizard.SharedFolder;
import com.workerrolewizard.core.policy.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reference documents in {@code resources/} equal the vendor page's JSON blocks. Compact JSON of a
 * tree read with Jackson keeps key order, so equal text means the same keys, the same key order, the same
 * values and the same action order.
 */
class ReferenceDocumentsSeedTest {
    private static List<JsonNode> pageBlocks;

    /** Per test, so that each one shows as skipped (not silently absent) where the page is missing. */
    @BeforeEach
    void readPage() throws IOException {
        Optional<Path> page = SharedFolder.seedPage();
        assumeTrue(page.isPresent(), "the vendor page (../shared/seed) is not here; skipped");
        if (pageBlocks == null) {
            pageBlocks = jsonBlocks(Files.readString(page.get(), StandardCharsets.UTF_8));
        }
    }

    /** The page's JSON blocks: from a line that starts with "{" to the line where the braces balance. */
    static List<JsonNode> jsonBlocks(String page) throws IOException {
        List<JsonNode> blocks = new ArrayList<>();
        StringBuilder block = null;
        int depth = 0;
        for (String line : page.lines().toList()) {
            if (block == null && line.strip().equals("{")) {
                block = new StringBuilder();
                depth = 0;
            }
            if (block == null) {
                continue;
            }
            block.append(line).append('\n');
            for (char c : line.toCharArray()) {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            }
            if (depth == 0) {
                // The page indents with non-breaking spaces: layout only, not part of the documents.
                blocks.add(Json.MAPPER.readTree(block.toString().replace('\u00A0', ' ')));
                block = null;
            }
        }
        return blocks;
    }

    @Test
    void thePageHasThreeDocuments() {
        assertThat(pageBlocks).hasSize(3);
    }

    @Test
    void applianceTrustPolicyIsThePages() {
        assertThat(ReferenceDocuments.load().applianceTrustPolicy().toString())
                .isEqualTo(pageBlocks.get(0).toString());
    }

    @Test
    void ec2TrustPolicyIsThePages() {
        assertThat(ReferenceDocuments.load().ec2TrustPolicy().toString())
                .isEqualTo(pageBlocks.get(1).toString());
    }

    @Test
    void permissionsPolicyIsThePages() {
        assertThat(ReferenceDocuments.load().permissionsPolicy().toString())
                .isEqualTo(pageBlocks.get(2).toString());
    }

    @Test
    void builtInCatalogIsThePagesActionsInOrder() {
        List<String> pageActions = new ArrayList<>();
        pageBlocks.get(2).get("Statement").get(0).get("Action").forEach(a -> pageActions.add(a.asText()));
        assertThat(pageActions).hasSize(33);
        assertThat(ReferenceDocuments.load().builtInCatalog().actions()).containsExactlyElementsOf(pageActions);
    }

    @Test
    void thePagesJsonPastedAsItIsParses() throws IOException {
        String page = Files.readString(SharedFolder.seedPage().orElseThrow(), StandardCharsets.UTF_8);
        String raw = page.substring(page.lastIndexOf("\n{", page.indexOf("ec2messages")) + 1);
        raw = raw.substring(0, raw.lastIndexOf('}') + 1);
        assertThat(raw).contains("\u00A0");
        assertThat(ActionCatalog.parse(raw, "the page").actions())
                .isEqualTo(ReferenceDocuments.load().builtInCatalog().actions());
        assertThat(com.workerrolewizard.core.policy.PolicyDocument.parse(
                                raw, com.workerrolewizard.core.policy.PolicyKind.IDENTITY)
                        .statements())
                .hasSize(1);
    }

    @Test
    void keyOrderIsThePages() {
        JsonNode trust = ReferenceDocuments.load()
                .applianceTrustPolicy()
                .get("Statement")
                .get(0);
        JsonNode permissions =
                ReferenceDocuments.load().permissionsPolicy().get("Statement").get(0);
        assertThat(fieldNames(trust)).containsExactly("Effect", "Action", "Principal");
        assertThat(fieldNames(permissions)).containsExactly("Action", "Resource", "Effect");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
