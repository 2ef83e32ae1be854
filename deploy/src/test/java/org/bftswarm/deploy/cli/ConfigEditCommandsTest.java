package org.bftswarm.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bftswarm.node.config.ConfigParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config init}, {@code config set} and {@code config path}: what they write, refuse and print. */
class ConfigEditCommandsTest {
    @TempDir
    Path dir;

    private Path init() {
        Path file = dir.resolve("cluster-config.yaml");
        CliRun run = CliRun.of("config", "init", file.toString(), "--swarm", "lab");
        assertThat(run.exitCode()).as(run.all()).isZero();
        return file;
    }

    @Test
    void initWritesACommentedValidFileAndRefusesToOverwriteWithoutForce() throws IOException {
        Path file = init();
        String text = Files.readString(file);
        assertThat(text).contains("swarm: lab").contains("# n = 4 nodes tolerate f = 1");
        assertThat(new ConfigParser().parse(file.toString(), text).valid()).isTrue();
        Files.writeString(file, "swarm: mine\n");
        CliRun again = CliRun.of("config", "init", file.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains(file + " exists; --force replaces it");
        assertThat(Files.readString(file)).isEqualTo("swarm: mine\n");
        assertThat(CliRun.of("config", "init", file.toString(), "--force").exitCode())
                .isZero();
        assertThat(Files.readString(file)).contains("swarm: demo");
    }

    @Test
    void setEditsTheValueInPlaceKeepingEveryOtherLine() throws IOException {
        Path file = init();
        String before = Files.readString(file);
        CliRun run = CliRun.of("config", "set", "nodes.count", "7", "--config", file.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("nodes.count = 7");
        String after = Files.readString(file);
        assertThat(after).isEqualTo(before.replace("  count: 4  ", "  count: 7  "));
        assertThat(CliRun.of("config", "validate", file.toString()).out()).contains("n = 7, f = 2");
    }

    @Test
    void setOfAnUnknownKeyNamesTheFileAndKeyAndLeavesTheFileUntouched() throws IOException {
        Path file = init();
        String before = Files.readString(file);
        CliRun run = CliRun.of("config", "set", "consensus.batchSize", "9", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(file.toString())
                .contains("unknown key consensus.batchSize")
                .contains("batchMaxSize");
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void setOfAWrongTypeReportsFileLineAndColumnAndLeavesTheFileUntouched() throws IOException {
        Path file = init();
        String before = Files.readString(file);
        int line = before.lines()
                        .toList()
                        .indexOf(before.lines()
                                .filter(l -> l.startsWith("  count:"))
                                .findFirst()
                                .orElseThrow())
                + 1;
        CliRun run = CliRun.of("config", "set", "nodes.count", "many", "--config", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains(file + ":" + line + ":10: error: nodes.count: expected a whole number")
                .contains("the file is unchanged");
        assertThat(Files.readString(file)).isEqualTo(before);
        CliRun impossible = CliRun.of("config", "set", "nodes.count", "0", "--config", file.toString());
        assertThat(impossible.exitCode()).isEqualTo(1);
        assertThat(impossible.err()).contains("nodes.count");
        assertThat(Files.readString(file)).isEqualTo(before);
        assertThat(dir.toFile().list()).containsExactly("cluster-config.yaml");
    }

    @Test
    void pathPrintsTheAbsoluteFileAndFailsWhenItIsMissing() {
        Path file = init();
        CliRun run = CliRun.of("config", "path", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip())
                .isEqualTo(file.toAbsolutePath().normalize().toString());
        CliRun json = CliRun.of("config", "path", "--json", file.toString());
        assertThat(json.out()).contains("\"exists\":true");
        CliRun missing = CliRun.of("config", "path", dir.resolve("nope.yaml").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("does not exist");
    }
}
