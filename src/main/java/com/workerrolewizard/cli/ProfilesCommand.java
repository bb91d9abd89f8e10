package com.workerrolewizard.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.app.Workflows;
import com.workerrolewizard.core.signin.ProfileInfo;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code profiles}: every AWS profile with its kind, the state of each Identity Center profile's token (valid,
 * refreshable, expired, missing), and why the ones that cannot work cannot.
 */
@Command(
        name = "profiles",
        mixinStandardHelpOptions = true,
        description =
                "Lists the AWS profiles (config and credentials files, and the environment), their kind and any problem.")
final class ProfilesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "text|json",
            defaultValue = "text",
            description = "text (default) or json.")
    Format format;

    enum Format {
        text,
        json
    }

    private final Workflows workflows;

    ProfilesCommand(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public Integer call() {
        List<ProfileInfo> profiles =
                workflows.sessions(workflows.references().builtInCatalog()).profiles();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ArrayNode array = json.createArrayNode();
            for (ProfileInfo p : profiles) {
                ObjectNode node = array.addObject();
                node.put("name", p.name());
                node.put("kind", p.kind().id());
                node.put("mfa", p.mfa());
                node.put("region", p.region());
                node.put("problem", p.problem());
                node.put("token", p.token() == null ? null : p.token().id());
            }
            out.print(com.workerrolewizard.core.policy.PolicyJson.pretty(array));
        } else if (profiles.isEmpty()) {
            out.println(
                    "No AWS profiles: create one with 'aws configure' (or 'aws configure sso'), or set AWS_ACCESS_KEY_ID.");
        } else {
            int width = Math.max(
                    7, profiles.stream().mapToInt(p -> p.name().length()).max().orElse(0));
            String row = "%-" + width + "s  %-12s  %-3s  %-14s  %-11s  %s";
            out.println(String.format(row, "PROFILE", "KIND", "MFA", "REGION", "TOKEN", "PROBLEM"));
            for (ProfileInfo p : profiles) {
                out.println(String.format(
                        row,
                        p.name(),
                        p.kind().id(),
                        p.mfa() ? "yes" : "",
                        p.region() == null ? "" : p.region(),
                        p.token() == null ? "" : p.token().id(),
                        p.problem() == null ? "" : p.problem()));
            }
        }
        out.flush();
        return ExitCode.OK;
    }
}
