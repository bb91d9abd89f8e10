package com.workerrolewizard.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AWS CLI's cache format: JSON as Python's json.dumps writes it (checked against Python itself where it is
 * installed), the registration file's key, the times the AWS CLI has written over the years, files that cannot be read.
 */
class SsoCacheFormatTest {
    @TempDir
    Path folder;

    private static SsoSettings settings(String session, String startUrl, List<String> scopes) {
        return new SsoSettings("p", session, startUrl, "eu-west-1", "111122223333", "Admin", scopes, Optional.empty());
    }

    @Test
    void theRegistrationKeyIsPythonsSortedJsonDumps() {
        assertThat(SsoTokenCache.registrationKey(settings("corp", "https://corp.awsapps.com/start", null)))
                .isEqualTo("{\"region\": \"eu-west-1\", \"scopes\": null, \"session_name\": \"corp\", "
                        + "\"startUrl\": \"https://corp.awsapps.com/start\", \"tool\": \"botocore\"}");
        assertThat(SsoTokenCache.registrationKey(settings(null, "https://x.awsapps.com/start", List.of("a:b", "c"))))
                .isEqualTo("{\"region\": \"eu-west-1\", \"scopes\": [\"a:b\", \"c\"], \"session_name\": null, "
                        + "\"startUrl\": \"https://x.awsapps.com/start\", \"tool\": \"botocore\"}");
        assertThat(SsoTokenCache.registrationKey(settings("caf\u00e9 \"q\"\\", "https://x/\u00fc\u20ac", List.of())))
                .contains("\"scopes\": []")
                .contains("\"session_name\": \"caf\\u00e9 \\\"q\\\"\\\\\"")
                .contains("\"startUrl\": \"https://x/\\u00fc\\u20ac\"");
    }

    @Test
    void theJsonMatchesWhatPythonItselfWrites() throws Exception {
        Path python = python();
        if (python == null) {
            System.err.println(
                    "SKIPPED: python3 is not on the PATH; json.dumps is checked against hand-written texts only.");
            org.junit.jupiter.api.Assumptions.assumeTrue(false, "no python3");
        }
        List<String> samples = List.of(
                "plain",
                "tab\tnew\nline",
                "quote\" back\\slash",
                "caf\u00e9 \u20ac \ud83d\ude00",
                "ctl\u0001\u001f\u007f",
                "slash/ and <tag> & 'single'");
        List<Map<String, Object>> values = new ArrayList<>();
        for (String sample : samples) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("tool", "botocore");
            value.put("startUrl", sample);
            value.put("region", "us-east-1");
            value.put("scopes", List.of(sample, "sso:account:access"));
            value.put("session_name", null);
            values.add(value);
        }
        // Python reads the values from JSON that Java's own library wrote, so both start from the same data.
        Process process = new ProcessBuilder(
                        python.toString(),
                        "-c",
                        "import json,sys\nfor v in json.loads(sys.stdin.read()):"
                                + " print(json.dumps(v, sort_keys=True)); print(json.dumps(v))")
                .start();
        process.getOutputStream().write(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(values));
        process.getOutputStream().close();
        List<String> printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(printed).hasSize(2 * samples.size());
        for (int i = 0; i < samples.size(); i++) {
            assertThat(PythonJson.dumpsSorted(values.get(i))).as(samples.get(i)).isEqualTo(printed.get(2 * i));
            assertThat(PythonJson.dumps(values.get(i))).as(samples.get(i)).isEqualTo(printed.get(2 * i + 1));
        }
    }

    private static Path python() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void timesTheAwsCliWroteOverTheYearsAreRead() throws Exception {
        SsoTokenCache cache = new SsoTokenCache(folder);
        List<String> times = List.of(
                "2030-01-02T03:04:05Z",
                "2030-01-02T03:04:05UTC",
                "2030-01-02T03:04:05+00:00",
                "2030-01-02T04:04:05.000+01:00");
        List<Instant> read = new ArrayList<>();
        for (String time : times) {
            Files.writeString(cache.file("s"), "{\"accessToken\": \"a\", \"expiresAt\": \"" + time + "\"}");
            read.add(cache.read("s").orElseThrow().expiresAt());
        }
        assertThat(read).containsOnly(Instant.parse("2030-01-02T03:04:05Z"));
        cache.write(
                "s",
                new SsoTokenCache.Token(
                        "u", "r", "a", Instant.parse("2030-01-02T03:04:05.987Z"), null, null, null, null));
        assertThat(Files.readString(cache.file("s")))
                .isEqualTo("{\"startUrl\": \"u\", \"region\": \"r\", "
                        + "\"accessToken\": \"a\", \"expiresAt\": \"2030-01-02T03:04:05Z\"}");
    }

    @Test
    void aFileThatCannotBeUsedSaysWhy() throws Exception {
        SsoTokenCache cache = new SsoTokenCache(folder);
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("not json", "it is not valid JSON");
        reasons.put("[1, 2]", "it is not a JSON object");
        reasons.put("{\"expiresAt\": \"2030-01-01T00:00:00Z\"}", "it has no accessToken or no expiresAt");
        reasons.put("{\"accessToken\": \"a\", \"expiresAt\": \"soon\"}", "its expiresAt is not a time");
        reasons.put("{\"accessToken\": 7, \"expiresAt\": \"2030-01-01T00:00:00Z\"}", "its accessToken is not a string");
        for (Map.Entry<String, String> entry : reasons.entrySet()) {
            Files.writeString(cache.file("s"), entry.getKey());
            assertThatThrownBy(() -> cache.read("s"))
                    .as(entry.getKey())
                    .isInstanceOf(SsoTokenCache.UnreadableFile.class)
                    .hasMessageStartingWith(entry.getValue());
        }
        Files.delete(cache.file("s"));
        Files.createDirectory(cache.file("s"));
        assertThatThrownBy(() -> cache.read("s"))
                .isInstanceOf(SsoTokenCache.UnreadableFile.class)
                .hasMessage("it is not a file");
        assertThat(cache.read("absent")).isEmpty();
    }
}
