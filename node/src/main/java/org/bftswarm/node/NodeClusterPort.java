package org.bftswarm.node;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bftswarm.api.ClusterEvent;
import org.bftswarm.api.ClusterJson;
import org.bftswarm.api.ClusterPort;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.LogRequest;
import org.bftswarm.api.NodeJson;
import org.bftswarm.api.OrderedWrite;
import org.bftswarm.api.PortException;
import org.bftswarm.api.Principal;
import org.bftswarm.api.SignedRead;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.consensus.runtime.ReplicaStatus;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.clients.LogAccess;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.DecodeResult;
import org.bftswarm.orchestrator.ops.LogRequestSigning;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.ReadmitNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.Sequenced;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.view.NodeSoftState;
import org.bftswarm.worker.agent.TaskExecutor;

/**
 * The node's {@link ClusterPort}: writes become SubmitJob / CancelJob operations signed by this
 * node's API client pool and ordered by PBFT (each submission carries an API-chosen job id, so a
 * resend is idempotent); a spec the job-spec rulebook refuses fails INVALID_SPEC, naming each field,
 * before anything is ordered. Reads come from the local scheduler replica, the replica's status and
 * the CRDT store; task logs from the local executor.
 */
public final class NodeClusterPort implements ClusterPort {
    private final int nodeId;
    private final int n;
    private final Scheduler scheduler;
    private final OperationClient ops;
    private final Supplier<ReplicaStatus> status;
    private final List<String> apiUrls;
    private final ClusterStateNode state;
    private final TaskExecutor executor;
    private final EventBridge events;
    private final Consumer<MeterRegistry> metrics;
    private final ReadSigner signer;
    private final ApiLies lies;

    private final DataLimits limits;
    private final Supplier<GossipDecision> gossip;
    private final Supplier<EnergyJson> energy;

    public NodeClusterPort(
            int nodeId,
            int n,
            Scheduler scheduler,
            OperationClient ops,
            Supplier<ReplicaStatus> status,
            List<String> apiUrls,
            ClusterStateNode state,
            TaskExecutor executor,
            EventBridge events,
            Consumer<MeterRegistry> metrics,
            ReadSigner signer,
            ApiLies lies,
            DataLimits limits,
            Supplier<GossipDecision> gossip,
            Supplier<EnergyJson> energy) {
        this.energy = energy;
        this.limits = limits;
        this.gossip = gossip;
        this.nodeId = nodeId;
        this.n = n;
        this.scheduler = scheduler;
        this.ops = ops;
        this.status = status;
        this.apiUrls = List.copyOf(apiUrls);
        this.state = state;
        this.executor = executor;
        this.events = events;
        this.metrics = metrics;
        this.signer = signer;
        this.lies = lies;
    }

