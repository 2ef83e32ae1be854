package org.bftswarm.deploy.cli;

import org.bftswarm.deploy.launcher.FaultInjector;
import picocli.CommandLine.Command;

/** {@code bftswarm resume NODE}: fault injection, SIGCONT. */
@Command(
        name = "resume",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Continue a node paused with `pause` (SIGCONT).",
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm resume 2"})
public final class ResumeCommand extends NodeFaultCommand {
    @Override
    int inject(FaultInjector faults, int node) throws Exception {
        return faults.resume(node);
    }
}
