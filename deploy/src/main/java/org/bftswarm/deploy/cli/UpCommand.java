package org.bftswarm.deploy.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ByzantineAssignments;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.DemoWorkload;
import org.bftswarm.deploy.launcher.ProcessProbe;
import org.bftswarm.deploy.launcher.UpPlan;
import org.bftswarm.deploy.launcher.UpProcedure;
import org.bftswarm.node.FaultPermission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bftswarm up}: start the cluster's nodes in the background and wait until it orders operations. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Start a cluster: validate the configuration, make the node keys and the API token once"
                    + " (<data>/keys, <data>/api-token), make sure Docker and the task images are there, start every"
                    + " node that is not running yet in the background (log: <data>/logs/node-<i>.log), wait until"
                    + " every node is healthy and a quorum has ordered the first operation (nodes started while others"
                    + " ran must also catch up with them), and print the nodes.",
            "",
            "With --demo, then run a sample workload and show its progress and results.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm up --demo",
            "  ./bftswarm up --dry-run",
            "  ./bftswarm up --config other.yaml --data /tmp/other-cluster",
            "  ./bftswarm up --byzantine 2:fake-results --byzantine 1:suspect-everyone   (test clusters only)",
        })
public final class UpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            defaultValue = "90",
            description = "Give up waiting for the cluster after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--demo", description = "Run the sample workload once the cluster is up.")
    boolean demo;

    @Option(
            names = "--dry-run",
            description = "Validate the configuration and print the plan (nodes, ports, data directories, which nodes"
                    + " would start) without starting or writing anything.")
    boolean dryRun;

    @Option(names = "--json", description = "With --dry-run: print the plan as JSON.")
    boolean json;

    @Option(names = "--skip-docker-check", description = "Do not run scripts/ensure-docker.sh first.")
    boolean skipDockerCheck;

    @Option(
            names = "--byzantine",
            paramLabel = "NODE:BEHAVIOUR",
            split = ",",
            completionCandidates = NodeFaultNames.class,
            description = {
                "For test clusters: start node NODE lying with BEHAVIOUR (repeatable, or a comma list such as"
                        + " 2:fake-results,1:tamper-output). Refused unless the configuration says"
                        + " `testing.allowByzantine: true`.",
                "Behaviours: ${COMPLETION-CANDIDATES}."
            })
    List<String> byzantine = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (timeoutSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--timeout must be at least 1, got " + timeoutSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        ByzantineAssignments liars;
        try {
            liars = ByzantineAssignments.parse(byzantine, target.get().config().n());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<String> refused = FaultPermission.refusal(target.get().config(), liars.all());
        if (refused.isPresent()) {
            err.println("bftswarm up: " + refused.get());
            err.flush();
            return 1;
        }
        if (dryRun) {
            ProcessProbe processes = new ProcessProbe(target.get().layout());
            UpPlan plan =
                    UpPlan.of(target.get(), id -> processes.state(id) != ProcessProbe.NodeProcess.NOT_RUNNING, liars);
            try {
                ClusterCommand.printJsonOrText(out, json, ApiClient.mapper(), plan, plan::render);
            } catch (JsonProcessingException e) {
                err.println("bftswarm up: " + e.getMessage());
                return 1;
            }
            return 0;
        }
        try {
            int code = new UpProcedure(target.get(), out, err, liars)
                    .run(Duration.ofSeconds(timeoutSeconds), !skipDockerCheck);
            if (code == 0 && demo) {
                code = new DemoWorkload(target.get(), out, err).run();
            }
            return code;
        } catch (IOException e) {
            err.println("bftswarm up: " + e.getMessage());
            return 1;
        }
    }
}
