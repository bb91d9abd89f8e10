package com.workerrolewizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Asks Terraform what the quoted strings, heredocs and maps of an exported configuration hold: each such attribute,
 * copied as written, becomes a local of a configuration that needs no provider (so no {@code terraform init}), and
 * {@code terraform console} prints them base64-encoded. The values must equal what the HCL reader of these tests reads.
 */
final class TerraformValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ATTRIBUTE = Pattern.compile("^  ([a-z_]+)\\s*= (.*)$");
    private static final Pattern BLOCK = Pattern.compile("^(\\w+)( \"[^\"]+\")*( \\{)$");

    private TerraformValues() {}

    static void assertTerraformReadsTheSame(String hcl) throws Exception {
        List<String> lines = hcl.lines().toList();
        StringBuilder config = new StringBuilder();
        StringBuilder locals = new StringBuilder("locals {\n");
        List<String> sources = new ArrayList<>();
        String block = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher header = BLOCK.matcher(line);
            if (header.matches()) {
                block = header.group(1);
                if (block.equals("variable")) {
                    // Variables are copied whole: the heredocs refer to var.appliance_arn.
                    while (!lines.get(i).equals("}")) {
                        config.append(lines.get(i++)).append('\n');
                    }
                    config.append("}\n");
                    block = null;
                }
                continue;
            }
            Matcher attribute = ATTRIBUTE.matcher(line);
            if (block == null || !attribute.matches()) {
                continue;
            }
            String value = attribute.group(2);
            StringBuilder source = new StringBuilder(value).append('\n');
            if (value.startsWith("<<-")) {
                String marker = value.substring(3);
                do {
                    source.append(lines.get(++i)).append('\n');
                } while (!lines.get(i).strip().equals(marker));
            } else if (value.equals("{")) {
                do {
                    source.append(lines.get(++i)).append('\n');
                } while (!lines.get(i).equals("  }"));
            } else if (!value.startsWith("\"")) {
                continue;
            }
            locals.append("  l").append(sources.size()).append(" = ").append(source);
            sources.add(source.toString());
        }
        config.append(locals).append("}\n");

        Map<String, String> variables = variables(hcl);
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            terms.add(
                    sources.get(i).startsWith("{")
                            ? "base64encode(jsonencode(local.l" + i + "))"
                            : "base64encode(local.l" + i + ")");
        }
        List<String> read = console(config.toString(), "jsonencode([" + String.join(", ", terms) + "])");
        assertThat(read).hasSameSizeAs(sources);
        for (int i = 0; i < sources.size(); i++) {
            Hcl.Value value = Hcl.parse("x = " + sources.get(i)).attribute("x");
            if (value instanceof Hcl.Obj object) {
                ObjectNode expected = JSON.createObjectNode();
                object.entries()
                        .forEach((k, v) -> expected.put(
                                Hcl.evaluate(k, variables), Hcl.evaluate(((Hcl.Text) v).template(), variables)));
                assertThat(JSON.readTree(read.get(i)))
                        .as("local %s: %s", i, sources.get(i))
                        .isEqualTo(expected);
            } else {
                assertThat(read.get(i))
                        .as("local %s: %s", i, sources.get(i))
                        .isEqualTo(Hcl.evaluate(((Hcl.Text) value).template(), variables));
            }
        }
    }

    private static Map<String, String> variables(String hcl) {
        Hcl.Body body = Hcl.parse(hcl);
        Map<String, String> variables = new HashMap<>();
        for (String name : List.of("appliance_arn", "role_name")) {
            Hcl.Text value = (Hcl.Text) body.block("variable", name).body().attribute("default");
            variables.put("var." + name, Hcl.evaluate(value.template(), Map.of()));
        }
        return variables;
    }

    private static List<String> console(String config, String expression) throws Exception {
        Path folder = Files.createTempDirectory("hostile-tf");
        try {
            Files.writeString(folder.resolve("main.tf"), config, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder("terraform", "console", "-no-color")
                    .directory(folder.toFile())
                    .start();
            try (var in = process.getOutputStream()) {
                in.write((expression + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue())
                    .as("terraform console: %s\n%s", err, config)
                    .isZero();
            JsonNode array = JSON.readTree(JSON.readTree(out.strip()).asText());
            List<String> values = new ArrayList<>();
            array.forEach(v -> values.add(new String(Base64.getDecoder().decode(v.asText()), StandardCharsets.UTF_8)));
            return values;
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
