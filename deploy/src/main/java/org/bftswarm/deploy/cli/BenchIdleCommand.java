package org.bftswarm.deploy.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.deploy.launcher.IdleBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bftswarm bench idle}: the picocli shell over {@link IdleBench}, which starts its own
 * cluster in a temporary directory, measures what it costs doing nothing, and downs it. Exit 0
 * when the cluster came up and was measured.
 */
@Command(
        name = "idle",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Start a cluster of NODES nodes on 127.0.0.1 with its own configuration and data in a temporary"
                    + " directory (ports from --base-port), wait until every node is UP and gossip has formed, let it"
                    + " settle, then measure the CPU of all node processes (from /proc, in percent of one core) and"
                    + " each node's peak RSS over SECONDS seconds with nothing submitted; then down the cluster and"
                    + " delete the directory.",
            "",
            "With --wake-rounds R, then R times: wait until every node is conservative (quiet), time one"
                    + " task's submit -> running, start a long background job so every node is normal (busy), time"
                    + " the same again, cancel the background job; this prints BENCH wake nodes=N idle_p50_ms=X"
                    + " busy_p50_ms=Y delta_ms=X-Y rounds=R.",
            "",
            "The last line is BENCH idle nodes=N cpu_pct_one_core=X rss_mb_max=Y rss_mb_median=Z.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm bench idle --nodes 4 --seconds 20", "  ./bftswarm bench idle --nodes 4 --wake-rounds 3"
        })
public final class BenchIdleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--nodes", defaultValue = "4", description = "Cluster size (default: ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--seconds", defaultValue = "20", description = "Measured window (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--settle",
            defaultValue = "20",
            description = "Seconds to wait after gossip formed before measuring (default: ${DEFAULT-VALUE}).")
    int settle;

    @Option(
            names = "--base-port",
            defaultValue = "31000",
            description = "HTTP port of node 0; WebSocket ports from +100, consensus and state ports from +200"
                    + " (default: ${DEFAULT-VALUE}).")
    int basePort;

    @Option(
            names = "--wake-rounds",
            defaultValue = "0",
            description = "Quiet/busy submit -> running rounds after the measurement (default: ${DEFAULT-VALUE}).")
    int wakeRounds;

    @Override
    public Integer call() throws Exception {
        if (nodes < 1
                || nodes > 100
                || seconds < 1
                || settle < 0
                || basePort < 1024
                || basePort > 64_000
                || wakeRounds < 0
                || wakeRounds > 50) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--nodes must be 1..100, --seconds at least 1, --settle at least 0, --base-port 1024..64000,"
                            + " --wake-rounds 0..50");
        }
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Optional<IdleBench.Result> result = new IdleBench(RepoHome.find(), out, err)
                .run(new IdleBench.Options(nodes, seconds, settle, basePort, wakeRounds));
        result.ifPresent(r -> out.println(r.line()));
        out.flush();
        return result.isPresent() ? 0 : 1;
    }
}
