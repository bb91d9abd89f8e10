package com.workerrolewizard.core.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.SharedFolder;
import com.workerrolewizard.core.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The list of required actions: the page's built-in 33, and a replacement read from --catalog FILE. */
class ActionCatalogTest {

    /** The page's Action list, copied from the page by hand (not from the resource under test). */
    static final List<String> PAGE_ACTIONS = List.of(
            "ec2messages:AcknowledgeMessage",
            "ec2messages:DeleteMessage",
            "ec2messages:FailMessage",
            "ec2messages:GetEndpoint",
            "ec2messages:GetMessages",
            "ec2messages:SendReply",
            "iam:GetContextKeysForPrincipalPolicy",
            "iam:GetRole",
            "iam:ListInstanceProfilesForRole",
            "iam:SimulatePrincipalPolicy",
            "sqs:DeleteMessage",
            "sqs:ListQueues",
            "sqs:ReceiveMessage",
            "sqs:SendMessage",
            "ssm:DescribeAssociation",
            "ssm:DescribeDocument",
            "ssm:GetDeployablePatchSnapshotForInstance",
            "ssm:GetDocument",
            "ssm:GetManifest",
            "ssm:GetParameter",
            "ssm:GetParameters",
            "ssm:ListAssociations",
            "ssm:ListInstanceAssociations",
            "ssm:PutComplianceItems",
            "ssm:PutConfigurePackageResult",
            "ssm:PutInventory",
            "ssm:UpdateAssociationStatus",
            "ssm:UpdateInstanceAssociationStatus",
            "ssm:UpdateInstanceInformation",
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel");

    /**
     * The page's permissions policy as it comes off the page (the seed file's lines, byte for byte):
     * blank lines between lines, indentation made of non-breaking spaces mixed with spaces.
     */
    static final String PAGE_POLICY_AS_PASTED = String.join(
            "\n",
            "{",
            "",
            "\u00A0 \u00A0\"Version\": \"2012-10-17\",",
            "",
            "\u00A0 \u00A0\"Statement\": [",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0{",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"Action\": [",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ec2messages:AcknowledgeMessage\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ec2messages:DeleteMessage\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ec2messages:FailMessage\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ec2messages:GetEndpoint\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ec2messages:GetMessages\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ec2messages:SendReply\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"iam:GetContextKeysForPrincipalPolicy\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"iam:GetRole\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"iam:ListInstanceProfilesForRole\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"iam:SimulatePrincipalPolicy\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"sqs:DeleteMessage\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"sqs:ListQueues\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"sqs:ReceiveMessage\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"sqs:SendMessage\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:DescribeAssociation\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:DescribeDocument\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:GetDeployablePatchSnapshotForInstance\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:GetDocument\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:GetManifest\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:GetParameter\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:GetParameters\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:ListAssociations\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:ListInstanceAssociations\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:PutComplianceItems\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:PutConfigurePackageResult\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:PutInventory\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:UpdateAssociationStatus\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:UpdateInstanceAssociationStatus\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssm:UpdateInstanceInformation\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssmmessages:CreateControlChannel\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssmmessages:CreateDataChannel\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssmmessages:OpenControlChannel\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"ssmmessages:OpenDataChannel\"",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0],",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"Resource\": \"*\",",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0 \u00A0\"Effect\": \"Allow\"",
            "",
            "\u00A0 \u00A0 \u00A0 \u00A0 \u00A0}",
            "",
            "\u00A0 \u00A0]",
            "",
            "}");

    /** The page's permissions policy re-typed with plain spaces: blank lines and ragged indentation kept. */
    static final String PAGE_POLICY_REINDENTED = """
            {

               "Version": "2012-10-17",

               "Statement": [

                   {

                       "Action": [

                           "ec2messages:AcknowledgeMessage",

                           "ec2messages:DeleteMessage",

                           "ec2messages:FailMessage",

                           "ec2messages:GetEndpoint",

                           "ec2messages:GetMessages",

                           "ec2messages:SendReply",

                           "iam:GetContextKeysForPrincipalPolicy",

                           "iam:GetRole",

                           "iam:ListInstanceProfilesForRole",

                           "iam:SimulatePrincipalPolicy",

                           "sqs:DeleteMessage",

                           "sqs:ListQueues",

                           "sqs:ReceiveMessage",

                           "sqs:SendMessage",

                           "ssm:DescribeAssociation",

                           "ssm:DescribeDocument",

                           "ssm:GetDeployablePatchSnapshotForInstance",

                           "ssm:GetDocument",

                           "ssm:GetManifest",

                           "ssm:GetParameter",

                           "ssm:GetParameters",

                           "ssm:ListAssociations",

                           "ssm:ListInstanceAssociations",

                           "ssm:PutComplianceItems",

                           "ssm:PutConfigurePackageResult",

                           "ssm:PutInventory",

                           "ssm:UpdateAssociationStatus",

                           "ssm:UpdateInstanceAssociationStatus",

                           "ssm:UpdateInstanceInformation",

                           "ssmmessages:CreateControlChannel",

                           "ssmmessages:CreateDataChannel",

                           "ssmmessages:OpenControlChannel",

                           "ssmmessages:OpenDataChannel"

                       ],

                                 "Resource": "*",

                                 "Effect": "Allow"

                     }

               ]

            }
            """;

    // ---------------------------------------------------------------- the built-in catalog

    @Test
    void builtInCatalogIsThePages33ActionsInThePagesOrder() {
        ActionCatalog catalog = ReferenceDocuments.load().builtInCatalog();
        assertThat(catalog.size()).isEqualTo(33);
        assertThat(catalog.actions()).containsExactlyElementsOf(PAGE_ACTIONS);
        assertThat(catalog.actions().get(0)).isEqualTo("ec2messages:AcknowledgeMessage");
        assertThat(catalog.actions().get(32)).isEqualTo("ssmmessages:OpenDataChannel");
        assertThat(catalog.source()).isEqualTo(ActionCatalog.BUILT_IN);
    }

    @Test
    void builtInCatalogCannotBeChangedByItsUsers() {
        // a check that appended to the shared list would change every later check
        ActionCatalog catalog = ReferenceDocuments.load().builtInCatalog();
        assertThatThrownBy(() -> catalog.actions().add("s3:GetObject"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // ---------------------------------------------------------------- accepted formats

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(
                        "one per line",
                        "ssm:GetDocument\nsqs:SendMessage\n",
                        List.of("ssm:GetDocument", "sqs:SendMessage")),
                Arguments.of(
                        "comments, blank lines, indentation and CRLF",
                        """
                        # Veeam Backup for AWS 9.x worker role
                        # (newer actions at the end)

                          ssm:GetDocument   # the agent reads its documents
                        \tsqs:SendMessage
                        ###
                        ssm:StartSession#trailing comment without a space
                        """.replace("\n", "\r\n"),
                        List.of("ssm:GetDocument", "sqs:SendMessage", "ssm:StartSession")),
                Arguments.of("no final newline", "kms:Decrypt", List.of("kms:Decrypt")),
                Arguments.of(
                        "JSON array",
                        "[\"ssm:GetDocument\", \"sqs:SendMessage\", \"kms:Decrypt\"]",
                        List.of("ssm:GetDocument", "sqs:SendMessage", "kms:Decrypt")),
                Arguments.of(
                        "JSON array over several lines with leading blank lines",
                        "\n\n  [\n \"ssm:GetDocument\",\n \"ec2messages:GetEndpoint\"\n]\n",
                        List.of("ssm:GetDocument", "ec2messages:GetEndpoint")),
                Arguments.of(
                        "the page's permissions policy, pasted as is (non-breaking spaces)",
                        PAGE_POLICY_AS_PASTED,
                        PAGE_ACTIONS),
                Arguments.of(
                        "the page's permissions policy, re-indented with spaces", PAGE_POLICY_REINDENTED, PAGE_ACTIONS),
                Arguments.of(
                        "a policy: Allow statements in order; Deny and NotAction statements are not requirements",
                        """
                        {"Version": "2012-10-17", "Statement": [
                          {"Effect": "Allow", "Action": "ssm:GetDocument", "Resource": "*"},
                          {"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": "*"},
                          {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"},
                          {"Effect": "Allow", "Action": ["sqs:SendMessage", "kms:Decrypt"], "Resource": "*"}
                        ]}
                        """,
                        List.of("ssm:GetDocument", "sqs:SendMessage", "kms:Decrypt")),
                Arguments.of(
                        "service prefixes with a hyphen",
                        "aws-marketplace:ViewSubscriptions\n",
                        List.of("aws-marketplace:ViewSubscriptions")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accepted")
    void parsesTheFormatsOfTheCatalogOption(String name, String text, List<String> expected) {
        ActionCatalog catalog = ActionCatalog.parse(text, "newer.txt");
        assertThat(catalog.actions()).containsExactlyElementsOf(expected);
        assertThat(catalog.size()).isEqualTo(expected.size());
        assertThat(catalog.source()).isEqualTo("newer.txt");
    }

    @Test
    void theEmbeddedPasteIsTheSeedPagesBlockByteForByte() throws IOException {
        // keeps PAGE_POLICY_AS_PASTED honest: it must be the page's text, non-breaking spaces included
        Optional<Path> seed = SharedFolder.seedPage();
        Assumptions.assumeTrue(seed.isPresent(), "the seed page is not here");
        String page = Files.readString(seed.get(), StandardCharsets.UTF_8);
        assertThat(PAGE_POLICY_AS_PASTED).contains("\u00A0");
        assertThat(page).contains(PAGE_POLICY_AS_PASTED);
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("catalog.txt");
        Files.writeString(file, "# newer vendor version\nssm:GetDocument\nssm:StartSession\n", StandardCharsets.UTF_8);
        ActionCatalog catalog = ActionCatalog.read(file);
        assertThat(catalog.actions()).containsExactly("ssm:GetDocument", "ssm:StartSession");
        assertThat(catalog.source()).isEqualTo(file.toString());
    }

    // ---------------------------------------------------------------- errors

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(
                        "wildcard action on line 3",
                        "ssm:GetDocument\n# comment\nssm:Get*\n",
                        List.of("line 3", "\"ssm:Get*\"", "wildcards are not allowed")),
                Arguments.of("? wildcard", "ec2messages:?etEndpoint\n", List.of("line 1", "wildcards")),
                Arguments.of("a bare *", "\n*\n", List.of("line 2", "\"*\"")),
                Arguments.of(
                        "no service prefix",
                        "GetDocument\n",
                        List.of("line 1", "\"GetDocument\"", "not an action name: write service:Action")),
                Arguments.of("two actions on one line", "ssm:GetDocument sqs:SendMessage\n", List.of("line 1")),
                Arguments.of(
                        "duplicate, case-insensitive, names the later line",
                        "ssm:GetDocument\nsqs:SendMessage\nSSM:getdocument\n",
                        List.of("line 3", "SSM:getdocument", "listed twice")),
                Arguments.of(
                        "exact duplicate", "ssm:GetDocument\nssm:GetDocument\n", List.of("line 2", "listed twice")),
                Arguments.of("empty file", "", List.of("lists no actions")),
                Arguments.of(
                        "only comments and blank lines",
                        "# nothing yet\n\n   \n# still nothing\n",
                        List.of("lists no actions", "one action per line")),
                Arguments.of("empty JSON array", "[]", List.of("lists no actions")),
                Arguments.of(
                        "invalid JSON names line and column",
                        "[\"ssm:GetDocument\",\n  ssm:GetManifest]",
                        List.of("is not valid JSON", "line 2", "column")),
                Arguments.of(
                        "JSON array: wildcard names the item",
                        "[\"ssm:GetDocument\", \"ssm:*\"]",
                        List.of("item 2", "\"ssm:*\"")),
                Arguments.of(
                        "JSON array: duplicate names the item",
                        "[\"ssm:GetDocument\", \"sqs:SendMessage\", \"ssm:getdocument\"]",
                        List.of("item 3", "listed twice")),
                Arguments.of(
                        "JSON array: a number is not an action",
                        "[\"ssm:GetDocument\", 42]",
                        List.of("item 2", "\"42\"")),
                Arguments.of(
                        "policy: wildcard names the statement",
                        "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"ssm:*\", \"Resource\": \"*\"}}",
                        List.of("statement 1", "\"ssm:*\"")),
                Arguments.of(
                        "JSON object that is not a policy",
                        "{\"actions\": [\"ssm:GetDocument\"]}",
                        List.of("not a valid permissions policy", "Statement")),
                Arguments.of(
                        "policy with only a Deny lists no actions",
                        "{\"Statement\": {\"Effect\": \"Deny\", \"Action\": \"ssm:GetDocument\", \"Resource\": \"*\"}}",
                        List.of("lists no actions")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejectsWithAMessageNamingWhere(String name, String text, List<String> fragments) {
        assertThatThrownBy(() -> ActionCatalog.parse(text, "newer.txt"))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> {
                    // one clear line for stderr: names the file and what is wrong, no stack-trace noise
                    // (Jackson's "token 'null'" is JSON talk; a bare null would be a Java leftover)
                    assertThat(e.getMessage())
                            .contains("newer.txt")
                            .doesNotContain("\n")
                            .doesNotContainPattern("(?<!')null(?!')")
                            .doesNotContain("Exception");
                    fragments.forEach(f -> assertThat(e.getMessage()).contains(f));
                });
    }

    @Test
    void missingFileSaysSoAndNamesThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope").resolve("catalog.txt");
        assertThatThrownBy(() -> ActionCatalog.read(missing))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("--catalog");
    }

    @Test
    void aFolderIsNotACatalog(@TempDir Path dir) {
        assertThatThrownBy(() -> ActionCatalog.read(dir))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void textThatIsNotUtf8IsRejectedClearly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'s', 's', 'm', ':', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ActionCatalog.read(file))
                .isInstanceOf(UserFacingException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void acceptsAUtf8ByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bom.txt");
        Files.writeString(file, "\uFEFFssm:GetDocument\r\nsqs:SendMessage\r\n", StandardCharsets.UTF_8);
        assertThat(ActionCatalog.read(file).actions()).containsExactly("ssm:GetDocument", "sqs:SendMessage");
        // the same for a JSON array saved with a BOM (it is then not even recognised as JSON)
        Files.writeString(file, "\uFEFF[\"ssm:GetDocument\"]", StandardCharsets.UTF_8);
        assertThat(ActionCatalog.read(file).actions()).containsExactly("ssm:GetDocument");
    }
}
