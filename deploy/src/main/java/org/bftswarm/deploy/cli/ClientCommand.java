package org.bftswarm.deploy.cli;

import picocli.CommandLine.Command;

/** {@code bftswarm client}: commands about client identities (the {@code clients:} section). */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        subcommands = {ClientKeygenCommand.class},
        description = "Make client identities: Ed25519 keys that sign operations end to end.",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm client keygen alice", "  ./bftswarm client keygen ci --role reader --out ci.key"})
public final class ClientCommand {}
