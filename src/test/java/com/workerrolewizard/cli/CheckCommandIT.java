package com.workerrolewizard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code check} end to end through the built jar, as a user and a script run it: the fixture's roles get
 * the statuses written in {@code expected-statuses.tsv}, with the contract's exit codes, and bad input
 * gets one line on stderr and exit code 2.
 */
class CheckCommandIT {
    static final String APPLIANCE = "arn:aws:iam::111122223333:role/VeeamImpersonation";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path fixture;
    private static Map<String, List<String>> expected;

    @TempDir
    Path temp;

    @BeforeAll
    static void readFixture() throws IOException, URISyntaxException {
        fixture = Path.of(CheckCommandIT.class
                .getResource("/fixtures/authorization-details.json")
                .toURI());
        expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(fixture.resolveSibling("expected-statuses.tsv"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] cells = line.split("\t");
                expected.put(cells[0], List.of(cells).subList(1, cells.length));
            }
        }
    }

    static JarRun run(String... args) throws IOException, InterruptedException {
        return JarRun.of(args);
    }

    @Test
    void everyFixtureRoleGetsItsExpectedStatusesAsJson() throws Exception {
        assertThat(expected).hasSizeGreaterThanOrEqualTo(25);
        JarRun run = run(
                "check",
                "--authorization-details",
                fixture.toString(),
                "--appliance",
                APPLIANCE,
                "--all-roles",
                "--format",
                "json");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report.get("appliance").asText()).isEqualTo(APPLIANCE);
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (JsonNode role : report.get("roles")) {
            List<String> row = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (JsonNode requirement : role.get("requirements")) {
                ids.add(requirement.get("id").asText());
                row.add(requirement.get("status").asText());
                assertThat(requirement.get("detail").asText())
                        .as(role.get("role") + " " + requirement.get("id"))
                        .matches("[A-Z0-9].*[.)]")
                        .doesNotContain("null")
                        .doesNotContain("Exception");
            }
            assertThat(ids).containsExactly("instance-profile", "appliance-trust", "ec2-trust", "permissions");
            row.add(String.valueOf(
                    role.get("requirements").get(3).get("missing").size()));
            actual.put(role.get("role").asText(), row);
            assertThat(role.get("arn").asText()).startsWith("arn:aws");
        }
        assertThat(actual).containsExactlyEntriesOf(expected);
    }

    @Test
    void theTextReportHasOneMarkedLinePerRequirement() throws Exception {
        JarRun run =
                run("check", "--authorization-details", fixture.toString(), "--appliance", APPLIANCE, "--all-roles");
        assertThat(run.exit()).isEqualTo(1);
        long markedLines = run.out()
                .lines()
                .filter(l -> l.matches("  \\[(PASS|WARN|FAIL|UNKNOWN)\\] +[a-z0-9-]+ +\\S.*"))
                .count();
        assertThat(markedLines).isEqualTo(4L * expected.size());
        assertThat(run.out()).contains(expected.size() + " roles checked").doesNotContain("\u001b[");
    }

    static Stream<Arguments> singleRoles() {
        return Stream.of(
                Arguments.of("GoodWorker", 0, "PASS"),
                Arguments.of("goodworker", 0, "PASS"),
                Arguments.of("arn:aws:iam::444455556666:role/GoodWorker", 0, "PASS"),
                Arguments.of("FailsAll", 1, "FAIL"),
                Arguments.of("UnreadableAwsManaged", 3, "UNKNOWN"),
                Arguments.of("EveryoneTrust", 0, "WARN"));
    }

    @ParameterizedTest
    @MethodSource("singleRoles")
    void oneRoleGivesTheContractsExitCode(String role, int exit, String status) throws Exception {
        JarRun run =
                run("check", "--authorization-details", fixture.toString(), "--appliance", APPLIANCE, "--role", role);
        assertThat(run.exit()).isEqualTo(exit);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("[" + status + "]");
    }

    @Test
    void aCatalogReplacesThePagesActions() throws Exception {
        Path catalog = Files.writeString(
                temp.resolve("catalog.txt"), "# a newer vendor version\nssm:GetDocument\nssm:StartNewThing\n");
        JarRun run = run(
                "check",
                "--authorization-details",
                fixture.toString(),
                "--appliance",
                APPLIANCE,
                "--role",
                "GoodWorker",
                "--format",
                "json",
                "--catalog",
                catalog.toString());
        assertThat(run.exit()).isEqualTo(1);
        JsonNode permissions =
                JSON.readTree(run.out()).get("roles").get(0).get("requirements").get(3);
        assertThat(permissions.get("missing").toString()).isEqualTo("[\"ssm:StartNewThing\"]");
        assertThat(permissions.get("detail").asText()).contains("1 of 2 required actions");
    }

    @Test
    void versionPrintsTheVersion() throws Exception {
        JarRun run = run("--version");
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).matches("worker-role-wizard \\d+\\.\\d+\\.\\d+.*");
    }

    static Stream<Arguments> badInputs() {
        String file = "src/test/resources/fixtures/authorization-details.json";
        return Stream.of(
                Arguments.of(
                        List.of(
                                "check",
                                "--authorization-details",
                                "no/such/file.json",
                                "--appliance",
                                APPLIANCE,
                                "--role",
                                "GoodWorker"),
                        "does not exist"),
                Arguments.of(
                        List.of(
                                "check",
                                "--authorization-details",
                                "pom.xml",
                                "--appliance",
                                APPLIANCE,
                                "--role",
                                "GoodWorker"),
                        "not valid JSON at line 1"),
                Arguments.of(
                        List.of(
                                "check",
                                "--authorization-details",
                                file,
                                "--appliance",
                                APPLIANCE,
                                "--role",
                                "GoodWorkr"),
                        "Did you mean \"GoodWorker\""),
                Arguments.of(
                        List.of(
                                "check",
                                "--authorization-details",
                                file,
                                "--appliance",
                                "arn:aws:s3:::bucket",
                                "--role",
                                "GoodWorker"),
                        "not an IAM role ARN or an AWS account"),
                Arguments.of(
                        List.of(
                                "check",
                                "--authorization-details",
                                file,
                                "--appliance",
                                "12345",
                                "--role",
                                "GoodWorker"),
                        "not an IAM role ARN or an AWS account"),
                Arguments.of(
                        List.of("check", "--authorization-details", file, "--role", "GoodWorker"),
                        "Missing required option"),
                Arguments.of(List.of("check", "--authorization-details", file, "--appliance", APPLIANCE), "--role"),
                Arguments.of(
                        List.of(
                                "check",
                                "--authorization-details",
                                file,
                                "--appliance",
                                APPLIANCE,
                                "--role",
                                "GoodWorker",
                                "--all-roles"),
                        "mutually exclusive"),
                Arguments.of(
                        List.of(
                                "check",
                                "--authorization-details",
                                file,
                                "--appliance",
                                APPLIANCE,
                                "--role",
                                "GoodWorker",
                                "--format",
                                "xml"),
                        "--format"),
                Arguments.of(
                        List.of("check", "--appliance", APPLIANCE, "--role", "GoodWorker"),
                        "no AWS credentials were found"),
                Arguments.of(List.of("chekc"), "Unmatched argument"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneClearLineAndExitCodeTwo(List<String> args, String expectedText) throws Exception {
        JarRun run = run(args.toArray(String[]::new));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains(expectedText).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aMalformedPolicyInsideTheFileNamesTheRoleAndTheSpot() throws Exception {
        String broken = Files.readString(fixture).replaceFirst("\"Effect\": \"Allow\"", "\"Effect\": \"allow\"");
        Path file = Files.writeString(temp.resolve("broken.json"), broken);
        JarRun run = run("check", "--authorization-details", file.toString(), "--appliance", APPLIANCE, "--all-roles");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("role \"GoodWorker\"").contains("Statement[0].Effect");
    }

    /** Shapes IAM refuses when a policy is saved: a role read from a file with one is malformed, with the spot. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "an empty Statement array | \"Statement\": [ | \"Statement\": [], \"Unused\": [ | Statement is an empty array",
                "an empty Principal       | \"Principal\": { | \"Principal\": {}, \"Unused\": { | Statement[0].Principal is an empty object",
                "an empty Action array    | \"Action\": \"sts:AssumeRole\" | \"Action\": [] | Statement[0].Action is an empty array"
            })
    void aPolicyShapeIamRefusesIsMalformed(String name, String from, String to, String spot) throws Exception {
        String text = Files.readString(fixture);
        int role = text.indexOf("\"RoleName\": \"GoodWorker\"");
        int at = text.indexOf(from, role);
        String broken = text.substring(0, at) + to + text.substring(at + from.length());
        Path file = Files.writeString(temp.resolve("broken.json"), broken);
        JarRun run = run(
                "check", "--authorization-details", file.toString(), "--appliance", APPLIANCE, "--role", "GoodWorker");
        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).contains("role \"GoodWorker\"").contains(spot).doesNotContain("Exception");
    }

    @Test
    void theCheckReportComesAsMarkdownAndAsHtmlForAChangeTicket() throws Exception {
        JarRun markdown = run(
                "check",
                "--authorization-details",
                fixture.toString(),
                "--appliance",
                APPLIANCE,
                "--role",
                "DeniedPutInventory",
                "--format",
                "markdown");
        assertThat(markdown.exit()).as(markdown.err()).isEqualTo(1);
        assertThat(markdown.out())
                .startsWith("# Worker role check: DeniedPutInventory\n")
                .contains("- Appliance: `" + APPLIANCE + "`")
                .contains("| Requirement | Status | Detail |")
                .contains("| FAIL |")
                .contains("## Missing actions")
                .contains("- `ssm:PutInventory`: denied by")
                .contains("Not every requirement passes yet");
        // An offline file has no journal: the report does not claim what this tool applied.
        assertThat(markdown.out()).doesNotContain("Changes applied by Worker Role Wizard");

        JarRun html = run(
                "check",
                "--authorization-details",
                fixture.toString(),
                "--appliance",
                APPLIANCE,
                "--all-roles",
                "--format",
                "html");
        assertThat(html.exit()).isEqualTo(1);
        assertThat(html.out())
                .startsWith("<!DOCTYPE html>")
                .contains("<title>Worker role check: 36 roles</title>")
                .contains("<td class=\"status fail\">FAIL</td>")
                .contains("<h2>GoodWorker</h2>")
                .endsWith("</html>\n");
        // Every section opened is closed: the page parses as XML, so no value broke out of its element.
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(
                        html.out().replace("<!DOCTYPE html>", "").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aBadCatalogIsBadInput() throws Exception {
        Path catalog = Files.writeString(temp.resolve("catalog.txt"), "ssm:GetDocument\nssm:*\n");
        JarRun run = run(
                "check",
                "--authorization-details",
                fixture.toString(),
                "--appliance",
                APPLIANCE,
                "--role",
                "GoodWorker",
                "--catalog",
                catalog.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("line 2").contains("wildcards are not allowed");
    }
}
