package org.bftswarm.consensus.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.bftswarm.consensus.client.ClientNetwork;
import org.bftswarm.consensus.client.ClientOptions;
import org.bftswarm.consensus.client.ServiceProxy;
import org.bftswarm.consensus.storage.ReplicaLogKind;
import org.bftswarm.consensus.transport.TransportConfig;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.ed25519.Ed25519Providers;
import org.bftswarm.crypto.ed25519.ProviderChoice;

/**
 * End-to-end consensus throughput and latency, shaped like BFT-SMaRt's ThroughputLatency
 * microbenchmark: replicas run as separate JVMs on 127.0.0.1, closed-loop client threads (one client
 * id each, one outstanding request each) run in this JVM, and only operations completed after the
 * warm-up count. Every replica message and every client request is Ed25519-signed, and replies are
 * signed by each replica. {@link Options#crypto()} picks the Ed25519 provider of the replica JVMs
 * and of the clients in this JVM alike (the {@value Ed25519Providers#PROPERTY} system property); the
 * run checks that every replica reports it. Ends with
 * {@code BENCH consensus ops_per_s=X p50_ms=Y p90_ms=Z p99_ms=W crypto=P}.
 */
public final class ConsensusBench {
    /** What to run. */
    public record Options(
            int replicas,
            int clients,
            int requestBytes,
            int warmupSeconds,
            int measureSeconds,
            int batch,
            long batchDelayMs,
            int pipelineDepth,
            List<String> replicaJvmArgs,
            Path dataDir,
            ReplicaLogKind log,
            ProviderChoice crypto) {
        public Options {
            Objects.requireNonNull(crypto, "crypto");
            if (replicas < 4) {
                throw new IllegalArgumentException("--replicas must be at least 4, got " + replicas);
            }
            if (clients < 1
                    || requestBytes < 0
                    || warmupSeconds < 0
                    || measureSeconds < 1
                    || batch < 1
                    || batchDelayMs < 0
                    || pipelineDepth < 1) {
                throw new IllegalArgumentException("clients >= 1, request-bytes >= 0, warmup-s >= 0, measure-s >= 1,"
                        + " batch >= 1, batch-delay-ms >= 0, pipeline-depth >= 1");
            }
            replicaJvmArgs = List.copyOf(replicaJvmArgs);
        }
    }

