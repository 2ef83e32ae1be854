package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.LogRequest;
import org.bftswarm.api.TaskJson;
import org.bftswarm.crypto.Digest;
import org.bftswarm.orchestrator.ops.LogRequestSigning;

/**
 * A task's log the client can believe: the output digest of the task's accepted result is taken from
 * an answer f+1 nodes signed, and a log a node serves is shown only if its SHA-256 is that digest.
 */
public final class VerifiedLogs {
    /** The log found, the node that served it, and the nodes whose logs did not match. */
    public record Found(int node, byte[] bytes, List<Integer> mismatched) {}

    private VerifiedLogs() {}

    /** The signed log-request headers for {@code key} (none without a key). */
    public static Map<String, String> signedHeaders(Optional<ClientKey> key, String swarm, String taskId) {
        if (key.isEmpty()) {
            return Map.of();
        }
        long now = System.currentTimeMillis();
        return Map.of(
                LogRequest.CLIENT_HEADER,
                key.get().name(),
                LogRequest.TIME_HEADER,
                Long.toString(now),
                LogRequest.SIGNATURE_HEADER,
                LogRequestSigning.sign(
                        swarm, key.get().name(), taskId, now, key.get().key()));
    }

    public static Found find(ApiClient api, VerifiedReads reads, String taskId)
            throws ApiException, InterruptedException {
        return find(api, reads, taskId, Optional.empty(), null);
    }

    /**
     * The same, each request signed by {@code key} when present (needed where bearer tokens are off: a
     * node serves logs only to an admin, a reader, or the submitter of the task's job).
     */
    public static Found find(ApiClient api, VerifiedReads reads, String taskId, Optional<ClientKey> key, String swarm)
            throws ApiException, InterruptedException {
        int dot = taskId.lastIndexOf('.');
        if (dot <= 0) {
            throw new ApiException(0, "bad_task", "task ids look like JOB.INDEX, got " + taskId);
        }
        JobJson job = reads.job(taskId.substring(0, dot)).value();
        TaskJson task = job.tasks().stream()
                .filter(t -> t.id().equals(taskId))
                .findFirst()
                .orElseThrow(() -> new ApiException(404, "not_found", "job " + job.id() + " has no task " + taskId));
        if (task.outputDigest() == null) {
            throw new ApiException(
                    0, "no_result", "task " + taskId + " has no accepted result yet (" + task.state() + ")");
        }
        List<Integer> mismatched = new ArrayList<>();
        for (int node = 0; node < api.nodeCount(); node++) {
            Optional<byte[]> log = api.taskLogBytesFrom(node, taskId, signedHeaders(key, swarm, taskId));
            if (log.isEmpty()) {
                continue;
            }
            if (Digest.sha256(log.get()).hex().equals(task.outputDigest())) {
                return new Found(node, log.get(), mismatched);
            }
            mismatched.add(node);
        }
        throw new ApiException(
                0,
                "no_matching_log",
                "no node serves a log of " + taskId + " matching its accepted output digest " + task.outputDigest()
                        + (mismatched.isEmpty() ? "" : " (nodes " + mismatched + " served other logs)"));
    }
}
