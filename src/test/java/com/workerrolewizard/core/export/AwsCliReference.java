package com.workerrolewizard.core.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of the AWS CLI's command reference the StackSet script uses, read from
 * src/test/resources/aws-cli/stackset-operations.txt (taken from botocore's service models, which the CLI is built
 * from): which {@code aws SERVICE COMMAND} exists, which {@code --option}s it takes, the values of a few enums, and the
 * shapes that {@code --query} paths and shorthand keys walk. Names are turned into the CLI's as botocore's
 * {@code xform_name} does.
 */
final class AwsCliReference {
    /** Options of every command (the CLI's global options), not members of an operation's input. */
    static final Set<String> GLOBAL_OPTIONS = Set.of("--region", "--query", "--output", "--profile", "--debug");

    /** An operation's input members, as --options. */
    private final Map<String, List<String>> options = new LinkedHashMap<>();
    /** service + " " + kebab command of each operation, to the operation's name. */
    private final Map<String, String> operations = new HashMap<>();
    /** service + " wait " + waiter command, to the operation it polls. */
    private final Map<String, String> waiters = new HashMap<>();

    private final Map<String, List<String>> enums = new HashMap<>();
    private final Map<String, String> outputs = new HashMap<>();
    /** service + " " + structure, to member name -> member shape. */
    private final Map<String, Map<String, String>> structures = new HashMap<>();

    private final Map<String, String> lists = new HashMap<>();

    static AwsCliReference load() {
        try (InputStream in = AwsCliReference.class.getResourceAsStream("/aws-cli/stackset-operations.txt")) {
            return new AwsCliReference(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private AwsCliReference(String text) {
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> words = Arrays.asList(line.strip().split("\\s+"));
            String kind = words.get(0);
            String service = words.get(1);
            String name = words.get(2);
            List<String> rest = words.subList(3, words.size());
            switch (kind) {
                case "op" -> {
                    operations.put(service + " " + kebab(name), name);
                    options.put(
                            service + " " + name,
                            rest.stream().map(m -> "--" + kebab(m)).toList());
                }
                case "wait" -> waiters.put(service + " wait " + kebab(name), rest.get(0));
                case "enum" -> enums.put(service + " " + name, List.copyOf(rest));
                case "output" -> outputs.put(service + " " + name, rest.get(0));
                case "struct" -> {
                    Map<String, String> members = new LinkedHashMap<>();
                    rest.forEach(m -> members.put(m.substring(0, m.indexOf(':')), m.substring(m.indexOf(':') + 1)));
                    structures.put(service + " " + name, members);
                }
                case "list" -> lists.put(service + " " + name, rest.get(0));
                default -> throw new IllegalStateException("Unknown line in the CLI reference: " + line);
            }
        }
    }

    /** botocore's xform_name with '-': CreateStackSet -> create-stack-set, AdministrationRoleARN -> ...-role-arn. */
    static String kebab(String name) {
        Matcher plural = Pattern.compile("[A-Z]{2,}s$").matcher(name);
        String text = plural.find()
                ? name.substring(0, plural.start())
                        + name.charAt(plural.start())
                        + name.substring(plural.start() + 1, name.length() - 1).toLowerCase()
                        + "s"
                : name;
        text = text.replaceAll("(.)([A-Z][a-z]+)", "$1-$2");
        text = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2");
        return text.toLowerCase();
    }

    /**
     * What is wrong with one call, by the reference ({@code [service, command, args...]}), or an empty list. A
     * {@code wait} call takes the options of the operation it polls.
     */
    List<String> problems(List<String> call) {
        List<String> problems = new ArrayList<>();
        String command = call.get(0) + " " + call.get(1);
        String operation;
        int first = 2;
        if (call.get(1).equals("wait")) {
            command = call.get(0) + " wait " + call.get(2);
            operation = waiters.get(command);
            first = 3;
        } else {
            operation = operations.get(command);
        }
        if (operation == null) {
            return List.of("aws " + command + " is no command of the AWS CLI reference");
        }
        List<String> allowed = options.get(call.get(0) + " " + operation);
        for (String word : call.subList(first, call.size())) {
            if (word.startsWith("--") && !allowed.contains(word) && !GLOBAL_OPTIONS.contains(word)) {
                problems.add("aws " + command + " has no option " + word);
            }
        }
        return problems;
    }

    List<String> enumValues(String service, String shape) {
        List<String> values = enums.get(service + " " + shape);
        if (values == null) {
            throw new AssertionError("No enum " + shape + " in the reference");
        }
        return values;
    }

    Set<String> members(String service, String structure) {
        Map<String, String> members = structures.get(service + " " + structure);
        if (members == null) {
            throw new AssertionError("No structure " + structure + " in the reference");
        }
        return members.keySet();
    }

    /**
     * Whether every name of a --query path ({@code StackSetOperation.Status}, {@code Parents[0].[Id,Type]},
     * {@code Summaries[?Status!=`SUCCEEDED`].[Account,Status]}) is a member of the output where it stands.
     */
    List<String> queryProblems(String service, String command, String query) {
        String operation = operations.get(service + " " + command);
        String shape = outputs.get(service + " " + operation);
        List<String> problems = new ArrayList<>();
        // Filters and indexes name members of the list's items; they are checked with the item's structure.
        String path = query.replaceAll("\\[\\?[^\\]]*]", "").replaceAll("\\[\\d+]", "");
        walk(service, shape, path, problems, query);
        return problems;
    }

    private void walk(String service, String shape, String path, List<String> problems, String query) {
        if (path.isEmpty()) {
            return;
        }
        while (lists.containsKey(service + " " + shape)) {
            shape = lists.get(service + " " + shape);
        }
        if (path.startsWith("[")) {
            for (String name : path.substring(1, path.length() - 1).split(",")) {
                walk(service, shape, name, problems, query);
            }
            return;
        }
        int dot = path.indexOf('.');
        String name = dot < 0 ? path : path.substring(0, dot);
        Map<String, String> members = structures.get(service + " " + shape);
        if (members == null || !members.containsKey(name)) {
            problems.add("--query " + query + ": " + shape + " has no member " + name);
            return;
        }
        walk(service, members.get(name), dot < 0 ? "" : path.substring(dot + 1), problems, query);
    }
}
