package org.bftswarm.deploy.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code bftswarm} command. Every subcommand is registered in the
 * {@code subcommands} list below and nowhere else.
 */
@Command(
        name = "bftswarm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        // Register new subcommands here (one line each).
        subcommands = {
            ConfigCommand.class,
            TestCommand.class,
            BenchCommand.class,
            SimCommand.class,
            NodeCommand.class,
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            KillCommand.class,
            PauseCommand.class,
            ResumeCommand.class,
            RestartCommand.class,
            KillContainerCommand.class,
            SubmitCommand.class,
            JobsCommand.class,
            JobCommand.class,
            LogsCommand.class,
            ReadmitCommand.class,
            CancelCommand.class,
            EnergyCommand.class,
            ClientCommand.class,
            KeygenCommand.class,
            CommandLine.HelpCommand.class,
        },
        description = {
            "A Byzantine-fault-tolerant container orchestrator: n = 3f+1 nodes agree on every scheduling"
                    + " decision through PBFT, sign every message with Ed25519, and run tasks as Docker containers."
                    + " Up to f nodes may crash, lie or forge and the cluster still schedules correctly.",
            "",
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm config validate                 check ./cluster-config.yaml, print n, f and ports",
            "  ./bftswarm config show --json my.yaml      print a configuration with every default filled in",
            "  ./bftswarm test                            run all tests (starts Docker and builds images if needed)",
            "  ./bftswarm bench crypto --seconds 5        measure Ed25519 sign and verify operations per second",
            "  ./bftswarm config validate --help          help for one command",
            "",
            "Exit codes: 0 ok, 1 invalid input or failed check, 2 usage error.",
        })
public final class BftswarmCommand {
    static final int USAGE_WIDTH = 110;

    /** The configured command line, as used by {@code Main} and by tests. */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new BftswarmCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        return commandLine;
    }
}
