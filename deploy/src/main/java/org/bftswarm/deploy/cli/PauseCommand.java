package org.bftswarm.deploy.cli;

import org.bftswarm.deploy.launcher.FaultInjector;
import picocli.CommandLine.Command;

/** {@code bftswarm pause NODE}: fault injection, SIGSTOP. */
@Command(
        name = "pause",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Freeze a node's process with SIGSTOP (it keeps its sockets but answers nothing until resumed).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm pause 2"})
public final class PauseCommand extends NodeFaultCommand {
    @Override
    int inject(FaultInjector faults, int node) throws Exception {
        return faults.pause(node);
    }
}
