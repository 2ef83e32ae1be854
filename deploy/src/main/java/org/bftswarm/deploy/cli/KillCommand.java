package org.bftswarm.deploy.cli;

import org.bftswarm.deploy.launcher.FaultInjector;
import picocli.CommandLine.Command;

/** {@code bftswarm kill NODE}: fault injection, SIGKILL to the node's process. */
@Command(
        name = "kill",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kill a node's process with SIGKILL (a crash: no shutdown, nothing flushed).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm kill 2"})
public final class KillCommand extends NodeFaultCommand {
    @Override
    int inject(FaultInjector faults, int node) throws Exception {
        return faults.kill(node);
    }
}
