package org.bftswarm.deploy.cli;

import picocli.CommandLine.Command;

/** {@code bftswarm config}: commands about {@code cluster-config.yaml}. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {
            ConfigValidateCommand.class,
            ConfigShowCommand.class,
            ConfigInitCommand.class,
            ConfigSetCommand.class,
            ConfigPathCommand.class
        },
        description = "Write, edit, check or print a cluster configuration (default: cluster-config.yaml).",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm config validate",
            "  ./bftswarm config validate other-cluster.yaml",
            "  ./bftswarm config show --json",
            "  ./bftswarm config init --swarm lab",
            "  ./bftswarm config set consensus.batchMaxSize 128",
            "  ./bftswarm config path",
        })
public final class ConfigCommand {}