    /** The figures of one run. */
    public record Result(
            long operations, double opsPerSecond, double p50Ms, double p90Ms, double p99Ms, String crypto) {
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "BENCH consensus ops_per_s=%.0f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f crypto=%s",
                    opsPerSecond,
                    p50Ms,
                    p90Ms,
                    p99Ms,
                    crypto);
        }
    }

    private ConsensusBench() {}

    /**
     * JVM options of the replica processes; the system property {@code bftswarm.bench.replicaJvmArgs} replaces them.
     */
    public static List<String> defaultReplicaJvmArgs() {
        String override = System.getProperty("bftswarm.bench.replicaJvmArgs");
        if (override != null && !override.isBlank()) {
            return List.of(override.trim().split("\\s+"));
        }
        return List.of("-Xms256m", "-Xmx1g", "-XX:+UseParallelGC");
    }

    public static Result run(Options o, PrintStream out) throws Exception {
        String crypto = useProvider(o.crypto());
        List<String> jvmArgs = new ArrayList<>(o.replicaJvmArgs());
        jvmArgs.add("-D" + Ed25519Providers.PROPERTY + "=" + o.crypto().spelling());
        Path dir = o.dataDir() == null
                ? Files.createTempDirectory("bftswarm-bench-")
                : Files.createTempDirectory(Files.createDirectories(o.dataDir()), "bftswarm-bench-");
        try (ReplicaProcessCluster cluster = ReplicaProcessCluster.create(
                dir,
                "bench",
                o.replicas(),
                o.clients(),
                jvmArgs,
                List.of(
                        "--batch",
                        Integer.toString(o.batch()),
                        "--batch-delay-ms",
                        Long.toString(o.batchDelayMs()),
                        "--log",
                        o.log().name(),
                        "--pipeline-depth",
                        Integer.toString(o.pipelineDepth())))) {
            out.printf(
                    Locale.ROOT,
                    "starting %d replica JVMs on 127.0.0.1 (%s), logs in %s; %d closed-loop clients,"
                            + " %d-byte operations, warm-up %d s, measure %d s, durable log %s, Ed25519 %s%n",
                    o.replicas(),
                    cluster.spec().addressList(),
                    dir,
                    o.clients(),
                    o.requestBytes(),
                    o.warmupSeconds(),
                    o.measureSeconds(),
                    o.log(),
                    crypto);
            cluster.startAll();
            cluster.awaitListening(60_000);
            try (ClientNetwork net = new ClientNetwork(
                    cluster.spec(), cluster.keys().loadRegistry(cluster.spec().n()), TransportConfig.defaults(), 2)) {
                return drive(o, cluster, net, out, crypto);
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Makes {@code choice} this JVM's Ed25519 provider (it is fixed on first use, so nothing may have
     * signed yet) and returns its name; throws IllegalStateException when it was already another.
     */
    private static String useProvider(ProviderChoice choice) {
        System.setProperty(Ed25519Providers.PROPERTY, choice.spelling());
        String wanted = Ed25519Providers.forChoice(choice).name();
        String active = Ed25519Providers.activeName();
        if (!active.equals(wanted)) {
            throw new IllegalStateException("this JVM already runs Ed25519 on " + active + ", not " + wanted
                    + "; start it with -D" + Ed25519Providers.PROPERTY + "=" + choice.spelling());
        }
        return active;
    }

    private static Result drive(
            Options o, ReplicaProcessCluster cluster, ClientNetwork net, PrintStream out, String crypto)
            throws Exception {
        AtomicLong completed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        LatencyLog[] logs = new LatencyLog[o.clients()];
        List<Thread> threads = new ArrayList<>();
        List<ServiceProxy> proxies = new ArrayList<>();
        Phase phase = new Phase();
        byte[] op = new byte[o.requestBytes()];
        for (int c = 0; c < o.clients(); c++) {
            int id = 1000 + c;
            ServiceProxy p =
                    new ServiceProxy(net, id, cluster.keys().loadSigningKey(id), new ClientOptions(500, 2_000, 60_000));
            proxies.add(p);
            LatencyLog log = new LatencyLog();
            logs[c] = log;
            Thread t = new Thread(
                    () -> {
                        try {
                            while (!phase.done) {
                                long t0 = System.nanoTime();
                                p.invoke(op);
                                long t1 = System.nanoTime();
                                completed.incrementAndGet();
                                if (phase.measuring && !phase.done) {
                                    log.add(t1 - t0);
                                }
                            }
                        } catch (Throwable e) {
                            failure.compareAndSet(null, e);
                        }
                    },
                    "bench-client-" + id);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        long start = System.nanoTime();
        progress(out, "warmup", o.warmupSeconds(), start, completed, failure);
        long measuredFrom = completed.get();
        long[] before = counters(cluster, o.replicas());
        long cpuReplicas0 = cluster.replicaCpuNanos();
        long cpuClient0 = ownCpuNanos();
        long t0 = System.nanoTime();
        phase.measuring = true;
        progress(out, "measure", o.measureSeconds(), t0, completed, failure);
        phase.done = true;
        long t1 = System.nanoTime();
        long cpuReplicas = cluster.replicaCpuNanos() - cpuReplicas0;
        long[] after = counters(cluster, o.replicas());
        long cpuClient = ownCpuNanos() - cpuClient0;
        long measuredOps = completed.get() - measuredFrom;
        for (Thread t : threads) {
            t.join(5_000);
        }
        long ops = 0;
        for (LatencyLog l : logs) {
            ops += l.size();
        }
        proxies.forEach(ServiceProxy::close);
        if (failure.get() != null) {
            throw new IllegalStateException("a client failed: " + failure.get(), failure.get());
        }
        List<String> replicaCrypto = new ArrayList<>();
        for (int i = 0; i < o.replicas(); i++) {
            replicaCrypto.add(cluster.process(i).status("crypto"));
        }
        Invariants.check(
                replicaCrypto.stream().allMatch(crypto::equals),
                "replicas run Ed25519 on %s, not %s",
                replicaCrypto,
                crypto);
        long[] all = LatencyLog.merge(logs);
        double perOpUs = (cpuReplicas + cpuClient) / 1e3 / Math.max(1, measuredOps);
        int cores = Runtime.getRuntime().availableProcessors();
        out.printf(
                Locale.ROOT,
                "CPU during measurement: replicas %.1f s, clients %.1f s; %.0f us of CPU per operation"
                        + " -> at most %.0f ops/s if this machine's %d cores did nothing else%n",
                cpuReplicas / 1e9,
                cpuClient / 1e9,
                perOpUs,
                cores * 1e6 / perOpUs,
                cores);
        long batches = after[0] - before[0];
        out.printf(
                Locale.ROOT,
                "batches: %d during measurement (%.1f operations per batch); per replica, requests"
                        + " left unverified on arrival %s, signatures checked at execution %s, late votes set aside %s%n",
                batches,
                measuredOps / (double) Math.max(1, batches),
                deltas(before, after, 1, o.replicas()),
                deltas(before, after, 1 + o.replicas(), o.replicas()),
                deltas(before, after, 1 + 2 * o.replicas(), o.replicas()));
        double seconds = (t1 - t0) / 1e9;
        out.printf(
                Locale.ROOT,
                "measured %d operations in %.1f s (%d completed before); replicas: %s%n",
                ops,
                seconds,
                measuredFrom,
                cluster.describe().lines().filter(l -> l.startsWith("replica")).toList());
        return new Result(ops, ops / seconds, pct(all, 0.50), pct(all, 0.90), pct(all, 0.99), crypto);
    }

    /** Executed batches of replica 0, then per replica: deferred requests, execution checks, late votes. */
    private static long[] counters(ReplicaProcessCluster cluster, int n) {
        long[] c = new long[1 + 3 * n];
        c[0] = cluster.process(0).statusLong("executed");
        for (int i = 0; i < n; i++) {
            c[1 + i] = cluster.process(i).statusLong("deferred_requests");
            c[1 + n + i] = cluster.process(i).statusLong("verified_at_execution");
            c[1 + 2 * n + i] = cluster.process(i).statusLong("late_votes");
        }
        return c;
    }

    private static List<Long> deltas(long[] before, long[] after, int from, int count) {
        List<Long> d = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            d.add(after[i] - before[i]);
        }
        return d;
    }

    private static void progress(
            PrintStream out,
            String name,
            int seconds,
            long start,
            AtomicLong completed,
            AtomicReference<Throwable> failure)
            throws InterruptedException {
        long end = start + seconds * 1_000_000_000L;
        long last = completed.get();
        long lastT = System.nanoTime();
        while (System.nanoTime() < end && failure.get() == null) {
            Thread.sleep(Math.max(1, Math.min(5_000, (end - System.nanoTime()) / 1_000_000)));
            long now = System.nanoTime();
            long c = completed.get();
            out.printf(
                    Locale.ROOT,
                    "%s t=%.0fs ops/s=%.0f total=%d%n",
                    name,
                    (now - start) / 1e9,
                    (c - last) / ((now - lastT) / 1e9),
                    c);
            last = c;
            lastT = now;
        }
    }

    private static long ownCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static final class Phase {
        volatile boolean measuring;
        volatile boolean done;
    }

    /** Per-thread latency samples (nanoseconds); no sharing on the hot path. */
    private static final class LatencyLog {
        private long[] samples = new long[1 << 14];
        private volatile int size;

        void add(long nanos) {
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, size * 2);
            }
            samples[size] = nanos;
            size = size + 1;
        }

        int size() {
            return size;
        }

        static long[] merge(LatencyLog[] logs) {
            int n = 0;
            for (LatencyLog l : logs) {
                n += l.size;
            }
            long[] all = new long[n];
            int p = 0;
            for (LatencyLog l : logs) {
                System.arraycopy(l.samples, 0, all, p, l.size);
                p += l.size;
            }
            Arrays.sort(all);
            return all;
        }
    }

    /** {@code ConsensusBench [replicas clients requestBytes warmupS measureS batchDelayMs [dataDir]]}. */
    public static void main(String[] args) throws Exception {
        int[] v = {4, 50, 0, 60, 30, 2};
        for (int i = 0; i < Math.min(args.length, v.length); i++) {
            v[i] = Integer.parseInt(args[i]);
        }
        Path data = args.length > 6 ? Path.of(args[6]) : null;
        Result r = run(
                new Options(
                        v[0],
                        v[1],
                        v[2],
                        v[3],
                        v[4],
                        64,
                        v[5],
                        2,
                        defaultReplicaJvmArgs(),
                        data,
                        ReplicaLogKind.JOURNAL,
                        ProviderChoice.parse(System.getProperty(Ed25519Providers.PROPERTY, "native"))),
                System.out);
        System.out.println(r.line());
        System.exit(0);
    }
}
