package org.bftswarm.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bftswarm.api.ClusterEvent;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.NodeJson;
import org.bftswarm.api.PortException;
import org.bftswarm.api.Resources;
import org.bftswarm.api.ShardJson;
import org.bftswarm.api.TaskJson;
import org.bftswarm.orchestrator.ops.CanonicalJson;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.spec.ContainerHardening;
import org.bftswarm.orchestrator.spec.DataRules;
import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.JobSpecValidator;
import org.bftswarm.orchestrator.view.DataView;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.SchedulerEvent;
import org.bftswarm.orchestrator.view.TaskView;
import org.bftswarm.state.view.Heartbeat;
import org.bftswarm.state.view.NodeCounter;
import org.bftswarm.state.view.NodeSoftState;

/**
 * Pure translation between the API's JSON shapes and the scheduler's specs, views and replies: a
 * {@code JobSubmission} becomes a {@code JobSpec} field for field and is admitted by the one
 * rulebook ({@code JobSpecValidator}); a scheduler job becomes {@code JobJson} with the status of the
 * same name (whose HTTP code the API picks); a node's JSON merges the scheduler's view with its soft
 * CRDT state (usage, counters). No I/O, no clock.
 */
public final class ApiMapping {
    private ApiMapping() {}

    /** The scheduler's job spec for a submission: field for field, nothing added, nothing checked. */
    public static JobSpec toJobSpec(JobSubmission s) {
        return new JobSpec(
                s.name(),
                s.image(),
                s.command(),
                s.env(),
                s.cpus(),
                s.memoryMb(),
                s.timeoutSeconds(),
                s.retries(),
                s.backoffSeconds(),
                s.count(),
                s.constraints(),
                s.network(),
                s.verification(),
                s.carriesData()
                        ? new DataSpec(
                                s.wasmBase64(),
                                s.dataset(),
                                s.input(),
                                s.shards(),
                                s.reduce(),
                                s.entry(),
                                s.deadlineSeconds(),
                                s.fuel(),
                                s.memoryPages())
                        : null,
                s.carriesHardening() ? new ContainerHardening(s.pids(), s.user(), s.readOnlyRootfs()) : null);
    }

    /**
     * The job spec of a submission the rulebook accepts, as submitted (the scheduler normalises it
     * when it executes the SubmitJob); INVALID_SPEC listing every problem, each naming its field,
     * otherwise.
     */
    public static JobSpec admittedSpec(JobSubmission s) {
        return admittedSpec(s, DataLimits.DEFAULT);
    }

    /**
     * The same, and PAYLOAD_TOO_LARGE when the submission's module or data exceeds this node's
     * {@code limits} (checked first: nothing of a refused job is ordered).
     */
    public static JobSpec admittedSpec(JobSubmission s, DataLimits limits) {
        JobSpec spec = toJobSpec(s);
        String tooLarge = DataRules.oversize(spec, limits.maxModuleBytes(), limits.maxDataBytes());
        if (tooLarge != null) {
            throw PortException.tooLarge(tooLarge);
        }
        List<String> problems = JobSpecValidator.validate(spec);
        if (!problems.isEmpty()) {
            throw PortException.invalidSpec(String.join("; ", problems));
        }
        return spec;
    }

    public static JobJson toApi(JobView job) {
        List<TaskJson> tasks = job.tasks().stream().map(ApiMapping::toApi).toList();
        Long finishedAt = null;
        if (job.status().isTerminal()) {
            finishedAt = job.tasks().stream()
                    .map(TaskView::finishedAtMillis)
                    .filter(t -> t != null)
                    .max(Long::compare)
                    .orElse(null);
        }
        DataView data = job.data();
        return new JobJson(
                job.id(),
                job.name(),
                JobStatusJson.valueOf(job.status().name()),
                tasks,
                job.submittedAtMillis(),
                finishedAt,
                job.submittedBy(),
                data == null ? null : resultJson(data.result()),
                data == null ? null : data.error(),
                data == null
                        ? null
                        : data.shards().stream().map(ApiMapping::toApi).toList(),
                data == null ? null : data.missingShards());
    }

    static ShardJson toApi(DataView.ShardView s) {
        return new ShardJson(
                s.index(),
                List.of(s.start(), s.end()),
                s.node(),
                s.result(),
                s.state().name());
    }

    /** The reduced result's JSON text as a tree (JSON null for none); the scheduler wrote it canonically. */
    private static JsonNode resultJson(String json) {
        if (json == null) {
            return NullNode.getInstance();
        }
        try {
            return CanonicalJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the scheduler stored a result that is not JSON", e);
        }
    }

    public static TaskJson toApi(TaskView t) {
        return new TaskJson(
                t.id(),
                t.node(),
                t.state().name(),
                t.attempt(),
                t.exitCode(),
                t.output(),
                t.verifiedBy(),
                t.disputedBy(),
                t.outputDigest(),
                t.reason());
    }

