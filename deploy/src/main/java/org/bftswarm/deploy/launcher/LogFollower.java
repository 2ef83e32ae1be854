package org.bftswarm.deploy.launcher;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.TaskJson;

/**
 * Follows a task's log while it runs ({@code logs TASK --follow}): every poll asks the node running
 * the current attempt for the log so far and prints what was not printed yet (a new attempt, on
 * the same or another node, starts over under a header line). What streams by while the task runs
 * is that one node's word; once the task has ended the whole log is fetched again and checked
 * against the output digest f+1 nodes signed ({@link VerifiedLogs}), and only the part of it that
 * was not already shown is printed, or the verified log in full when it differs from what streamed.
 */
public final class LogFollower {
    private final ApiClient api;
    private final VerifiedReads reads;
    private final Optional<ClientKey> key;
    private final String swarm;
    private final Duration poll;

    public LogFollower(ApiClient api, VerifiedReads reads, Optional<ClientKey> key, String swarm, Duration poll) {
        this.api = api;
        this.reads = reads;
        this.key = key;
        this.swarm = swarm;
        this.poll = poll;
    }

    /** Streams {@code taskId}'s log to {@code out} until the task ends; notes go to {@code err}. */
    public void follow(String taskId, PrintWriter out, PrintWriter err) throws Exception {
        int dot = taskId.lastIndexOf('.');
        if (dot <= 0) {
            throw new ApiException(0, "bad_task", "task ids look like JOB.INDEX, got " + taskId);
        }
        String jobId = taskId.substring(0, dot);
        byte[] shown = new byte[0];
        String source = null;
        while (true) {
            JobJson job = api.job(jobId);
            TaskJson task = job.tasks().stream()
                    .filter(t -> t.id().equals(taskId))
                    .findFirst()
                    .orElseThrow(() -> new ApiException(404, "not_found", "job " + jobId + " has no task " + taskId));
            boolean ended = JobText.isTerminal(task.state());
            if (task.node() != null && !ended) {
                String here = "attempt " + task.attempt() + " on node " + task.node();
                if (!here.equals(source)) {
                    err.printf("following %s's log of %s (unverified while it runs)%n", here, taskId);
                    err.flush();
                    source = here;
                    shown = new byte[0];
                }
                Optional<byte[]> log =
                        api.taskLogBytesFrom(task.node(), taskId, VerifiedLogs.signedHeaders(key, swarm, taskId));
                if (log.isPresent() && startsWith(log.get(), shown) && log.get().length > shown.length) {
                    out.print(text(log.get(), shown.length));
                    out.flush();
                    shown = log.get();
                }
            }
            if (ended) {
                finish(taskId, task, shown, out, err);
                return;
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private void finish(String taskId, TaskJson task, byte[] shown, PrintWriter out, PrintWriter err) throws Exception {
        if (task.outputDigest() == null) {
            err.printf("task %s ended %s with no accepted output to check the log against%n", taskId, task.state());
            err.flush();
            return;
        }
        VerifiedLogs.Found found = VerifiedLogs.find(api, reads, taskId, key, swarm);
        byte[] full = found.bytes();
        if (startsWith(full, shown)) {
            out.print(text(full, shown.length));
            err.printf("log of %s complete: matches the accepted output digest (node %d)%n", taskId, found.node());
        } else {
            err.printf(
                    "the log that streamed differs from the accepted one; the accepted log of %s (node %d) follows:%n",
                    taskId, found.node());
            err.flush();
            out.print(text(full, 0));
        }
        out.flush();
        err.flush();
    }

    static boolean startsWith(byte[] whole, byte[] prefix) {
        return whole.length >= prefix.length && Arrays.equals(whole, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String text(byte[] bytes, int from) {
        return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
    }
}
