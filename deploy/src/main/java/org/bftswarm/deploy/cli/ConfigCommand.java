package org.bftswarm.deploy.cli;

import picocli.CommandLine.Command;

/** {@code bftswarm config}: commands about {@code cluster-config.yaml}. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {ConfigValidateCommand.class, ConfigShowCommand.class},
        description = "Check or print a cluster configuration (default: cluster-config.yaml).",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm config validate",
            "  ./bftswarm config validate other-cluster.yaml",
            "  ./bftswarm config show --json",
        })
public final class ConfigCommand {}
