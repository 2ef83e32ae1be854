package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.wasm.WasmBench;

/**
 * {@code bench wasm}: a sum over a dataset of {@code elements} integers sharded over a running cluster
 * (default shards: one per node up), timed from submission to the answer 200, against the same module
 * summing the same number of elements in this JVM (Chicory, compiled, one core) in the same run; then
 * the submit→200 latency of a 4-element job. Rounds alternate the two sides; figures are medians.
 */
public final class WasmClusterBench {
    /** Options: elements of the large job, measured rounds, samples of the small job. */
    public record Options(int elements, int rounds, int smallJobs) {}

    /** The {@code BENCH wasm} line's figures. */
    public record Result(
            int elements,
            double clusterPerSecond,
            double localPerSecond,
            long smallP50Ms,
            long smallP99Ms,
            long clusterResult,
            long expected) {
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "BENCH wasm elements=%d cluster_elements_per_s=%.0f local_elements_per_s=%.0f ratio=%.3f"
                            + " small_job_p50_ms=%d small_job_p99_ms=%d correct=%s",
                    elements,
                    clusterPerSecond,
                    localPerSecond,
                    clusterPerSecond / localPerSecond,
                    smallP50Ms,
                    smallP99Ms,
                    clusterResult == expected);
        }
    }

    private final ApiClient api;
    private final PrintWriter out;
    private final byte[] module;

    public WasmClusterBench(ApiClient api, PrintWriter out, Path modulePath) throws IOException {
        this.api = api;
        this.out = out;
        this.module = Files.readAllBytes(modulePath);
    }

    public Result run(Options o) throws Exception {
        long[] dataset = new long[o.elements()];
        long expected = 0;
        for (int i = 0; i < o.elements(); i++) {
            dataset[i] = i % 10;
            expected += dataset[i];
        }
        String base64 = Base64.getEncoder().encodeToString(module);
        List<Double> cluster = new ArrayList<>();
        List<Double> local = new ArrayList<>();
        long clusterResult = -1;
        WasmBench.sum(module, Math.min(o.elements(), 100_000), 2, false);
        for (int round = 0; round < o.rounds(); round++) {
            long start = System.nanoTime();
            JobJson job = awaitComplete(api.submit(job(base64, dataset)));
            double seconds = (System.nanoTime() - start) / 1e9;
            clusterResult = job.result().asLong();
            cluster.add(o.elements() / seconds);
            WasmBench.Figures f = WasmBench.sum(module, o.elements(), 1, false);
            local.add(f.elementsPerSecond());
            out.printf(
                    Locale.ROOT,
                    "round %d: cluster %d elements in %.2f s over %d shards (%.0f /s); local %.0f /s%n",
                    round + 1,
                    o.elements(),
                    seconds,
                    job.shards().size(),
                    o.elements() / seconds,
                    f.elementsPerSecond());
            out.flush();
        }
        List<Long> small = new ArrayList<>();
        long[] four = {10, 20, 30, 40};
        for (int i = 0; i < o.smallJobs(); i++) {
            long start = System.nanoTime();
            awaitComplete(api.submit(job(base64, four)));
            small.add((System.nanoTime() - start) / 1_000_000);
        }
        LatencyStats latency = new LatencyStats(small);
        out.printf(
                Locale.ROOT,
                "4-element job submit→200: p50 %d ms p99 %d ms (%d jobs)%n",
                latency.percentile(50),
                latency.percentile(99),
                latency.count());
        return new Result(
                o.elements(),
                median(cluster),
                median(local),
                latency.percentile(50),
                latency.percentile(99),
                clusterResult,
                expected);
    }

    private static JobSubmission job(String base64, long[] dataset) {
        return JobSubmission.wasm(base64, dataset, null, "none");
    }

    /** Polls every 20 ms until the job has ended (404 from a node still behind is asked again); it must complete. */
    private JobJson awaitComplete(String jobId) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < end) {
            JobJson job;
            try {
                job = api.job(jobId);
            } catch (ApiException e) {
                if (e.status() != 404) {
                    throw e;
                }
                // a node that has not executed the submission yet: ask again
                Thread.sleep(20);
                continue;
            }
            if (job.status().terminal()) {
                if (job.result() == null || !job.result().isNumber()) {
                    throw new IllegalStateException(
                            "job " + jobId + " ended " + job.status() + ": " + job.resultError());
                }
                return job;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("job " + jobId + " did not end within 5 minutes");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }
}