    @Override
    public CompletableFuture<String> submitJob(JobSubmission spec, Principal principal) {
        JobSpec jobSpec;
        try {
            jobSpec = ApiMapping.admittedSpec(spec, limits);
        } catch (PortException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        if (lies.dropsSubmissions()) {
            return dropped();
        }
        String jobId = "n" + nodeId + "-" + UUID.randomUUID().toString().replace("-", "");
        return ordered(ops.viaApi(new SubmitJob(jobId, lies.submitted(jobSpec))).reply())
                .thenApply(ApiMapping::jobIdOrThrow);
    }

    @Override
    public CompletableFuture<Void> cancelJob(String jobId, Principal principal) {
        Optional<JobView> job = scheduler.job(jobId);
        if (job.isEmpty()) {
            return CompletableFuture.failedFuture(PortException.notFound("no job " + jobId));
        }
        int submitter = job.get().submitter();
        CompletableFuture<Reply> reply;
        if (ops.owns(submitter)) {
            reply = ops.as(submitter, new CancelJob(jobId));
        } else if (scheduler.principals().isNode(submitter)) {
            reply = ops.asNode(new CancelJob(jobId));
        } else {
            OptionalInt owner = NodePrincipalIds.ownerOf(submitter, n);
            String where = owner.isPresent()
                    ? "node " + owner.getAsInt() + "'s API (" + apiUrls.get(owner.getAsInt()) + ")"
                    : "the client that submitted it (id " + submitter + ")";
            return CompletableFuture.failedFuture(PortException.invalidSpec(
                    "job " + jobId + " may only be cancelled by its submitter: cancel it through " + where));
        }
        return ordered(reply).thenAccept(r -> {
            if (r.outcome() == Reply.Outcome.REJECTED) {
                throw ApiMapping.failure(r);
            }
        });
    }

    /**
     * Forwards a client-signed operation as it was decoded: the node adds nothing and can change
     * nothing, the replicas verify it when they execute it. The answer carries the agreed result bytes
     * and the f+1 replicas' signed reply certificates, so the client need not trust this node.
     */
    @Override
    public CompletableFuture<OrderedWrite> submitSigned(byte[] signedOperation) {
        if (lies.dropsSubmissions()) {
            return dropped();
        }
        DecodeResult decoded = OperationCodec.decode(signedOperation);
        if (!(decoded instanceof DecodeResult.Decoded d) || !(d.operation() instanceof ClientOperation signed)) {
            String why = decoded instanceof DecodeResult.Malformed m ? m.reason() : "not a ClientOperation";
            return CompletableFuture.failedFuture(
                    PortException.invalidSpec("body: a signed client operation is expected (" + why + ")"));
        }
        return ordered(ops.viaApiCertified(signed)).thenApply(c -> {
            if (c.reply().outcome() == Reply.Outcome.REJECTED) {
                throw ApiMapping.failure(c.reply());
            }
            return OrderedWrites.toApi(c);
        });
    }

    /** This node votes, as its own principal, to lift the quarantine of {@code target}. */
    @Override
    public CompletableFuture<String> readmitNode(int target, Principal principal) {
        if (target < 0 || target >= n) {
            return CompletableFuture.failedFuture(PortException.notFound("no node " + target));
        }
        return ordered(ops.asNode(new ReadmitNode(target, nodeId))).thenApply(r -> {
            if (r.outcome() == Reply.Outcome.REJECTED) {
                throw ApiMapping.failure(r);
            }
            return r.detail();
        });
    }

    private static <T> CompletableFuture<T> ordered(CompletableFuture<T> reply) {
        return reply.handle((r, err) -> {
            if (err == null) {
                return r;
            }
            Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            throw PortException.unavailable("not ordered: " + cause.getMessage());
        });
    }

    @Override
    public Optional<JobJson> job(String jobId) {
        return scheduler.job(jobId).map(ApiMapping::toApi).map(lies::read);
    }

    @Override
    public List<JobJson> jobs() {
        return scheduler.jobs().stream().map(ApiMapping::toApi).map(lies::read).toList();
    }

    @Override
    public Optional<SignedRead> signedJob(String jobId) {
        Sequenced<Optional<JobJson>> read = scheduler.atSequence(() -> job(jobId));
        return read.value().map(job -> signer.sign(read.sequence(), "/api/v1/jobs/" + jobId, job));
    }

    @Override
    public Optional<SignedRead> signedJobs() {
        Sequenced<List<JobJson>> read = scheduler.atSequence(this::jobs);
        return Optional.of(signer.sign(read.sequence(), "/api/v1/jobs", read.value()));
    }

    /** A dropped submission: nothing is ordered, and the client hears only that it was not. */
    private static <T> CompletableFuture<T> dropped() {
        return CompletableFuture.supplyAsync(
                () -> {
                    throw PortException.unavailable("not ordered");
                },
                CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
    }

    @Override
    public List<NodeJson> nodes() {
        Map<Integer, NodeView> scheduled = new TreeMap<>();
        scheduler.nodes().forEach(v -> scheduled.put(v.id(), v));
        Map<Integer, NodeSoftState> soft = state.view().nodes();
        List<NodeJson> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ApiMapping.toApi(
                    i,
                    apiUrls.get(i),
                    Optional.ofNullable(scheduled.get(i)),
                    Optional.ofNullable(soft.get(i)),
                    state.invalidEntries().count(i),
                    i == nodeId ? Optional.of(gossip.get()) : Optional.empty()));
        }
        return out;
    }

    @Override
    public Optional<EnergyJson> energy() {
        return Optional.of(energy.get());
    }

    @Override
    public ClusterJson cluster() {
        ReplicaStatus s = status.get();
        if (s == null) {
            throw PortException.unavailable("replica not started");
        }
        if (s.recovering()) {
            throw PortException.unavailable("replica recovering after a restart: executed " + s.lastExecuted()
                    + " of the " + s.recoveringTo() + " it had committed before");
        }
        return new ClusterJson(
                n,
                Quorums.faultsTolerated(n),
                s.view(),
                Quorums.primaryOf(s.view(), n),
                s.lastExecuted(),
                s.stableCheckpoint(),
                nodeId);
    }

    @Override
    public Optional<InputStream> taskLogs(String taskId) {
        return executor.logs(taskId).map(ByteArrayInputStream::new);
    }

    /** The task's job owner and the client policy decide (see {@link LogAccess}); wall clock for freshness. */
    @Override
    public void authorizeLogs(String taskId, Optional<LogRequest> request) {
        int dot = taskId.lastIndexOf('.');
        String owner = dot <= 0
                ? null
                : scheduler
                        .job(taskId.substring(0, dot))
                        .map(JobView::submittedBy)
                        .filter(by -> by != null && by.startsWith("client:"))
                        .map(by -> by.substring("client:".length()))
                        .orElse(null);
        Optional<LogAccess.Refusal> refusal = LogAccess.decide(
                scheduler.config().clientPolicy(),
                taskId,
                owner,
                request.map(r -> new LogAccess.Credentials(r.client(), r.timeMillis(), r.signature())),
                System.currentTimeMillis());
        if (refusal.isPresent()) {
            String who = request.map(r -> "client " + r.client()).orElse("an unsigned request");
            throw refusal.get() == LogAccess.Refusal.FORBIDDEN
                    ? new PortException(PortException.Reason.FORBIDDEN, who + " may not read the logs of " + taskId)
                    : new PortException(
                            PortException.Reason.UNAUTHENTICATED,
                            who + ": log reads must be signed by a known client within "
                                    + LogRequestSigning.FRESHNESS_MILLIS / 60_000 + " minutes of this node's clock");
        }
    }

    @Override
    public Optional<Integer> taskLogsAttempt(String taskId) {
        return executor.logsAttempt(taskId);
    }

    @Override
    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        return events.subscribe(listener);
    }

    @Override
    public void bindMetrics(MeterRegistry registry) {
        metrics.accept(registry);
    }
}
