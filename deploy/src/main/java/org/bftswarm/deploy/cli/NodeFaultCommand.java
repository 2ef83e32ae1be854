package org.bftswarm.deploy.cli;

import java.io.PrintWriter;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.FaultInjector;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * Base of the fault-injection commands that take a {@code NODE} id (kill, pause, resume, restart):
 * checks the id against the cluster's n, then applies the command's fault through a {@link FaultInjector}.
 */
abstract class NodeFaultCommand extends ClusterCommand {
    @Parameters(index = "0", paramLabel = "NODE", description = "Node id, 0..n-1.")
    int node;

    @Override
    final int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        int n = target.config().n();
        if (node < 0 || node >= n) {
            throw new ParameterException(
                    spec.commandLine(), "no node " + node + " in a cluster of " + n + " (ids 0.." + (n - 1) + ")");
        }
        return inject(new FaultInjector(target, out, err), node);
    }

    /** Applies this command's fault to {@code node}; returns the exit code. */
    abstract int inject(FaultInjector faults, int node) throws Exception;
}