    /**
     * One node as the API shows it: the scheduler's state and capacity (UNREGISTERED before its
     * RegisterNode is ordered) merged with the soft CRDT data: counters, heartbeat, invalid entries.
     */
    public static NodeJson toApi(
            int id, String apiUrl, Optional<NodeView> scheduled, Optional<NodeSoftState> soft, long invalidEntries) {
        return toApi(id, apiUrl, scheduled, soft, invalidEntries, Optional.empty());
    }

    /**
     * The same, with the node's announced heartbeat interval and, when {@code own} is given (the
     * answering node describing itself), its gossip mode and reason.
     */
    public static NodeJson toApi(
            int id,
            String apiUrl,
            Optional<NodeView> scheduled,
            Optional<NodeSoftState> soft,
            long invalidEntries,
            Optional<GossipDecision> own) {
        long announced = soft.flatMap(NodeSoftState::heartbeat)
                .map(h -> (long) h.intervalMillis())
                .orElse(0L);
        Long heartbeatAt = soft.flatMap(NodeSoftState::heartbeat)
                .map(Heartbeat::timestampMillis)
                .orElse(null);
        NodeJson.Gossip gossip = own.map(
                        g -> new NodeJson.Gossip(g.intervalMillis(), g.mode().label(), g.reason(), heartbeatAt))
                .orElse(new NodeJson.Gossip(announced, null, null, heartbeatAt));
        Map<String, Long> counters = new TreeMap<>();
        soft.ifPresent(s -> {
            s.counters().forEach((c, v) -> counters.put(c.entryName(), v));
            s.heartbeat().ifPresent(h -> counters.put("heartbeat_seq", h.seq()));
            s.usage().ifPresent(u -> counters.put("running_tasks", (long) u.runningTasks()));
        });
        for (NodeCounter c : NodeCounter.values()) {
            counters.putIfAbsent(c.entryName(), 0L);
        }
        if (scheduled.isEmpty()) {
            Resources capacity = soft.flatMap(NodeSoftState::capacity)
                    .map(c -> new Resources(c.cpuMillicores() / 1000.0, c.memoryBytes() >> 20))
                    .orElse(new Resources(0, 0));
            return new NodeJson(
                    id,
                    "UNREGISTERED",
                    apiUrl,
                    capacity,
                    new Resources(0, 0),
                    counters,
                    invalidEntries,
                    0,
                    false,
                    gossip);
        }
        var v = scheduled.get();
        counters.put("active_tasks", (long) v.activeTasks());
        counters.put("times_down", (long) v.timesDown());
        counters.put("suspected_by", (long) v.suspectedBy().size());
        return new NodeJson(
                id,
                v.state().name(),
                apiUrl,
                new Resources(v.cpus(), v.memoryMb()),
                new Resources(v.usedCpus(), v.usedMemoryMb()),
                counters,
                invalidEntries,
                v.disputedResults(),
                v.quarantined(),
                gossip);
    }

    /** A scheduler event as a streamed cluster event. */
    public static ClusterEvent toEvent(SchedulerEvent e, long sequence) {
        ClusterEvent.Kind kind = switch (e.kind()) {
            case "job" -> ClusterEvent.Kind.JOB;
            case "node" -> ClusterEvent.Kind.NODE;
            default -> ClusterEvent.Kind.TASK;
        };
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("state", e.state());
        if (e.attempt() != null) {
            payload.put("attempt", e.attempt());
        }
        if (e.node() != null) {
            payload.put("node", e.node());
        }
        if (e.detail() != null) {
            payload.put("detail", e.detail());
        }
        payload.put("consensusSequence", e.sequence());
        payload.put("timestamp", e.timestampMillis());
        return new ClusterEvent(kind, e.id(), payload, sequence);
    }

    /** A view change as a streamed cluster event. */
    public static ClusterEvent viewEvent(long view, int primary, long sequence) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("view", view);
        payload.put("primary", primary);
        return new ClusterEvent(ClusterEvent.Kind.VIEW, Long.toString(view), payload, sequence);
    }

    /** The job id of an accepted SubmitJob reply, or the typed failure the API answers with. */
    public static String jobIdOrThrow(Reply r) {
        if (r.outcome() == Reply.Outcome.OK && r.jobId() != null) {
            return r.jobId();
        }
        throw failure(r);
    }

    /** The typed failure for a reply that did not do what was asked. */
    public static PortException failure(Reply r) {
        String detail = r.code()
                + (r.detail() == null ? "" : ": " + r.detail())
                + (r.errors().isEmpty() ? "" : ": " + String.join("; ", r.errors()));
        return switch (r.code()) {
            case INVALID, CONFLICT, MALFORMED -> PortException.invalidSpec(detail);
            case UNAUTHORIZED -> new PortException(PortException.Reason.UNAUTHENTICATED, detail);
            case FORBIDDEN -> new PortException(PortException.Reason.FORBIDDEN, detail);
            case REPLAYED -> new PortException(PortException.Reason.REPLAYED, detail);
            case NOT_FOUND -> PortException.notFound(detail);
            default -> PortException.unavailable(detail);
        };
    }
}
