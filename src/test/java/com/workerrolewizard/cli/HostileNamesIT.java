package com.workerrolewizard.cli;

import static com.workerrolewizard.cli.JarRun.APPLIANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A forged authorization-details file through the jar. Names IAM would reject (newlines, quotes, $(), backticks,
 * ANSI escapes) are refused with exit 2 and one escaped line. Paths IAM allows although they hold $(...), backticks
 * and quotes go through {@code export --format cli}: the script, run against the fake aws, runs nothing else (the
 * command in the path would create a marker file) and passes the exact path to aws; text output shows escapes.
 */
class HostileNamesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORGED = "Evil\n\u001b[31m'\"$(touch MARKER)`touch MARKER`";

    @TempDir
    Path temp;

    private Path marker;

    @BeforeEach
    void markerFile() {
        marker = temp.resolve("injected");
    }

    private ObjectNode role(ArrayNode roles, String name, String path) {
        ObjectNode role = roles.addObject();
        role.put("Path", path)
                .put("RoleName", name)
                .put("RoleId", "AROAEXAMPLEEXAMPLE0" + roles.size())
                .put("Arn", "arn:aws:iam::444455556666:role" + path + name);
        ObjectNode trust = role.putObject("AssumeRolePolicyDocument").put("Version", "2012-10-17");
        ObjectNode statement = trust.putArray("Statement").addObject();
        statement.put("Sid", "\u001b[32mFine\u202e").put("Effect", "Deny").put("Action", "sts:AssumeRole");
        statement.putObject("Principal").put("Service", "ec2.amazonaws.com");
        role.putArray("InstanceProfileList");
        role.putArray("RolePolicyList");
        role.putArray("AttachedManagedPolicies");
        return role;
    }

    private Path file(String name, java.util.function.Consumer<ArrayNode> roles) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        roles.accept(root.putArray("RoleDetailList"));
        root.putArray("Policies");
        return Files.writeString(temp.resolve(name), root.toString().replace("MARKER", marker.toString()));
    }

    private void assertRefusedInOneEscapedLine(JarRun run, String what) {
        run.isBadUsage(what);
        assertThat(run.err().codePoints().filter(c -> c != '\n').noneMatch(c -> c < 0x20 || c == 0x7f))
                .as(run.err())
                .isTrue();
        assertThat(run.err()).contains("\\n").contains("\\u001b[31m");
        assertThat(marker).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RoleName", "Path", "InstanceProfileName", "PolicyName"})
    void aNameIamWouldRejectIsRefusedWithExit2InOneEscapedLine(String field) throws Exception {
        Path forged = file("forged.json", roles -> {
            ObjectNode role = role(
                    roles,
                    field.equals("RoleName") ? FORGED : "Worker",
                    field.equals("Path") ? "/" + FORGED + "/" : "/");
            if (field.equals("InstanceProfileName")) {
                ((ArrayNode) role.get("InstanceProfileList"))
                        .addObject()
                        .put("Path", "/")
                        .put("InstanceProfileName", FORGED)
                        .put("Arn", "arn:aws:iam::444455556666:instance-profile/x");
            }
            if (field.equals("PolicyName")) {
                ((ArrayNode) role.get("AttachedManagedPolicies"))
                        .addObject()
                        .put("PolicyName", FORGED)
                        .put("PolicyArn", "arn:aws:iam::aws:policy/x");
            }
        });
        String what = switch (field) {
            case "RoleName" -> "has a name IAM does not allow";
            case "Path" -> "has a path IAM does not allow";
            case "InstanceProfileName" -> "whose name IAM does not allow";
            default -> "lists managed policy";
        };
        assertRefusedInOneEscapedLine(
                JarRun.of(
                        "check", "--appliance", APPLIANCE, "--authorization-details", forged.toString(), "--all-roles"),
                what);
        String role = field.equals("RoleName") ? FORGED.replace("MARKER", marker.toString()) : "Worker";
        for (String format : List.of("cli", "powershell", "cloudformation", "terraform")) {
            assertRefusedInOneEscapedLine(
                    JarRun.of(
                            "export",
                            "--appliance",
                            APPLIANCE,
                            "--format",
                            format,
                            "--authorization-details",
                            forged.toString(),
                            "--role",
                            role),
                    what);
        }
        assertRefusedInOneEscapedLine(
                JarRun.of(
                        "fix",
                        "--appliance",
                        APPLIANCE,
                        "--dry-run",
                        "--authorization-details",
                        forged.toString(),
                        "--role",
                        role),
                what);
    }

    /** Paths IAM allows: ! to DEL, no spaces; these would run a command if pasted into a script unquoted. */
    private List<String> validHostilePaths() {
        String m = marker.toString();
        return List.of(
                "/$(touch${IFS}" + m + ")/",
                "/`touch${IFS}" + m + "`/",
                "/'\"$(touch${IFS}" + m + ")\"'/",
                "/\";touch${IFS}" + m + ";\"/",
                "/a\u007f$HOME${HOME}/");
    }

    @Test
    void aPathWithCommandsInItIsPassedToAwsExactlyAndRunsNothing() throws Exception {
        assumeTrue(onPath("bash"), "SKIPPED: no bash here, so the exported script is not run");
        List<String> paths = validHostilePaths();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            String name = "Worker" + i;
            Path details = file("paths-" + i + ".json", roles -> role(roles, name, path));
            Path script = temp.resolve("worker-" + i + ".sh");
            JarRun.of(
                            "export",
                            "--appliance",
                            APPLIANCE,
                            "--format",
                            "cli",
                            "--authorization-details",
                            details.toString(),
                            "--role",
                            name,
                            "--output",
                            script.toString())
                    .isSuccess();
            String text = Files.readString(script);
            assertThat(text.codePoints().filter(c -> c != '\n').noneMatch(c -> c < 0x20 || c == 0x7f))
                    .as(text)
                    .isTrue();

            Path bin = Files.createDirectories(temp.resolve("bin"));
            Path state = Files.createDirectories(temp.resolve("state-" + i));
            try (InputStream in = HostileNamesIT.class.getResourceAsStream("/scripts/fake-aws")) {
                Files.write(bin.resolve("aws"), in.readAllBytes());
            }
            Files.setPosixFilePermissions(bin.resolve("aws"), PosixFilePermissions.fromString("rwx------"));
            Files.createFile(state.resolve("role-" + name));
            ProcessBuilder builder = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true)
                    .directory(temp.toFile());
            builder.environment().put("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
            builder.environment().put("FAKE_AWS_STATE", state.toString());
            Process process = builder.start();
            String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // The Deny on EC2 is not fixed by the script, which says so and exits 1 after doing the rest.
            assertThat(process.exitValue()).as(log).isEqualTo(1);
            assertThat(marker).as("the command in path %s ran", path).doesNotExist();

            List<List<String>> calls = calls(state);
            List<String> create = calls.stream()
                    .filter(c -> c.get(1).equals("create-instance-profile"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no create-instance-profile in " + calls));
            assertThat(create.get(create.indexOf("--path") + 1)).isEqualTo(path);
            assertThat(create.get(create.indexOf("--instance-profile-name") + 1))
                    .isEqualTo(name);
            assertThat(calls.stream().map(c -> c.get(1))).contains("put-role-policy", "add-role-to-instance-profile");
        }
    }

    @Test
    void theOtherExportsKeepTheExactPath() throws Exception {
        String path = validHostilePaths().get(2);
        Path details = file("paths.json", roles -> role(roles, "Worker", path));
        String yaml = JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "cloudformation",
                        "--authorization-details",
                        details.toString(),
                        "--role",
                        "Worker")
                .isSuccess()
                .out();
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        assertThat(template.at("/Resources/WorkerInstanceProfile/Properties/Path")
                        .asText())
                .isEqualTo(path);
        String hcl = JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "terraform",
                        "--authorization-details",
                        details.toString(),
                        "--role",
                        "Worker")
                .isSuccess()
                .out();
        assertThat(hcl).contains("  path = \"/'\\\"$(touch$${IFS}" + marker + ")\\\"'/\"\n");
        String powershell = JarRun.of(
                        "export",
                        "--appliance",
                        APPLIANCE,
                        "--format",
                        "powershell",
                        "--authorization-details",
                        details.toString(),
                        "--role",
                        "Worker")
                .isSuccess()
                .out();
        assertThat(powershell).contains("--path '/''\"$(touch${IFS}" + marker + ")\"''/' | Out-Null");
    }

    @Test
    void textOutputShowsControlCharactersAsEscapes() throws Exception {
        Path details = file("text.json", roles -> role(roles, "Worker", "/a\u007fb/"));
        JarRun check = JarRun.of(
                "check", "--appliance", APPLIANCE, "--authorization-details", details.toString(), "--all-roles");
        assertThat(check.exit()).as(check.err()).isEqualTo(1);
        assertThat(check.out())
                .contains("Role Worker  arn:aws:iam::444455556666:role/a\\u007fb/Worker")
                .contains("\\u001b[32mFine\\u202e");
        assertThat(check.out().chars().noneMatch(c -> c == 0x1b || c == 0x7f)).isTrue();
        JarRun fix = JarRun.of(
                        "fix",
                        "--appliance",
                        APPLIANCE,
                        "--dry-run",
                        "--authorization-details",
                        details.toString(),
                        "--role",
                        "Worker")
                .isSuccess();
        assertThat(fix.out()).contains("\\u001b[32mFine\\u202e").contains("--path $'/a\\x7fb/'");
        assertThat(fix.out().chars().noneMatch(c -> c == 0x1b || c == 0x7f || c == 0x202e))
                .isTrue();
    }

    private static List<List<String>> calls(Path state) throws Exception {
        int count = Integer.parseInt(Files.readString(state.resolve("count")).strip());
        List<List<String>> calls = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            List<String> words = new ArrayList<>();
            ByteArrayOutputStream word = new ByteArrayOutputStream();
            for (byte b : Files.readAllBytes(state.resolve("args-" + i))) {
                if (b == 0) {
                    words.add(word.toString(StandardCharsets.UTF_8));
                    word.reset();
                } else {
                    word.write(b);
                }
            }
            calls.add(words);
        }
        return calls;
    }

    private static boolean onPath(String command) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(folder, command))) {
                return true;
            }
        }
        return false;
    }
}
