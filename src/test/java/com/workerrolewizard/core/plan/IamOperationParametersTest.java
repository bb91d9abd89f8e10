package com.workerrolewizard.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An operation carries its own parameters, as IAM names them, for the journal and undo. They must say what the AWS
 * CLI command of the same operation says (the plan shows that command): the oracle reads them back from it.
 */
class IamOperationParametersTest {
    static final ObjectNode DOC = JsonNodeFactory.instance.objectNode().put("Version", "2012-10-17");

    static Stream<IamOperation> operations() {
        return Stream.of(
                new IamOperation.CreateRole(
                        "W",
                        "/veeam/",
                        DOC,
                        "worker role",
                        "arn:aws:iam::1:policy/B",
                        List.of(new IamOperation.Tag("team", "backup"), new IamOperation.Tag("env", "prod")),
                        7200),
                new IamOperation.CreateRole("W", "/", DOC, null, null, List.of(), null),
                new IamOperation.UpdateAssumeRolePolicy("W", DOC, DOC, List.of("the page's EC2 statement")),
                new IamOperation.CreateInstanceProfile("W-profile", "/p/"),
                new IamOperation.AddRoleToInstanceProfile("W-profile", "W"),
                new IamOperation.PutRolePolicy("W", "VeeamWorkerPermissions", DOC),
                new IamOperation.CreatePolicy("VeeamWorkerPermissions", "/", DOC, "The page's permissions"),
                new IamOperation.AttachRolePolicy("W", "arn:aws:iam::111122223333:policy/VeeamWorkerPermissions"));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void parametersSayWhatTheCliCommandSays(IamOperation operation) {
        assertThat(operation.parameters()).containsExactlyEntriesOf(fromCliArguments(operation));
    }

    /** --role-name W --path /x/ ... as RoleName=W, Path=/x/, leaving the document out. */
    static Map<String, String> fromCliArguments(IamOperation operation) {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> args = operation.cliArguments();
        String document = operation.document().map(Object::toString).orElse(null);
        for (int i = 1; i < args.size(); i++) {
            if (!args.get(i).startsWith("--")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int j = i + 1; j < args.size() && !args.get(j).startsWith("--"); j++) {
                values.add(args.get(j));
            }
            if (!values.isEmpty() && !values.get(0).equals(document)) {
                StringBuilder name = new StringBuilder();
                for (String part : args.get(i).substring(2).split("-")) {
                    name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
                parameters.put(name.toString(), String.join(" ", values));
            }
        }
        return parameters;
    }
}
