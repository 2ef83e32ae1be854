package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@code config show} output (YAML and JSON) is a configuration that resolves to the same cluster. */
class ShowRoundTripTest {
    private final ConfigWriter writer = new ConfigWriter();
    private final ConfigParser parser = new ConfigParser();

    private ClusterConfig reparse(String text) {
        ConfigReport report = parser.parse("shown.yaml", text);
        assertThat(report.errors()).as("errors in:%n%s", text).isEmpty();
        return report.config().orElseThrow();
    }

    @Test
    void shippedConfigSurvivesYamlAndJson() {
        ClusterConfig shipped = new ConfigLoader().loadOrThrow(Path.of("..", "cluster-config.yaml"));
        assertThat(reparse(writer.toYaml(shipped))).isEqualTo(shipped);
        assertThat(reparse(writer.toJson(shipped))).isEqualTo(shipped);
    }

    @Test
    void showWritesEveryDefaultExplicitly() {
        String yaml = writer.toYaml(valid("swarm: demo"));
        for (String key : List.of(
                "count: 4",
                "httpPort: 8080",
                "wsPort: 8585",
                "min: 20000",
                "max: 20999",
                "cleanup: true",
                "dataDir:",
                "batchMaxSize:",
                "batchMaxDelayMs:",
                "checkpointInterval:",
                "requestTimeoutMs:",
                "watermarkWindow:",
                "periodMs: 500",
                "suspicionTimeoutMs: 2000",
                "cpus:",
                "memoryMb:",
                "labels:")) {
            assertThat(yaml).contains(key);
        }
    }

    @Test
    void explicitNodeListSurvivesWithItsOverrides() {
        ClusterConfig config = valid(
                "swarm: demo",
                "labels: {zone: a}",
                "nodes:",
                "  list:",
                "    - host: 127.0.0.1",
                "    - host: 127.0.0.3",
                "      wsPort: 7000",
                "      labels: {zone: b}");
        assertThat(reparse(writer.toYaml(config))).isEqualTo(config);
        assertThat(reparse(writer.toJson(config))).isEqualTo(config);
    }

    @Property(tries = 60)
    void anyValidConfigurationSurvivesYamlAndJson(
            @ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll("labelValues") List<String> labelValues,
            @ForAll boolean explicitList,
            @ForAll boolean cleanup) {
        List<String> lines = new ArrayList<>(
                List.of("swarm: prop-test", "cleanup: " + cleanup, labelValues.isEmpty() ? "labels: {}" : "labels:"));
        for (int i = 0; i < labelValues.size(); i++) {
            lines.add("  k" + i + ": " + quoted(labelValues.get(i)));
        }
        lines.add("nodes:");
        if (explicitList) {
            lines.add("  list:");
            for (int i = 0; i < n; i++) {
                lines.add("    - host: 127.0.0." + (1 + i % 3));
            }
        } else {
            lines.add("  count: " + n);
        }
        ClusterConfig config = valid(lines.toArray(String[]::new));
        assertThat(reparse(writer.toYaml(config))).isEqualTo(config);
        assertThat(reparse(writer.toJson(config))).isEqualTo(config);
    }

    @Provide
    Arbitrary<List<String>> labelValues() {
        Arbitrary<String> tricky = Arbitraries.of(
                "true",
                "no",
                "null",
                "~",
                "123",
                "0x1F",
                "1e3",
                "a: b",
                "#x",
                " lead",
                "trail ",
                "",
                "- item",
                "{x}",
                "quote\"d",
                "it's",
                "ünï",
                "yes");
        Arbitrary<String> plain = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12);
        return Arbitraries.oneOf(tricky, plain).list().ofMaxSize(5);
    }

    /** A YAML double-quoted scalar that means exactly {@code value}. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void labelMapsStaySorted() {
        ClusterConfig config = valid("swarm: demo", "labels: {b: '2', a: '1'}");
        assertThat(config.labels().keySet()).containsExactly("a", "b");
        assertThat(config.labels()).isEqualTo(Map.of("a", "1", "b", "2"));
    }
}
