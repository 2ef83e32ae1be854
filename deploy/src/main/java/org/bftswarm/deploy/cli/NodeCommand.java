package org.bftswarm.deploy.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.node.FaultPermission;
import org.bftswarm.node.NodeFault;
import org.bftswarm.node.NodeRuntime;
import org.bftswarm.node.NodeSettings;
import org.bftswarm.node.NodeStartupException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bftswarm node --id I}: runs one node in the foreground until SIGTERM or
 * Ctrl-C, which stop it gracefully through a shutdown hook. {@code up} starts one per node; a
 * multi-host cluster starts one per host the same way.
 */
@Command(
        name = "node",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run node I of the cluster in the foreground: its PBFT replica with the scheduler, cluster-state"
                    + " member, worker and HTTP API. Logs go to stdout/stderr. SIGTERM stops it gracefully.",
            "",
            "Needs <data>/keys/node-<i>.key, every node-<j>.pub and <data>/api-token, which `./bftswarm up`"
                    + " creates once. Exit code 1 when they are missing, a port is taken or Docker is unreachable;"
                    + " 70 when the replica fails while running.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm node --id 0",
            "  ./bftswarm node --id 2 --config other.yaml --data /tmp/other-cluster",
            "  ./bftswarm node --id 3 --byzantine fake-results   (test clusters: testing.allowByzantine: true)",
        })
public final class NodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--id", required = true, paramLabel = "I", description = "This node's id, 0..n-1.")
    int id;

    @Option(
            names = "--byzantine",
            paramLabel = "BEHAVIOUR",
            split = ",",
            completionCandidates = NodeFaultNames.class,
            converter = NodeFaultConverter.class,
            description = {
                "For test clusters: make this node lie (repeatable, or a comma list). Refused unless the"
                        + " configuration says `testing.allowByzantine: true`.",
                "Behaviours: ${COMPLETION-CANDIDATES}."
            })
    List<NodeFault> byzantine = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (System.getenv("BFTSWARM_LOG_LEVEL") == null) {
            // a node's log is its record of what happened: INFO for our own classes (the CLI default is WARN)
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.bftswarm")).setLevel(Level.INFO);
        }
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        int n = target.get().config().n();
        if (id < 0 || id >= n) {
            throw new ParameterException(spec.commandLine(), "--id must be in 0.." + (n - 1) + ", got " + id);
        }
        Set<NodeFault> faults = byzantine.isEmpty() ? Set.of() : EnumSet.copyOf(byzantine);
        Optional<String> refused = FaultPermission.refusal(target.get().config(), faults);
        if (refused.isPresent()) {
            err.println("bftswarm node " + id + ": " + refused.get());
            err.flush();
            return 1;
        }
        NodeRuntime node;
        try {
            node = NodeRuntime.start(NodeSettings.production(
                            target.get().config(), id, target.get().layout().dataDir())
                    .withFaults(faults));
        } catch (NodeStartupException e) {
            err.println("bftswarm node " + id + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            node.close();
                            stopped.countDown();
                        },
                        "node-" + id + "-shutdown"));
        while (node.failure() == null) {
            if (stopped.await(500, TimeUnit.MILLISECONDS)) {
                return 0;
            }
        }
        err.println("bftswarm node " + id + ": replica failed: " + node.failure());
        err.flush();
        node.close();
        return 70;
    }
}
