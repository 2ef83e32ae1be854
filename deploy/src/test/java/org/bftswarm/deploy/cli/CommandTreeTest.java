package org.bftswarm.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help, version and usage errors behave the same on every command of the tree. */
class CommandTreeTest {

    private static List<List<String>> allCommandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(BftswarmCommand.newCommandLine(), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> prefix, List<List<String>> paths) {
        paths.add(List.copyOf(prefix));
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(sub.getKey());
            collect(sub.getValue(), path, paths);
        }
    }

    @Test
    void everyCommandAnswersHelpWithUsageAndExitZero() {
        List<List<String>> paths = allCommandPaths();
        assertThat(paths)
                .contains(
                        List.of("config", "validate"),
                        List.of("config", "show"),
                        List.of("test"),
                        List.of("bench", "crypto"));
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("exit of %s", args).isZero();
            assertThat(run.out())
                    .as("help of %s", args)
                    .contains("Usage: bftswarm")
                    .contains("--help");
        }
    }

    @Test
    void everyCommandAnswersVersion() {
        for (List<String> path : allCommandPaths()) {
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.exitCode()).as("exit of %s", args).isZero();
            assertThat(run.out()).as("version of %s", args).startsWith("bftswarm ");
        }
    }

    @Test
    void topLevelHelpShowsCommandsAndExamples() {
        CliRun run = CliRun.of("--help");
        assertThat(run.out())
                .contains("config")
                .contains("test")
                .contains("bench")
                .contains("Examples:")
                .contains("./bftswarm config validate")
                .contains("Exit codes");
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        CliRun run = CliRun.of("config", "validate", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option").contains("Usage:");
    }

    @Test
    void unknownCommandIsAUsageErrorWithExitTwo() {
        assertThat(CliRun.of("launch").exitCode()).isEqualTo(2);
    }

    @Test
    void missingSubcommandIsAUsageErrorWithExitTwo() {
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        assertThat(CliRun.of("config").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench").exitCode()).isEqualTo(2);
    }

    @Test
    void benchCryptoRejectsZeroSecondsAsAUsageError() {
        CliRun run = CliRun.of("bench", "crypto", "--seconds", "0");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--seconds must be at least 1");
    }
}
