package org.bftswarm.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bftswarm.node.config.ConfigParser;
import org.bftswarm.node.config.ConfigReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config validate} and {@code config show}: exit codes and what they print. */
class ConfigCommandsTest {
    private static final String SHIPPED = Path.of("..", "cluster-config.yaml").toString();

    @TempDir
    Path dir;

    private String write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file.toString();
    }

    @Test
    void validateOnTheShippedFileExitsZeroAndPrintsNAndF() {
        CliRun run = CliRun.of("config", "validate", SHIPPED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("valid")
                .contains("swarm      demo")
                .contains("n = 4, f = 1")
                .contains("quorum 3 (2f+1)");
        assertThat(run.out())
                .contains("8080")
                .contains("8585")
                .contains("20000")
                .contains("20007");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void validateOnCountManyExitsOneAndNamesLineAndColumn() throws IOException {
        String file = write("bad.yaml", "swarm: demo\nnodes:\n  count: many\n");
        CliRun run = CliRun.of("config", "validate", file);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(file + ":3:10: error: nodes.count: expected a whole number")
                .contains("invalid (1 error)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void validateReportsEveryErrorAndCountsThem() throws IOException {
        String file = write("bad.yaml", "swarm: demo\nnodes:\n  count: 0\n  wsPort: x\nextra: 1\n");
        CliRun run = CliRun.of("config", "validate", file);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(":3:10:")
                .contains(":4:11:")
                .contains(":5:1:")
                .contains("invalid (3 errors)");
    }

    @Test
    void validateOfAMissingFileExitsOne() {
        CliRun run = CliRun.of("config", "validate", dir.resolve("nope.yaml").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no such file");
    }

    @Test
    void validateWithFewerThanFourNodesWarnsLoudlyButExitsZero() throws IOException {
        String file = write("small.yaml", "swarm: demo\nnodes: {count: 2}\n");
        CliRun run = CliRun.of("config", "validate", file);
        assertThat(run.exitCode()).isZero();
        assertThat(run.err())
                .contains("warning: nodes.count")
                .contains("NO fault tolerance")
                .contains("!!!!");
        assertThat(run.out()).contains("n = 2, f = 0");
    }

    @Test
    void validateListsTwelveNodesUnlessAllAreAskedFor() throws IOException {
        String file = write("big.yaml", "swarm: demo\nnodes: {count: 20}\n");
        assertThat(CliRun.of("config", "validate", file).out())
                .contains("8 more nodes")
                .doesNotContain(" 8099 ");
        assertThat(CliRun.of("config", "validate", "--all-nodes", file).out())
                .contains("8099")
                .doesNotContain("more nodes");
    }

    @Test
    void showPrintsYamlThatValidatesToTheSameCluster() throws IOException {
        CliRun run = CliRun.of("config", "show", SHIPPED);
        assertThat(run.exitCode()).isZero();
        ConfigReport again = new ConfigParser().parse("shown", run.out());
        ConfigReport original = new ConfigParser().parse("orig", Files.readString(Path.of(SHIPPED)));
        assertThat(again.config()).isEqualTo(original.config());
        assertThat(CliRun.of("config", "validate", write("shown.yaml", run.out()))
                        .exitCode())
                .isZero();
    }

    @Test
    void showJsonPrintsJsonThatValidatesToTheSameCluster() {
        CliRun run = CliRun.of("config", "show", "--json", SHIPPED);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("{").contains("\"swarm\" : \"demo\"");
        ConfigReport again = new ConfigParser().parse("shown.json", run.out());
        assertThat(again.valid()).isTrue();
        assertThat(again.config().orElseThrow().n()).isEqualTo(4);
    }

    @Test
    void showOfAnInvalidFileExitsOneAndPrintsNothingOnStdout() throws IOException {
        CliRun run = CliRun.of("config", "show", write("bad.yaml", "swarm: [x]\n"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains(":1:8: error: swarm:");
    }
}
