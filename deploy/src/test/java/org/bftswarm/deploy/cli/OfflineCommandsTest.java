package org.bftswarm.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.deploy.launcher.JobFile;
import org.bftswarm.deploy.launcher.SubmitSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit -f}, {@code --constraint}, {@code up --dry-run}, {@code nodes} and {@code --watch} on a
 * cluster that is not running (ports 35710.. nobody listens on): what they accept, refuse and print.
 */
class OfflineCommandsTest {
    @TempDir
    Path dir;

    Path config;
    Path data;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("cluster.yaml");
        data = dir.resolve("data");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "swarm: unit-offline",
                        "nodes:",
                        "  count: 4",
                        "  httpPort: 35710",
                        "  wsPort: 35810",
                        "  randomPortRange: {min: 35900, max: 35999}",
                        "cleanup: false",
                        ""));
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--data", data.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aJobFileInYamlOrJsonReadsAsTheApiBodyAndConstraintsAddToIt() throws IOException {
        JobSubmission yaml = JobFile.read(file(
                "job.yaml",
                "name: hello\nimage: bftswarm/busybox\ncommand: [echo, hi]\ncount: 2\nconstraints: {zone: lab}\n"));
        assertThat(yaml.name()).isEqualTo("hello");
        assertThat(yaml.command()).containsExactly("echo", "hi");
        assertThat(yaml.count()).isEqualTo(2);
        JobSubmission json = JobFile.read(
                file("job.json", "{\"image\": \"bftswarm/busybox\", \"command\": [\"true\"], \"memoryMb\": 32}"));
        assertThat(json.memoryMb()).isEqualTo(32L);
        JobSubmission merged = SubmitSpec.withConstraints(yaml, SubmitSpec.constraints(List.of("disk=ssd", "zone=b")));
        assertThat(merged.constraints()).containsEntry("zone", "b").containsEntry("disk", "ssd");
        assertThat(merged.command()).isEqualTo(yaml.command());
    }

    @Test
    void aBadJobFileIsAUsageErrorNamingFileLineAndField() throws IOException {
        Path unknown = file("job.yaml", "image: bftswarm/busybox\nimag: typo\n");
        CliRun run = cli("submit", "-f", unknown.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(unknown + ":2:").contains("unknown field 'imag'");
        Path quoted = file("count.json", "{\"image\": \"x\",\n \"count\": \"2\"}");
        CliRun coerced = cli("submit", "-f", quoted.toString());
        assertThat(coerced.exitCode()).isEqualTo(2);
        assertThat(coerced.err()).contains(quoted + ":2:").contains("count");
        Path bad = file("zero.yaml", "image: bftswarm/busybox\ncount: 0\n");
        CliRun rule = cli("submit", "-f", bad.toString());
        assertThat(rule.exitCode()).isEqualTo(2);
        assertThat(rule.err()).contains("count");
        CliRun both = cli("submit", "-f", bad.toString(), "--image", "x");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("not both");
    }

    @Test
    void aGoodJobFileWithAConstraintPassesValidationAndOnlyTheAbsentClusterStopsIt() throws IOException {
        Path job = file("job.yaml", "image: bftswarm/busybox\ncommand: [echo, hi]\n");
        CliRun run = cli("submit", "-f", job.toString(), "--constraint", "zone=lab");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.err()).startsWith("bftswarm submit: ").doesNotContain("Usage:");
        CliRun badPair = cli("submit", "-f", job.toString(), "--constraint", "zone");
        assertThat(badPair.exitCode()).isEqualTo(2);
        assertThat(badPair.err()).contains("--constraint wants LABEL=VALUE");
    }

    @Test
    void upDryRunPrintsNodesPortsAndDataDirsAndStartsNothing() throws IOException {
        CliRun run = cli("up", "--dry-run");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("dry run")
                .contains("n = 4, f = 1, quorum 3")
                .contains("35710")
                .contains("35813")
                .contains("35900")
                .contains(data.resolve("node-3").toString())
                .contains(data.resolve("logs").resolve("node-0.log").toString())
                .contains("start");
        assertThat(Files.exists(data)).isFalse();
        JsonNode json =
                new ObjectMapper().readTree(cli("up", "--dry-run", "--json").out());
        assertThat(json.path("nodes")).hasSize(4);
        assertThat(json.path("nodes").get(2).path("httpPort").asInt()).isEqualTo(35712);
        assertThat(json.path("nodes").get(2).path("action").asText()).isEqualTo("start");
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void nodesOnAClusterThatIsDownExitsOneSayingSo() {
        CliRun run = cli("nodes");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no node of the cluster answered");
    }

    @Test
    void watchRedrawsEveryFrameAndWithJsonPrintsOneDocumentPerLine() throws IOException {
        CliRun text = cli("status", "--watch", "--frames", "2", "--interval", "0.1");
        assertThat(text.out().split(Pattern.quote(Watch.CLEAR), -1)).hasSize(3);
        assertThat(text.out()).contains("swarm unit-offline").contains("Ctrl-C ends");
        CliRun json = cli("status", "--watch", "--json", "--frames", "3", "--interval", "0.1");
        List<String> lines = json.out().lines().toList();
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            assertThat(new ObjectMapper().readTree(line).path("swarm").asText()).isEqualTo("unit-offline");
        }
        CliRun jobs = cli("jobs", "--watch", "--json", "--frames", "2", "--interval", "0.1");
        assertThat(jobs.exitCode()).isZero();
        List<String> jobLines = jobs.out().lines().toList();
        assertThat(jobLines).hasSize(2);
        assertThat(new ObjectMapper().readTree(jobLines.get(0)).has("error")).isTrue();
    }

    @Test
    void dashboardOnceWithoutATerminalPrintsOneFrameOfTheCluster() {
        CliRun run = cli("dashboard", "--once", "--width", "90", "--height", "25");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out())
                .contains("bftswarm unit-offline: n = 4, f = 1")
                .contains("http://127.0.0.1:35713")
                .contains("no node of the cluster answered")
                .contains("q quit");
        assertThat(run.out().lines())
                .hasSizeLessThanOrEqualTo(25)
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(90));
    }
}
