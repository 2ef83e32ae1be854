package org.bftswarm.deploy.launcher;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import org.bftswarm.api.JobJson;

/**
 * Follows one job until it is terminal (every task SUCCEEDED, FAILED or CANCELLED), polling
 * {@code GET /api/v1/jobs/{id}} and printing a progress line whenever it changes. Unreachable nodes
 * are failed over by {@link ApiClient}; a wait can be bounded.
 */
public final class JobWaiter {
    static final long POLL_MILLIS = 200;
    static final long NOT_FOUND_GRACE_SECONDS = 30;

    private final ApiClient api;

    public JobWaiter(ApiClient api) {
        this.api = api;
    }

    /**
     * @param progress where progress lines go (null for none)
     * @param timeout  give up after this long (null: no limit)
     * @return the terminal job, or empty when the timeout passed first
     */
    public Optional<JobJson> await(String jobId, PrintWriter progress, Duration timeout)
            throws ApiException, InterruptedException {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        long notFoundUntil =
                System.nanoTime() + Duration.ofSeconds(NOT_FOUND_GRACE_SECONDS).toNanos();
        String last = "";
        while (true) {
            JobJson job;
            try {
                job = api.job(jobId);
            } catch (ApiException e) {
                // No node reachable for a moment (fault injection), or the answering node has not
                // executed the submission yet: keep trying within the bounds.
                boolean transient404 = e.status() == 404 && System.nanoTime() < notFoundUntil;
                if ((e.status() != 0 && !transient404) || System.nanoTime() >= deadline) {
                    throw e;
                }
                Thread.sleep(POLL_MILLIS);
                continue;
            }
            String line = JobText.progress(job);
            if (progress != null && !line.equals(last)) {
                progress.println(line);
                progress.flush();
                last = line;
            }
            if (job.status().terminal()) {
                return Optional.of(job);
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
