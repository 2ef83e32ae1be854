package org.bftswarm.deploy.cli;

import org.bftswarm.deploy.launcher.ClusterTarget;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The node named by {@code --trust-node} must exist. */
final class TrustedNode {
    private TrustedNode() {}

    static void check(CommandSpec spec, ClusterTarget target, int node) {
        int n = target.config().n();
        if (node < 0 || node >= n) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--trust-node " + node + ": no node " + node + " in a cluster of " + n + " (ids 0.." + (n - 1)
                            + ")");
        }
    }
}
