package org.bftswarm.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bftswarm test} runs scripts/run-tests.sh of the checkout and returns its exit code. */
class TestCommandTest {
    @TempDir
    Path home;

    private final String previousHome = System.getProperty("bftswarm.home");

    @AfterEach
    void restoreHome() {
        if (previousHome == null) {
            System.clearProperty("bftswarm.home");
        } else {
            System.setProperty("bftswarm.home", previousHome);
        }
    }

    @Test
    void returnsTheScriptsExitCodeAndPassesArgumentsOn() throws IOException {
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Path seen = home.resolve("seen-args");
        Files.writeString(scripts.resolve("run-tests.sh"), "echo \"$@\" > '" + seen + "'\nexit 7\n");
        System.setProperty("bftswarm.home", home.toString());
        CliRun run = CliRun.of("test", "-pl", "deploy");
        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(Files.readString(seen).strip()).isEqualTo("-pl deploy");
    }

    @Test
    void fastLaneIsPassedToTheScriptFirst() throws IOException {
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Path seen = home.resolve("seen-args");
        Files.writeString(scripts.resolve("run-tests.sh"), "echo \"$@\" > '" + seen + "'\n");
        System.setProperty("bftswarm.home", home.toString());
        CliRun run = CliRun.of("test", "--fast", "-pl", "consensus");
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(seen).strip()).isEqualTo("--fast -pl consensus");
    }

    @Test
    void missingScriptIsAFailureWithAMessage() {
        System.setProperty("bftswarm.home", home.toString());
        CliRun run = CliRun.of("test");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("scripts/run-tests.sh not found");
    }
}
