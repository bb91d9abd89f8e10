package com.workerrolewizard.core.export;

import static com.workerrolewizard.core.export.ExportCases.APPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.export.ExportCases.Case;
import com.workerrolewizard.core.plan.PermissionsMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JSON exports equal the vendor page's documents (../shared/seed): same keys, same key order, same action
 * order, {@code <Role ARN>} replaced by the appliance ARN, and one trust policy holding both statements.
 * Compared as Jackson trees printed compactly: {@code toString()} keeps key order, so equal text means equal
 * keys, order and values. Skipped, with a visible message, where the page is not here.
 */
class JsonExportSeedTest {
    private SeedPage page;

    @BeforeEach
    void readPage() {
        page = SeedPage.require();
    }

    @Test
    void theNewRolesTrustExportIsThePagesTwoStatementsInOneDocument() {
        JsonNode trust = SeedPage.parse(ExportCases.renderJson(Case.NEW_ROLE, JsonExport.Document.TRUST));
        assertThat(trust.toString()).isEqualTo(page.trustPolicy(APPLIANCE).toString());
        assertThat(trust.get("Statement")).hasSize(2);
        assertThat(trust.toString()).doesNotContain(SeedPage.ROLE_ARN_PLACEHOLDER);
    }

    @Test
    void theNewRolesTrustStatementsKeepThePagesKeyOrder() {
        JsonNode trust = SeedPage.parse(ExportCases.renderJson(Case.NEW_ROLE, JsonExport.Document.TRUST));
        assertThat(SeedPage.fieldNames(trust)).containsExactly("Version", "Statement");
        for (JsonNode statement : trust.get("Statement")) {
            assertThat(SeedPage.fieldNames(statement)).containsExactly("Effect", "Action", "Principal");
        }
        assertThat(trust.get("Statement").get(0).get("Principal").get("AWS").asText())
                .isEqualTo(APPLIANCE);
        assertThat(trust.get("Statement").get(1).get("Principal").get("Service").asText())
                .isEqualTo("ec2.amazonaws.com");
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void thePermissionsExportIsThePagesPolicy(Case c) {
        JsonNode permissions = SeedPage.parse(ExportCases.renderJson(c, JsonExport.Document.PERMISSIONS));
        assertThat(permissions.toString()).isEqualTo(page.permissionsPolicy().toString());
        JsonNode statement = permissions.get("Statement").get(0);
        assertThat(SeedPage.fieldNames(statement)).containsExactly("Action", "Resource", "Effect");
        List<String> actions = new ArrayList<>();
        statement.get("Action").forEach(a -> actions.add(a.asText()));
        assertThat(actions).hasSize(33).containsExactlyElementsOf(page.actions());
    }

    @ParameterizedTest
    @EnumSource(
            value = Case.class,
            names = {"NEW_ROLE", "NEW_ROLE_MANAGED"})
    void withoutDocumentTheNewRoleGetsOneObjectWithBothPolicies(Case c) {
        JsonNode both = SeedPage.parse(ExportCases.renderJson(c, null));
        assertThat(SeedPage.fieldNames(both)).containsExactly("trustPolicy", "permissionsPolicy");
        ObjectNode expected = SeedPage.JSON.createObjectNode();
        expected.set("trustPolicy", page.trustPolicy(APPLIANCE));
        expected.set("permissionsPolicy", page.permissionsPolicy());
        assertThat(both.toString()).isEqualTo(expected.toString());
    }

    @Test
    void anExistingRolesTrustKeepsItsStatementsAndAppendsThePagesOnes() {
        JsonNode trust = SeedPage.parse(ExportCases.renderJson(Case.FAILS_ALL, JsonExport.Document.TRUST));
        ObjectNode original =
                ExportCases.fixture().role("FailsAll").trustPolicy().value().json();
        ArrayNode expectedStatements = ((ArrayNode) original.get("Statement")).deepCopy();
        expectedStatements.add(page.applianceStatement(APPLIANCE));
        expectedStatements.add(page.ec2Statement());
        ObjectNode expected = original.deepCopy();
        expected.set("Statement", expectedStatements);
        assertThat(trust.toString()).isEqualTo(expected.toString());
        assertThat(trust.get("Statement").get(0).toString())
                .isEqualTo(original.get("Statement").get(0).toString());
    }

    @Test
    void aRoleWhoseDenyBlocksTheApplianceGetsItsTrustPolicyUnchanged() {
        JsonNode trust = SeedPage.parse(ExportCases.renderJson(Case.DENY_TRUST, JsonExport.Document.TRUST));
        ObjectNode original =
                ExportCases.fixture().role("DenyTrust").trustPolicy().value().json();
        assertThat(trust.toString()).isEqualTo(original.toString());
        assertThat(trust.get("Statement").get(2).get("Sid").asText()).isEqualTo("BlockVeeam");
    }

    @Test
    void anAccountApplianceIsWrittenAsItsRootArn() {
        ExportSubject subject = ExportCases.exports()
                .forNewRole(
                        com.workerrolewizard.core.plan.NewRoleRequest.named("VeeamWorkerRole"),
                        com.workerrolewizard.core.arn.AppliancePrincipal.parse("111122223333"),
                        com.workerrolewizard.core.account.AccountFacts.none(),
                        PermissionsMode.INLINE);
        JsonNode trust = SeedPage.parse(ExportCases.exports()
                .render(subject, ExportFormat.JSON, java.util.Optional.of(JsonExport.Document.TRUST)));
        assertThat(trust.toString())
                .isEqualTo(page.trustPolicy("arn:aws:iam::111122223333:root").toString());
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void theBothObjectHoldsExactlyTheSingleDocuments(Case c) {
        JsonNode both = SeedPage.parse(ExportCases.renderJson(c, null));
        assertThat(both.get("trustPolicy").toString())
                .isEqualTo(SeedPage.parse(ExportCases.renderJson(c, JsonExport.Document.TRUST))
                        .toString());
        assertThat(both.get("permissionsPolicy").toString())
                .isEqualTo(SeedPage.parse(ExportCases.renderJson(c, JsonExport.Document.PERMISSIONS))
                        .toString());
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void prettyPrintingIsFourSpacesWithOneValuePerLine(Case c) {
        String text = ExportCases.renderJson(c, JsonExport.Document.PERMISSIONS);
        assertThat(text)
                .startsWith("{\n    \"Version\": \"2012-10-17\",\n")
                .endsWith("}\n")
                .doesNotContain("\t")
                .doesNotContain("\u00A0");
        assertThat(text.lines().filter(l -> l.contains("ssm:PutInventory")).toList())
                .containsExactly("                \"ssm:PutInventory\",");
    }
}
