package org.bftswarm.api;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What a node offers its HTTP API: writes become signed
 * operations ordered by PBFT; reads answer from this node's replica of the scheduler state and its
 * CRDT store. The API holds no state of its own; everything it shows comes through this port.
 *
 * <p>Failures are reported as {@link PortException} (thrown, or as the cause of a failed future);
 * the API maps their {@link PortException.Reason} to 400/404/503. Any other exception is a bug and
 * becomes a 500 with a logged correlation id.
 */
public interface ClusterPort {

    /**
     * Submits a spec as the client sent it (JSON types checked, nothing else). The implementation
     * applies the job-spec rulebook: its defaults, limits and normalisation.
     *
     * @return completes with the new job id once the SubmitJob operation has been ordered and
     *         executed; fails with INVALID_SPEC if the rulebook refuses the spec (the message lists
     *         each problem as {@code field: what is wrong}) or the scheduler rejects it, UNAVAILABLE
     *         if it cannot be ordered (the API also applies its own timeout, reported as 503)
     */
    CompletableFuture<String> submitJob(JobSubmission spec, Principal principal);

    /**
     * Cancels a job (its running containers are killed by their workers).
     *
     * @return completes once the CancelJob operation has been ordered; fails with NOT_FOUND for an
     *         unknown job, UNAVAILABLE if it cannot be ordered. Cancelling a finished job is a no-op.
     */
    CompletableFuture<Void> cancelJob(String jobId, Principal principal);

    /**
     * Orders an operation a client signed end to end, as the exact JSON the client sent (the node
     * cannot change it without breaking the signature; every replica checks signature, role and request
     * number when it executes it).
     *
     * @return completes once ordered and executed with the job id the operation concerns, the agreed
     *         result bytes and the f+1 replicas' signed reply certificates over them; fails with
     *         UNAUTHENTICATED (unknown client, bad signature), FORBIDDEN (role or ownership), REPLAYED
     *         (request number used before; the message names it), INVALID_SPEC (not a signed operation,
     *         or a spec the rulebook refuses), UNAVAILABLE if it cannot be ordered
     */
    CompletableFuture<OrderedWrite> submitSigned(byte[] signedOperation);

    /**
     * Orders this node's vote to lift the quarantine of node {@code nodeId} (f+1 distinct nodes'
     * votes readmit it).
     *
     * @return completes with the scheduler's answer (the vote recorded, the node readmitted, or why
     *         nothing changed) once ordered; fails with NOT_FOUND for an unknown node, INVALID_SPEC when
     *         the vote is refused (e.g. a node voting for itself), UNAVAILABLE if it cannot be ordered
     */
    CompletableFuture<String> readmitNode(int nodeId, Principal principal);

    /** The job as this node's replica sees it, or empty if unknown. */
    Optional<JobJson> job(String jobId);

    /** Every job this node's replica knows, in submission order. */
    List<JobJson> jobs();

    /** Every node of the cluster, by id. */
    List<NodeJson> nodes();

    /** This node's view of the PBFT group. */
    ClusterJson cluster();

    /** Power, energy and carbon per node and in all, as this node knows them; empty when it does not measure. */
    default Optional<EnergyJson> energy() {
        return Optional.empty();
    }

    /**
     * Full logs of a task run on this node (the worker keeps bounded files), as UTF-8 text; the
     * caller closes the stream. Empty if this node holds no logs for that task.
     */
    Optional<InputStream> taskLogs(String taskId);

    /**
     * The job as this node's replica sees it, signed by this node with the sequence number it reflects
     * ({@code GET /api/v1/jobs/{id}?signed}); empty if unknown here or if this node signs no reads.
     */
    default Optional<SignedRead> signedJob(String jobId) {
        return Optional.empty();
    }

    /** Every job, signed likewise ({@code GET /api/v1/jobs?signed}); empty if this node signs no reads. */
    default Optional<SignedRead> signedJobs() {
        return Optional.empty();
    }

    /**
     * Whether the log of {@code taskId} may be served to {@code request}'s client (empty: an unsigned
     * request). Fails with UNAUTHENTICATED or FORBIDDEN; by default every request may read.
     */
    default void authorizeLogs(String taskId, Optional<LogRequest> request) {}

    /** The attempt whose log {@link #taskLogs} serves, when this node knows it. */
    default Optional<Integer> taskLogsAttempt(String taskId) {
        return Optional.empty();
    }

    /**
     * Registers a listener for every state change, delivered in order. The listener must not block
     * (the API only enqueues). Closing the returned handle unregisters it.
     */
    AutoCloseable subscribe(Consumer<ClusterEvent> listener);

    /** Lets the implementation bind its own gauges and counters to the API's /metrics registry. */
    default void bindMetrics(MeterRegistry registry) {}
}
