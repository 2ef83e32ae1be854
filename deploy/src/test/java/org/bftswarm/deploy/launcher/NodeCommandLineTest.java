package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeCommandLineTest {
    private static final Path CONFIG = Path.of("/tmp/c/cluster.yaml");
    private static final Path DATA = Path.of("/tmp/c/data");

    private static List<String> command(int id) {
        return NodeCommandLine.build("/jdk/bin/java", "/a.jar:/b.jar", Path.of("/repo"), "demo", id, CONFIG, DATA);
    }

    @Test
    void commandRunsMainNodeWithIdConfigAndDataAfterJvmFlags() {
        List<String> cmd = command(3);
        assertThat(cmd.get(0)).isEqualTo("/jdk/bin/java");
        int main = cmd.indexOf(NodeCommandLine.MAIN_CLASS);
        assertThat(cmd.subList(main + 1, cmd.size()))
                .containsExactly("node", "--id", "3", "--config", CONFIG.toString(), "--data", DATA.toString());
        assertThat(cmd.subList(0, main))
                .containsSubsequence("-cp", "/a.jar:/b.jar")
                .contains("-Xmx256m", "-Dbftswarm.home=/repo", "-Dbftswarm.node=demo/3")
                .containsSequence("--add-opens", "java.base/java.lang=ALL-UNNAMED")
                .containsSequence("--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED")
                .containsSequence("--add-modules", "java.se");
    }

    @Test
    void byzantineBehavioursFollowTheNodeOptionsOneFlagEach() {
        List<String> cmd = NodeCommandLine.build(
                "/jdk/bin/java", "/a.jar", null, "demo", 2, CONFIG, DATA, List.of("fake-results", "silent-worker"));
        int main = cmd.indexOf(NodeCommandLine.MAIN_CLASS);
        assertThat(cmd.subList(main + 1, cmd.size()))
                .containsExactly(
                        "node",
                        "--id",
                        "2",
                        "--config",
                        CONFIG.toString(),
                        "--data",
                        DATA.toString(),
                        "--byzantine",
                        "fake-results",
                        "--byzantine",
                        "silent-worker");
        assertThat(NodeCommandLine.isNodeCommand(cmd, 2, DATA)).isTrue();
    }

    @Test
    void nodeJvmsRunWithOneC1CompilerThreadASmallYoungGenerationAndTwoMallocArenas() {
        List<String> cmd = command(0);
        assertThat(cmd.subList(0, cmd.indexOf(NodeCommandLine.MAIN_CLASS)))
                .contains("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xmn16m", "-XX:+UseSerialGC");
        assertThat(NodeCommandLine.ENVIRONMENT).containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @Test
    void relativePathsAreRejected() {
        assertThatThrownBy(() -> NodeCommandLine.build("java", "cp", null, "s", 0, Path.of("rel.yaml"), DATA))
                .hasMessageContaining("absolute");
    }

    @Test
    void builtCommandIsRecognisedAsThatNodeOnly() {
        assertThat(NodeCommandLine.isNodeCommand(command(1), 1, DATA)).isTrue();
        assertThat(NodeCommandLine.isNodeCommand(command(1), 2, DATA)).isFalse();
        assertThat(NodeCommandLine.isNodeCommand(command(1), 1, Path.of("/tmp/other")))
                .isFalse();
        assertThat(NodeCommandLine.isNodeCommand(List.of("/usr/bin/sleep", "100"), 1, DATA))
                .isFalse();
        assertThat(NodeCommandLine.isNodeCommand(List.of("java", NodeCommandLine.MAIN_CLASS, "up"), 1, DATA))
                .isFalse();
        assertThat(NodeCommandLine.isNodeCommand(List.of("java", NodeCommandLine.MAIN_CLASS), 1, DATA))
                .isFalse();
    }
}
