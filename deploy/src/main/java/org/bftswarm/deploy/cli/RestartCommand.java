package org.bftswarm.deploy.cli;

import java.time.Duration;
import org.bftswarm.deploy.launcher.FaultInjector;
import picocli.CommandLine.Command;

/** {@code bftswarm restart NODE}: fault injection, SIGKILL, then start again. */
@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Kill a node (SIGKILL, if it runs) and start it again with the same command; waits until its"
                + " /healthz answers and it has caught up with the sequence number the other nodes had reached.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm restart 2"})
public final class RestartCommand extends NodeFaultCommand {
    @Override
    int inject(FaultInjector faults, int node) throws Exception {
        return faults.restart(node, Duration.ofSeconds(60));
    }
}
