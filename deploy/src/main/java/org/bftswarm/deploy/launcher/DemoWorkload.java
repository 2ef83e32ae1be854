package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.JobSubmission;

/**
 * The quick start's sample workload ({@code ./bftswarm up --demo}): three small jobs on
 * {@code bftswarm/busybox} that show parallel tasks spread over the nodes, a deterministic output,
 * and a failing task retried once before it fails for good with its exit code. Prints progress
 * while they run and every result at the end; exit 0 when each job ended as expected.
 */
public final class DemoWorkload {
    static final String IMAGE = "bftswarm/busybox";
    static final long DEADLINE_SECONDS = 180;

    private final ClusterTarget target;
    private final PrintWriter out;
    private final PrintWriter err;

    public DemoWorkload(ClusterTarget target, PrintWriter out, PrintWriter err) {
        this.target = target;
        this.out = out;
        this.err = err;
    }

    /** The sample jobs with the status each should end in. */
    static Map<JobSubmission, JobStatusJson> jobs() {
        Map<JobSubmission, JobStatusJson> jobs = new LinkedHashMap<>();
        jobs.put(
                new JobSubmission(
                        "hello",
                        IMAGE,
                        List.of(
                                "sh",
                                "-c",
                                "echo \"hello from container $(hostname), running on a Byzantine-fault-tolerant cluster\""),
                        null,
                        null,
                        null,
                        60,
                        null,
                        null,
                        4,
                        null,
                        null,
                        null),
                JobStatusJson.COMPLETE);
        jobs.put(
                new JobSubmission(
                        "checksum",
                        IMAGE,
                        List.of("sh", "-c", "seq 1 100000 | sha256sum"),
                        null,
                        null,
                        null,
                        60,
                        null,
                        null,
                        1,
                        null,
                        null,
                        null),
                JobStatusJson.COMPLETE);
        jobs.put(
                new JobSubmission(
                        "fails-with-3",
                        IMAGE,
                        List.of("sh", "-c", "echo 'giving up' >&2; exit 3"),
                        null,
                        null,
                        null,
                        60,
                        1,
                        null,
                        1,
                        null,
                        null,
                        null),
                JobStatusJson.FAILED);
        return jobs;
    }

    public int run() throws IOException, InterruptedException {
        ApiClient api = new ApiClient(
                target.apiUrls(), ApiTokenFile.read(target.layout().tokenFile()));
        Map<String, JobStatusJson> expected = new LinkedHashMap<>();
        out.printf("%nsample workload: %d jobs on %s%n", jobs().size(), IMAGE);
        try {
            for (Map.Entry<JobSubmission, JobStatusJson> job : jobs().entrySet()) {
                String id = api.submit(job.getKey());
                out.printf(
                        "  submitted %s (%s: %s)%n",
                        id, job.getKey().name(), String.join(" ", job.getKey().command()));
                expected.put(id, job.getValue());
            }
            out.flush();
            Map<String, JobJson> finished = follow(api, expected.keySet());
            boolean asExpected = true;
            out.println();
            for (Map.Entry<String, JobStatusJson> e : expected.entrySet()) {
                JobJson job = finished.get(e.getKey());
                if (job == null) {
                    err.printf("demo: %s did not finish within %d s%n", e.getKey(), DEADLINE_SECONDS);
                    asExpected = false;
                    continue;
                }
                out.print(JobText.result(job));
                asExpected &= job.status() == e.getValue();
            }
            out.printf(
                    "%nsample workload %s. Try: ./bftswarm kill 1; ./bftswarm submit --image %s --count 4 --wait -- echo"
                            + " still working; ./bftswarm down%n",
                    asExpected ? "done" : "ended unexpectedly", IMAGE);
            out.flush();
            return asExpected ? 0 : 1;
        } catch (ApiException e) {
            err.println("demo: " + e.getMessage());
            return 1;
        }
    }

    /** Polls the jobs until every one is terminal or the deadline passes, printing progress changes. */
    private Map<String, JobJson> follow(ApiClient api, Set<String> ids) throws InterruptedException {
        Map<String, JobJson> finished = new LinkedHashMap<>();
        Map<String, String> lastLine = new LinkedHashMap<>();
        long deadline = System.nanoTime() + DEADLINE_SECONDS * 1_000_000_000L;
        while (finished.size() < ids.size() && System.nanoTime() < deadline) {
            for (String id : ids) {
                if (finished.containsKey(id)) {
                    continue;
                }
                try {
                    JobJson job = api.job(id);
                    String line = JobText.progress(job);
                    if (!line.equals(lastLine.get(id))) {
                        out.println("  " + line);
                        out.flush();
                        lastLine.put(id, line);
                    }
                    if (job.status().terminal()) {
                        finished.put(id, job);
                    }
                } catch (ApiException e) {
                    // a node not there yet or failing over: next round
                }
            }
            Thread.sleep(300);
        }
        return finished;
    }
}
