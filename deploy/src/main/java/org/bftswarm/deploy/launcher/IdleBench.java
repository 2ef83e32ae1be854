package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.bftswarm.node.config.ConfigLoader;
import org.bftswarm.node.config.ConfigProblem;
import org.bftswarm.node.config.ConfigReport;

/**
 * The idle-cost benchmark: writes a configuration for N nodes on loopback into a fresh temporary
 * directory (its own swarm name, ports from {@code basePort}, data beside it), brings the cluster up,
 * waits until every node is UP and gossip has formed, lets it settle, then reads every node process's
 * CPU time ({@code /proc/<pid>/stat}) at the start and end of the window and its RSS once a second,
 * and always downs (and purges) the cluster. With {@code wakeRounds > 0} it then runs {@link WakeBench}
 * on the same cluster (its {@code BENCH wake} line comes first). The result's line is
 * {@code BENCH idle nodes=N cpu_pct_one_core=X rss_mb_max=Y rss_mb_median=Z}: X is the CPU of all
 * node processes together, in percent of one core.
 */
public final class IdleBench {
    private static final Duration UP_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final String WAKE_IMAGE = "bftswarm/busybox";

    /** Nodes, measured window, settling time after the cluster formed, and the first port used. */
    public record Options(int nodes, int seconds, int settleSeconds, int basePort, int wakeRounds) {
        public Options(int nodes, int seconds, int settleSeconds, int basePort) {
            this(nodes, seconds, settleSeconds, basePort, 0);
        }
    }

    /** CPU of all nodes over the window (percent of one core) and the peak RSS of each node (MiB). */
    public record Result(int nodes, double cpuPctOneCore, List<Long> rssMb) {
        public Result {
            rssMb = List.copyOf(rssMb);
        }

        public String line() {
            List<Long> sorted = rssMb.stream().sorted().toList();
            long max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
            long median = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
            return String.format(
                    Locale.ROOT,
                    "BENCH idle nodes=%d cpu_pct_one_core=%.1f rss_mb_max=%d rss_mb_median=%d",
                    nodes,
                    cpuPctOneCore,
                    max,
                    median);
        }
    }

    private final Path repoHome;
    private final PrintWriter out;
    private final PrintWriter err;

    public IdleBench(Path repoHome, PrintWriter out, PrintWriter err) {
        this.repoHome = repoHome;
        this.out = out;
        this.err = err;
    }

    /** Runs the bench; empty result (and a message on err) when the cluster did not come up. */
    public Optional<Result> run(Options o) throws Exception {
        Path dir = Files.createTempDirectory("bftswarm-idle-");
        Path configFile = dir.resolve("cluster-config.yaml");
        Files.writeString(configFile, configText(o), StandardCharsets.UTF_8);
        ConfigReport report = new ConfigLoader().load(configFile);
        if (!report.valid()) {
            report.errors().stream().map(ConfigProblem::format).forEach(err::println);
            return Optional.empty();
        }
        ClusterTarget target = new ClusterTarget(
                report.config().orElseThrow(), configFile, new ClusterLayout(dir.resolve("data")), repoHome);
        try {
            if (new UpProcedure(target, out, err).run(UP_TIMEOUT, true) != 0) {
                return Optional.empty();
            }
            if (!awaitFormed(target)) {
                err.println("bftswarm bench idle: gossip did not form with every node");
                return Optional.empty();
            }
            out.printf("settling for %d s, then measuring for %d s%n", o.settleSeconds(), o.seconds());
            out.flush();
            Thread.sleep(o.settleSeconds() * 1000L);
            Result idle = measure(target, o);
            if (o.wakeRounds() > 0) {
                out.printf("waking the quiet cluster %d times (each after it is quiet again)%n", o.wakeRounds());
                out.flush();
                new WakeBench(target, out, WAKE_IMAGE).run(o.wakeRounds()).ifPresent(w -> out.println(w.line()));
            }
            return Optional.of(idle);
        } finally {
            new DownProcedure(target, out, err).run(10_000, false);
            DownProcedure.deleteTree(dir);
        }
    }

    private Result measure(ClusterTarget target, Options o) throws InterruptedException, IOException {
        ProcessProbe processes = new ProcessProbe(target.layout());
        int n = target.config().n();
        long[] pids = new long[n];
        long[] cpuBefore = new long[n];
        long[] rssPeak = new long[n];
        for (int id = 0; id < n; id++) {
            pids[id] = processes.livePid(id).orElseThrow(() -> new IOException("a node is not running"));
        }
        for (int id = 0; id < n; id++) {
            cpuBefore[id] = ProcessCpu.cpuMillis(pids[id]).orElseThrow();
        }
        long started = System.nanoTime();
        for (int s = 0; s < o.seconds(); s++) {
            Thread.sleep(1000);
            for (int id = 0; id < n; id++) {
                OptionalLong rss = ProcessCpu.rssKib(pids[id]);
                rssPeak[id] = Math.max(rssPeak[id], rss.orElse(0));
            }
        }
        long cpu = 0;
        for (int id = 0; id < n; id++) {
            long after = ProcessCpu.cpuMillis(pids[id])
                    .orElseThrow(() -> new IOException("a node exited during the measurement"));
            cpu += after - cpuBefore[id];
        }
        double wallMillis = (System.nanoTime() - started) / 1e6;
        List<Long> rssMb = new ArrayList<>();
        for (int id = 0; id < n; id++) {
            rssMb.add(rssPeak[id] / 1024);
            out.printf("  node %d (pid %d): rss peak %d MB%n", id, pids[id], rssPeak[id] / 1024);
        }
        return new Result(n, 100.0 * cpu / wallMillis, rssMb);
    }

    private static boolean awaitFormed(ClusterTarget target) throws InterruptedException {
        ClusterHealthProbe health = new ClusterHealthProbe(target.apiUrls(), PROBE_TIMEOUT);
        long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (health.allUp(0) && health.gossipFormed()) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** The configuration of the bench cluster: defaults except its name, size, ports and cleanup. */
    static String configText(Options o) {
        int p = o.basePort();
        return String.join(
                "\n",
                "swarm: idle-bench",
                "nodes:",
                "  count: " + o.nodes(),
                "  httpPort: " + p,
                "  wsPort: " + (p + 100),
                "  randomPortRange:",
                "    min: " + (p + 200),
                "    max: " + (p + 999),
                "cleanup: true",
                "dataDir: data",
                "");
    }
}
