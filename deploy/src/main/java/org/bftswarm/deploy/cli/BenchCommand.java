package org.bftswarm.deploy.cli;

import picocli.CommandLine.Command;

/** {@code bftswarm bench}: rerunnable benchmarks that print their figures. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        // Register new benchmarks here (one line each).
        subcommands = {
            BenchCryptoCommand.class,
            BenchConsensusCommand.class,
            BenchTasksCommand.class,
            BenchFailoverCommand.class,
            BenchWasmCommand.class,
            BenchIdleCommand.class,
            BenchMineCommand.class,
        },
        description = "Run a benchmark and print its figures (every performance claim comes from one of these).",
        commandListHeading = "%nBenchmarks:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm bench crypto --seconds 2"})
public final class BenchCommand {}
