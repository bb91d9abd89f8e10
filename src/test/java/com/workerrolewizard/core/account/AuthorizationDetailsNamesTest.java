package com.workerrolewizard.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.text.ControlCharacters;
import com.workerrolewizard.core.text.HostileText;
import java.util.function.Consumer;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file IAM wrote holds only names, paths and ARNs IAM allows: one that holds another (a forged or edited file) is
 * refused in one sentence that names the role, escaped. Paths IAM allows stay exactly as they are, $(...), backticks,
 * quotes and all: they are escaped where they are written, not refused here.
 */
class AuthorizationDetailsNamesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"sts:AssumeRole\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"}}]}";

    /** A role as the AWS CLI prints it, changed by {@code edit}. */
    static String file(Consumer<ObjectNode> edit) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode role = root.putArray("RoleDetailList").addObject();
        role.put("Path", "/")
                .put("RoleName", "Worker")
                .put("RoleId", "AROAEXAMPLEEXAMPLE01")
                .put("Arn", "arn:aws:iam::444455556666:role/Worker");
        try {
            role.set("AssumeRolePolicyDocument", JSON.readTree(TRUST));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        role.putArray("InstanceProfileList")
                .addObject()
                .put("Path", "/")
                .put("InstanceProfileName", "WorkerProfile")
                .put("Arn", "arn:aws:iam::444455556666:instance-profile/WorkerProfile");
        role.putArray("RolePolicyList")
                .addObject()
                .put("PolicyName", "Inline")
                .set(
                        "PolicyDocument",
                        JSON.createObjectNode()
                                .put("Version", "2012-10-17")
                                .set(
                                        "Statement",
                                        JSON.createArrayNode()
                                                .add(JSON.createObjectNode()
                                                        .put("Effect", "Allow")
                                                        .put("Action", "*")
                                                        .put("Resource", "*"))));
        role.putArray("AttachedManagedPolicies")
                .addObject()
                .put("PolicyName", "Managed")
                .put("PolicyArn", "arn:aws:iam::aws:policy/Managed");
        root.putArray("Policies");
        edit.accept(role);
        return root.toString();
    }

    static RoleSnapshot read(Consumer<ObjectNode> edit) {
        return AuthorizationDetails.parse(file(edit), "forged.json").allRoles().get(0);
    }

    static Stream<Arguments> forgeries() {
        String bad = "Bad\n\u001b[31mName";
        return Stream.of(
                Arguments.of((Consumer<ObjectNode>) r -> r.put("RoleName", bad), "has a name IAM does not allow"),
                Arguments.of(
                        (Consumer<ObjectNode>) r -> r.put("RoleName", "x".repeat(65)), "has a name IAM does not allow"),
                Arguments.of(
                        (Consumer<ObjectNode>) r -> r.put("RoleName", "Worker Role"), "has a name IAM does not allow"),
                Arguments.of((Consumer<ObjectNode>) r -> r.put("Path", "/a\nb/"), "has a path IAM does not allow"),
                Arguments.of(
                        (Consumer<ObjectNode>) r -> r.put("Path", "/with space/"), "has a path IAM does not allow"),
                Arguments.of((Consumer<ObjectNode>) r -> r.put("Path", "noslash"), "has a path IAM does not allow"),
                Arguments.of(
                        (Consumer<ObjectNode>) r -> r.put("Path", "/" + "p".repeat(511) + "/"),
                        "has a path IAM does not allow"),
                Arguments.of((Consumer<ObjectNode>) r -> r.put("Path", "/\u00e9/"), "has a path IAM does not allow"),
                Arguments.of(
                        (Consumer<ObjectNode>) r -> r.put("Arn", "arn:aws:iam::444455556666:role/W\norker"),
                        "has an ARN IAM does not give"),
                Arguments.of(
                        (Consumer<ObjectNode>)
                                r -> ((ObjectNode) r.get("InstanceProfileList").get(0)).put("InstanceProfileName", bad),
                        "lists instance profile"),
                Arguments.of(
                        (Consumer<ObjectNode>)
                                r -> ((ObjectNode) r.get("InstanceProfileList").get(0)).put("Path", "/\u202e/"),
                        "whose path IAM does not allow"),
                Arguments.of(
                        (Consumer<ObjectNode>)
                                r -> ((ObjectNode) r.get("InstanceProfileList").get(0))
                                        .put("Arn", "arn:aws:iam::444455556666:instance-profile/a b"),
                        "whose ARN IAM does not give"),
                Arguments.of(
                        (Consumer<ObjectNode>)
                                r -> ((ObjectNode) r.get("RolePolicyList").get(0)).put("PolicyName", "$(touch x)"),
                        "lists inline policy"),
                Arguments.of(
                        (Consumer<ObjectNode>) r ->
                                ((ObjectNode) r.get("AttachedManagedPolicies").get(0)).put("PolicyName", bad),
                        "lists managed policy"),
                Arguments.of(
                        (Consumer<ObjectNode>) r -> ((ObjectNode)
                                        r.get("AttachedManagedPolicies").get(0))
                                .put("PolicyArn", "arn:aws:iam::aws:policy/\u001b[0m"),
                        "lists managed policy ARN"),
                Arguments.of(
                        (Consumer<ObjectNode>) r -> r.putObject("PermissionsBoundary")
                                .put("PermissionsBoundaryArn", "arn:aws:iam::aws:policy/x\ny"),
                        "permissions boundary ARN"));
    }

    @ParameterizedTest
    @MethodSource("forgeries")
    void aNameIamWouldRejectIsRefusedInOneEscapedSentence(Consumer<ObjectNode> forgery, String what) {
        assertThatThrownBy(() -> read(forgery))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> {
                    String message = e.getMessage();
                    assertThat(message)
                            .contains("in forged.json")
                            .contains(what)
                            .endsWith("give the unedited output of 'aws iam get-account-authorization-details'.");
                    assertThat(message).startsWith("Role \"");
                    assertThat(message.codePoints().noneMatch(ControlCharacters::isControl))
                            .as(message)
                            .isTrue();
                });
    }

    @Test
    void theMessageShowsTheForgedNameWithItsControlCharactersEscaped() {
        assertThatThrownBy(() -> read(r -> r.put("RoleName", "Bad\n\u001b[31mName")))
                .hasMessageStartingWith("Role \"Bad\\n\\u001b[31mName\" in forged.json has a name IAM does not allow "
                        + "(1 to 64 letters, digits and + = , . @ _ -): give");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/$(touch${IFS}marker)/",
                "/`id`/",
                "/'\"/",
                "/a;b&c|d/",
                "/(x)/",
                "/${HOME}/",
                "/%{x}/",
                "/\u007f/",
                "/a/b/c/",
                "/"
            })
    void aPathIamAllowsIsReadExactly(String path) {
        RoleSnapshot role = read(r -> {
            r.put("Path", path);
            r.put("Arn", "arn:aws:iam::444455556666:role" + path + "Worker");
        });
        assertThat(role.path()).isEqualTo(path);
        assertThat(role.arn()).isEqualTo("arn:aws:iam::444455556666:role" + path + "Worker");
    }

    @Test
    void theLongestNamesIamAllowsAreRead() {
        RoleSnapshot role = read(r -> {
            r.put("RoleName", "r".repeat(64));
            ((ObjectNode) r.get("InstanceProfileList").get(0)).put("InstanceProfileName", "p".repeat(128));
            ((ObjectNode) r.get("RolePolicyList").get(0)).put("PolicyName", "i".repeat(128));
            r.put("Path", "/" + "p".repeat(510) + "/");
        });
        assertThat(role.name()).hasSize(64);
        assertThat(role.path()).hasSize(512);
    }

    @Test
    void everyRoleOfTheFixtureIsStillRead() throws Exception {
        AuthorizationDetails fixture =
                AuthorizationDetails.read(java.nio.file.Path.of(AuthorizationDetailsNamesTest.class
                        .getResource("/fixtures/authorization-details.json")
                        .toURI()));
        assertThat(fixture.allRoles()).hasSize(fixture.roleCount()).hasSizeGreaterThan(30);
    }

    @Test
    void aRoleNotFoundIsNamedEscaped() {
        AuthorizationDetails details = AuthorizationDetails.parse(file(r -> {}), "forged.json");
        assertThatThrownBy(() -> details.role("Work\u001b[2Jer\n"))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("Role \"Work\\u001b[2Jer\\n\" is not in forged.json");
    }

    @Provide
    Arbitrary<String> hostile() {
        return HostileText.strings();
    }

    @Property(tries = 200)
    void aHostileRoleNameIsEitherAValidIamNameOrRefusedWithoutARawControlCharacter(@ForAll("hostile") String name) {
        boolean valid = name.matches("[\\w+=,.@-]{1,64}");
        try {
            assertThat(read(r -> r.put("RoleName", name)).name()).isEqualTo(name);
            assertThat(valid).as("accepted %s", name).isTrue();
        } catch (UserFacingException e) {
            assertThat(valid).as("refused %s", name).isFalse();
            assertThat(e.getMessage().codePoints().noneMatch(ControlCharacters::isControl))
                    .isTrue();
            // A name of blanks only (a newline, a tab) reads as no name at all.
            assertThat(e.getMessage()).contains(name.isBlank() ? "has no RoleName" : ControlCharacters.escape(name));
        }
    }
}
