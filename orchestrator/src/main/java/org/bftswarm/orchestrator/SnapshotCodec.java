package org.bftswarm.orchestrator;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.crypto.InvariantViolation;
import org.bftswarm.orchestrator.ops.CanonicalJson;
import org.bftswarm.orchestrator.spec.JobSpecValidator;
import org.bftswarm.orchestrator.view.ChainBlock;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * Canonical snapshot bytes of the scheduler (PBFT checkpoints and state transfer, Castro &amp;
 * Liskov TOCS 2002 §5.3, need equal states to give equal bytes): sorted-key JSON of the replicated
 * records only, no derived indexes, compressed by {@link SnapshotCompression} (deterministic raw
 * DEFLATE). Decoding accepts only what {@link #encode} could have produced (a whole stream inflating to
 * at most the state-transfer limit, well-formed records, consistent cross references, and
 * byte-identical re-encoding of the compressed form), so a lying peer's snapshot is refused with
 * IllegalArgumentException rather than installed.
 */
final class SnapshotCodec {

    static final int FORMAT = 1;

    /** The serialised form: replicated records in TreeMaps. */
    record Snapshot(
            int format,
            int clusterSize,
            long clockMillis,
            long nextJobNumber,
            TreeMap<String, JobRecord> jobs,
            TreeMap<String, TaskRecord> tasks,
            TreeMap<Integer, NodeRecord> nodes,
            SuspicionLedger suspicions,
            TreeMap<String, RequestWindow> clientRequests,
            List<ChainBlock> chain) {}

    private SnapshotCodec() {}

    static byte[] encode(SchedulerState state) {
        return SnapshotCompression.deflate(json(state));
    }

    /** The uncompressed canonical JSON of the state (what {@link StateBudget} bounds). */
    static byte[] json(SchedulerState state) {
        Snapshot snapshot = new Snapshot(
                FORMAT,
                state.config.clusterSize(),
                state.clockMillis,
                state.nextJobNumber,
                state.jobs,
                state.tasks,
                state.nodes,
                state.suspicions,
                state.clientRequests,
                state.chain.isEmpty() ? null : state.chain);
        try {
            return CanonicalJson.mapper().writeValueAsBytes(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("scheduler state cannot be serialised", e);
        }
    }

    static SchedulerState decode(byte[] bytes, SchedulerConfig config) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("empty snapshot");
        }
        byte[] json = SnapshotCompression.inflate(bytes, config.stateTransferLimitBytes());
        Snapshot snapshot;
        try {
            snapshot = CanonicalJson.mapper().readValue(json, Snapshot.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "snapshot is not scheduler state: " + e.getClass().getSimpleName(), e);
        }
        try {
            SchedulerState state = rebuild(snapshot, config);
            if (!Arrays.equals(encode(state), bytes)) {
                throw new IllegalArgumentException("snapshot is not in canonical form");
            }
            return state;
        } catch (InvariantViolation | NullPointerException | IllegalStateException e) {
            throw new IllegalArgumentException("inconsistent snapshot: " + e.getMessage(), e);
        }
    }

    private static SchedulerState rebuild(Snapshot s, SchedulerConfig config) {
        require(s != null && s.format() == FORMAT, "unknown snapshot format");
        require(
                s.clusterSize() == config.clusterSize(),
                "snapshot of a cluster of " + s.clusterSize() + " nodes, this one has " + config.clusterSize());
        require(
                s.jobs() != null && s.tasks() != null && s.nodes() != null && s.suspicions() != null,
                "missing section");
        require(s.nextJobNumber() >= 1, "bad job counter");
        SchedulerState state = new SchedulerState(config);
        state.clockMillis = s.clockMillis();
        state.nextJobNumber = s.nextJobNumber();
        for (Map.Entry<Integer, NodeRecord> e : s.nodes().entrySet()) {
            NodeRecord n = e.getValue();
            require(
                    n != null
                            && e.getKey() != null
                            && e.getKey() == n.id
                            && n.id >= 0
                            && n.id < config.clusterSize()
                            && n.state != null
                            && n.labels != null
                            && n.milliCpus > 0
                            && n.memoryMb > 0,
                    "bad node " + e.getKey());
            n.activeTasks = new TreeSet<>();
            state.nodes.put(n.id, n);
        }
        int expectedTasks = 0;
        for (Map.Entry<String, JobRecord> e : s.jobs().entrySet()) {
            JobRecord j = e.getValue();
            require(
                    j != null
                            && e.getKey().equals(j.id)
                            && j.spec != null
                            && JobSpecValidator.validate(j.spec).isEmpty()
                            && j.spec.equals(j.spec.normalized())
                            && j.number >= 1
                            && j.number < s.nextJobNumber(),
                    "bad job " + e.getKey());
            require(j.spec.hasMine() == (j.mine != null), "bad job " + e.getKey());
            expectedTasks += j.mine != null ? j.mine.live.size() : j.spec.count();
            state.jobs.put(j.id, j);
        }
        for (Map.Entry<String, TaskRecord> e : s.tasks().entrySet()) {
            TaskRecord t = e.getValue();
            require(
                    t != null && e.getKey().equals(t.id) && t.state != null && t.history != null,
                    "bad task " + e.getKey());
            JobRecord job = state.jobs.get(t.jobId);
            require(
                    job != null
                            && t.index >= 0
                            && (job.mine != null ? job.mine.live.contains((long) t.index) : t.index < job.spec.count())
                            && t.id.equals(JobRecord.taskId(job.id, t.index))
                            && t.jobNumber == job.number
                            && t.attempt >= 0
                            && t.failures >= 0,
                    "task " + t.id + " does not match its job");
            if (t.state.isActive()) {
                require(
                        t.attempt >= 1 && t.node != null && t.assignedAtMillis != null,
                        "active task " + t.id + " without node or attempt");
            }
            if (t.state == TaskState.RUNNING) {
                require(t.startedAtMillis != null, "running task " + t.id + " without start time");
            }
            if (t.state == TaskState.BACKOFF) {
                require(t.retryAtMillis != null, "backoff task " + t.id + " without retry time");
            }
            state.tasks.put(t.id, t);
        }
        require(state.tasks.size() == expectedTasks, "tasks do not match jobs");
        require(s.suspicions().isWellFormed(config.clusterSize()), "bad suspicion votes");
        state.suspicions = s.suspicions();
        require(s.clientRequests() != null, "no client request windows");
        for (Map.Entry<String, RequestWindow> e : s.clientRequests().entrySet()) {
            RequestWindow w = e.getValue();
            require(
                    w != null
                            && w.used != null
                            && w.used.size() <= RequestWindow.SIZE
                            && (w.used.isEmpty() || w.used.first() > w.floor),
                    "bad request window of client " + e.getKey());
        }
        state.clientRequests = s.clientRequests();
        state.chain = s.chain() == null ? new ArrayList<>() : new ArrayList<>(s.chain());
        state.rebuildIndexes();
        state.checkIndexes();
        return state;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
