package org.bftswarm.deploy.launcher;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;

/**
 * {@code bench mine}: on a running cluster, the cluster hash rate (nonces its mine job covered over
 * {@code seconds}, units ending without a solution, after a warm-up: hashing plus every cost of
 * cutting the search into ordered units) against one process hashing the same header on all cores of
 * this machine with the default JIT (as the nodes' hashing child JVMs), in the same run, and their
 * ratio; the same on as many threads as the nodes hash on together (on a busy machine more threads
 * get a larger share of the CPU, so this ratio isolates the cluster's own cost); the process again
 * with the nodes' own flag (C1 only), which is what hashing inside the node would give; and for
 * {@code solves} medium jobs the time from the batch that accepted the solution to each node showing
 * the job ended (median over the jobs, per node).
 */
public final class MineBench {
    /**
     * The figures of one run: the cluster's rate; one process on every core with the default JIT (the
     * JIT the nodes' hashing child JVMs run) and on as many threads as the nodes hash on together; the
     * same process with the nodes' own flag (C1 only).
     */
    public record Result(
            double clusterHashesPerSecond,
            double reference,
            double referenceSameThreads,
            int clusterThreads,
            double referenceC1,
            List<Long> endMillisPerNode,
            String load) {
        public String line() {
            StringBuilder b = new StringBuilder(String.format(
                    "BENCH mine cluster_hps=%d reference_hps=%d ratio=%.2f reference_%d_threads_hps=%d"
                            + " ratio_same_threads=%.2f reference_c1_hps=%d c2_over_c1=%.2f",
                    Math.round(clusterHashesPerSecond),
                    Math.round(reference),
                    clusterHashesPerSecond / reference,
                    clusterThreads,
                    Math.round(referenceSameThreads),
                    clusterHashesPerSecond / referenceSameThreads,
                    Math.round(referenceC1),
                    reference / referenceC1));
            for (int i = 0; i < endMillisPerNode.size(); i++) {
                b.append(" end_ms_node").append(i).append('=').append(endMillisPerNode.get(i));
            }
            return b.append(" load=").append(load).toString();
        }
    }

    private final ApiClient api;
    private final PrintWriter out;
    private final int nodes;

    private final int clusterThreads;

    /** {@code clusterThreads}: the hashing threads of all nodes together (their configured CPUs). */
    public MineBench(ApiClient api, int nodes, int clusterThreads, PrintWriter out) {
        this.api = api;
        this.nodes = nodes;
        this.clusterThreads = clusterThreads;
        this.out = out;
    }

    /**
     * {@code rounds} rounds, each the cluster then the three references, alternating so that the
     * machine's other load falls on both sides alike; every figure is the median over the rounds.
     */
    public Result run(int seconds, int solves, int rounds) throws Exception {
        String load = load();
        int cores = Runtime.getRuntime().availableProcessors();
        List<Double> cluster = new ArrayList<>();
        List<Double> c2 = new ArrayList<>();
        List<Double> same = new ArrayList<>();
        List<Double> c1 = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            cluster.add(clusterRate(seconds));
            c2.add(reference(seconds, cores, false));
            same.add(reference(seconds, clusterThreads, false));
            c1.add(reference(seconds, cores, true));
            out.printf(
                    "round %d: cluster %.0f hashes/s; one process: %d threads %.0f, %d threads %.0f, %d threads C1"
                            + " only %.0f (load %s)%n",
                    round, last(cluster), cores, last(c2), clusterThreads, last(same), cores, last(c1), load());
            out.flush();
        }
        List<Long> ends = endTimes(solves);
        return new Result(
                median(cluster), median(c2), median(same), clusterThreads, median(c1), ends, load + "-" + load());
    }

    private static double last(List<Double> l) {
        return l.get(l.size() - 1);
    }

    private static double median(List<Double> l) {
        List<Double> sorted = new ArrayList<>(l);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private double clusterRate(int seconds) throws Exception {
        JobSubmission never = new JobSubmission(
                "bench-mine",
                null,
                null,
                null,
                null,
                null,
                3600,
                3,
                null,
                null,
                null,
                null,
                "none",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                JobSubmission.MINE,
                null,
                1,
                "0".repeat(64),
                merkle(),
                1231006505L,
                null,
                null,
                64,
                null,
                null,
                null);
        String id = api.submit(never);
        try {
            Thread.sleep(5000);
            long[] a = covered(id);
            Thread.sleep(seconds * 1000L);
            long[] b = covered(id);
            return (b[0] - a[0]) / ((b[1] - a[1]) / 1e9);
        } finally {
            api.cancel(id);
        }
    }

    private static String merkle() {
        return "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b";
    }

    /** Nonces covered by the job and the nanoTime they were read at. */
    private long[] covered(String id) throws Exception {
        JobJson j = api.job(id);
        return new long[] {j.mine().path("noncesCovered").asLong(), System.nanoTime()};
    }

    private static double reference(int seconds, int threads, boolean c1) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
        if (c1) {
            cmd.addAll(NodeCommandLine.JIT_FLAGS);
        }
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                HashReference.class.getName(),
                Integer.toString(seconds),
                Integer.toString(threads)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String rate = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("hashes_per_s=")) {
                    rate = line.substring("hashes_per_s=".length());
                }
            }
        }
        if (p.waitFor() != 0 || rate == null) {
            throw new IllegalStateException("the reference hasher failed: " + String.join(" ", cmd));
        }
        return Double.parseDouble(rate);
    }

    /** Per node, the median over {@code solves} medium jobs of (seen ended on the node) - (batch time of the end). */
    private List<Long> endTimes(int solves) throws Exception {
        List<List<Long>> perNode = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            perNode.add(new ArrayList<>());
        }
        for (int k = 0; k < solves; k++) {
            String id =
                    api.submit(JobSubmission.mineText("bench block " + k + " " + System.nanoTime(), "medium", "none"));
            long[] seenAt = new long[nodes];
            long deadline = System.currentTimeMillis() + 120_000;
            int left = nodes;
            JobJson ended = null;
            while (left > 0 && System.currentTimeMillis() < deadline) {
                for (int i = 0; i < nodes; i++) {
                    if (seenAt[i] == 0) {
                        try {
                            JobJson j = api.jobFrom(i, id);
                            if (j.status().terminal()) {
                                seenAt[i] = System.currentTimeMillis();
                                ended = j;
                                left--;
                            }
                        } catch (ApiException e) {
                            // not there yet, or the node is slow: look again
                        }
                    }
                }
                Thread.sleep(5);
            }
            if (ended == null || ended.finishedAt() == null) {
                continue;
            }
            for (int i = 0; i < nodes; i++) {
                if (seenAt[i] != 0) {
                    perNode.get(i).add(seenAt[i] - ended.finishedAt());
                }
            }
        }
        List<Long> medians = new ArrayList<>();
        for (List<Long> l : perNode) {
            l.sort(Long::compare);
            medians.add(l.isEmpty() ? -1 : l.get(l.size() / 2));
        }
        return medians;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
