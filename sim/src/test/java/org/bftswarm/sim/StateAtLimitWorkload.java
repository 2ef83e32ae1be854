package org.bftswarm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.consensus.sim.SimWorkload;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.RetentionLimits;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.SchedulerConfig;
import org.bftswarm.orchestrator.ops.ClientSigning;
import org.bftswarm.orchestrator.ops.DecodeResult;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.worker.TaskLaunch;

/**
 * The replicated state at its bound, then a replica cut off past two checkpoints: every node's worker
 * reports 64 KiB of incompressible output (printable characters from the task's own PRNG) for every
 * run, and one user submits one-task jobs until the scheduler has expired {@link #EXPIRED_BEFORE_CUT}
 * finished jobs to stay within its state budget (half the state-transfer limit, the replicas' snapshot
 * bound of {@value #SNAPSHOT_LIMIT_BYTES} bytes). Then replica {@link #CUT} is isolated from the other
 * replicas while the user goes on submitting, until the others have executed {@link #BEHIND} sequence
 * numbers past it (more than the watermark window and two checkpoints: their logs no longer hold what it
 * missed), and is let back. It can only catch up by state transfer; the run asks every correct replica to converge.
 */
final class StateAtLimitWorkload implements SimWorkload {
    static final int N = 4;
    static final int CUT = 3;
    /** The simulator's replicas take a checkpoint every 4 sequence numbers and keep a 16-wide watermark window. */
    static final int CHECKPOINT_INTERVAL = 4;

    static final int WATERMARK_WINDOW = 16;
    static final int SNAPSHOT_LIMIT_BYTES = 2 << 20;
    static final int BEHIND = WATERMARK_WINDOW + 3 * CHECKPOINT_INTERVAL;
    static final int EXPIRED_BEFORE_CUT = 3;
    private static final int USER = SchedulerWorkload.USER_BASE;

    enum Phase {
        FILL,
        CUT,
        RELEASED
    }

    private final int chunkBytes;
    private final Scheduler[] schedulers = new Scheduler[N];
    private final SchedulerConfig config;
    private final SimClients clients;
    private final SigningKey key;
    private final TreeMap<Integer, SimActor> workers = new TreeMap<>();
    private final ResultLedger ledger = new ResultLedger();
    private final TreeSet<String> accepted = new TreeSet<>();
    private final TreeMap<String, String> expiredWhy = new TreeMap<>();
    private SimContext ctx;
    private Phase phase = Phase.FILL;
    private Set<Integer> isolated = Set.of();
    private long cutAtSeq;
    private int submitted;
    private long requestNumber;
    private long nextSubmitAt;
    private Operation pendingSubmit;
    long budgetRefusals;
    /** When the cut replica was let back: replica 0's snapshot size and executed sequence, and the cut one's. */
    long snapshotBytesAtRelease;

    long othersExecutedAtRelease;
    long cutExecutedAtRelease;

    StateAtLimitWorkload(long seed, int chunkBytes) {
        this.chunkBytes = chunkBytes;
        this.clients = new SimClients(seed, 1);
        this.key = clients.keyOf(SimClients.userName(0));
        SchedulerConfig d = SchedulerConfig.defaults(N);
        this.config = new SchedulerConfig(
                        N,
                        d.suspicionWindowMillis(),
                        SchedulerWorkload.TIMEOUT_GRACE_MS,
                        d.nodeClientBase(),
                        d.maxBackoffMillis(),
                        d.maxFinishedJobs())
                .withClientPolicy(clients.policy())
                .withRetention(RetentionLimits.DEFAULTS)
                .withStateTransferLimit(SNAPSHOT_LIMIT_BYTES);
        for (int i = 0; i < N; i++) {
            int node = i;
            int clientId = d.nodeClientBase() + i;
            workers.put(clientId, new FullOutputWorker(node, clientId, ledger, () -> own(node)));
        }
    }

    /** A node's worker whose every run prints the most output a task may keep. */
    static final class FullOutputWorker extends NodeWorker {
        FullOutputWorker(int node, int clientId, ResultLedger ledger, Supplier<Scheduler> view) {
            super(node, clientId, ledger, view, "a", false);
        }

        @Override
        TaskFinished honestReport(TaskLaunch run) {
            String out = fullOutput(run.taskId());
            return new TaskFinished(run.taskId(), run.attempt(), node, 0, FakeExecutor.digest(out), out, "exited");
        }
    }

    /** 64 KiB of printable ASCII from a PRNG seeded by the task id: the same on every node, barely compressible. */
    static String fullOutput(String taskId) {
        SplittableRandom random = new SplittableRandom(taskId.hashCode());
        StringBuilder sb = new StringBuilder(64 * 1024);
        for (int i = 0; i < 64 * 1024; i++) {
            sb.append((char) ('!' + random.nextInt(94)));
        }
        return sb.toString();
    }

    private Scheduler own(int node) {
        return ctx.stateMachine(node) == null ? null : schedulers[node];
    }

    Scheduler reference() {
        return schedulers[0];
    }

    int expiredJobs() {
        return expiredWhy.size();
    }

    Map<String, String> expiredWhy() {
        return expiredWhy;
    }

    int acceptedJobs() {
        return accepted.size();
    }

    @Override
    public int stateChunkBytes() {
        return chunkBytes;
    }

    @Override
    public int maxSnapshotBytes() {
        return SNAPSHOT_LIMIT_BYTES;
    }

    @Override
    public boolean replicasMustConverge() {
        return true;
    }

    @Override
    public Set<Integer> isolatedReplicas() {
        return isolated;
    }

    @Override
    public List<Integer> clientIds() {
        List<Integer> ids = new ArrayList<>(workers.keySet());
        ids.add(USER);
        return ids;
    }

    @Override
    public ReplicatedStateMachine newStateMachine(int replica) {
        schedulers[replica] = new Scheduler(config);
        if (replica == 0) {
            schedulers[0].addListener(events -> events.stream()
                    .filter(e -> "job".equals(e.kind()) && "EXPIRED".equals(e.state()))
                    .forEach(e -> expiredWhy.put(e.id(), e.detail())));
        }
        return schedulers[replica];
    }

    @Override
    public void start(SimContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void step(SimContext ctx) {
        for (SimActor w : workers.values()) {
            ((NodeWorker) w).step(ctx);
        }
        if (phase == Phase.FILL && expiredWhy.size() >= EXPIRED_BEFORE_CUT) {
            phase = Phase.CUT;
            cutAtSeq = ctx.lastExecuted(CUT);
            isolated = Set.of(CUT);
        } else if (phase == Phase.CUT && othersExecutedAtLeast(ctx.lastExecuted(CUT) + BEHIND)) {
            phase = Phase.RELEASED;
            isolated = Set.of();
            snapshotBytesAtRelease = reference().snapshot().length;
            othersExecutedAtRelease = ctx.lastExecuted(0);
            cutExecutedAtRelease = ctx.lastExecuted(CUT);
        }
    }

    private boolean othersExecutedAtLeast(long seq) {
        for (int i = 0; i < N; i++) {
            if (i != CUT && ctx.lastExecuted(i) < seq) {
                return false;
            }
        }
        return true;
    }

    private boolean othersExecutedAtMost(long seq) {
        for (int i = 0; i < N; i++) {
            if (i != CUT && ctx.lastExecuted(i) > seq) {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] nextOperation(SimContext ctx, int clientId) {
        if (clientId != USER) {
            SimActor a = workers.get(clientId);
            Operation op = a.next(ctx);
            a.outstanding = op;
            return op == null ? null : OperationCodec.encode(op);
        }
        if (phase == Phase.RELEASED || ctx.now() < nextSubmitAt) {
            return null;
        }
        nextSubmitAt = ctx.now() + 150;
        if (pendingSubmit == null) {
            String jobId = "full-" + submitted++;
            JobSpec spec = new JobSpec(
                    jobId,
                    "bftswarm/busybox",
                    List.of("sh", "-c", "head -c 65536 /dev/urandom | tr -dc '!-~'"),
                    Map.of(),
                    0.1,
                    64L,
                    30,
                    0,
                    1,
                    1,
                    null,
                    null);
            pendingSubmit = new SubmitJob(jobId, spec);
        }
        return OperationCodec.encode(
                ClientSigning.sign(SimClients.SWARM, "user-0", ++requestNumber, pendingSubmit, key));
    }

    @Override
    public void completed(SimContext ctx, int clientId, long requestNumber, byte[] operation, byte[] result) {
        DecodeResult d = OperationCodec.decode(operation);
        Reply reply = ReplyCodec.decode(result).orElse(null);
        if (!(d instanceof DecodeResult.Decoded ok) || reply == null) {
            ledger.violation("client " + clientId + " accepted an undecodable reply or operation");
            return;
        }
        if (clientId != USER) {
            SimActor a = workers.get(clientId);
            a.accepted(ctx, ok.operation(), reply);
            a.outstanding = null;
            return;
        }
        if (reply.isOk()) {
            accepted.add(((SubmitJob) pendingSubmit).jobId());
            pendingSubmit = null;
        } else {
            budgetRefusals++; // unfinished jobs fill the budget: the same job is signed anew and sent again
        }
    }

    @Override
    public void healed(SimContext ctx) {}

    @Override
    public boolean finished(SimContext ctx) {
        if (phase != Phase.RELEASED || !othersExecutedAtMost(ctx.lastExecuted(CUT))) {
            return false; // cheap first: the simulator then compares every replica's state digest
        }
        for (SimActor w : workers.values()) {
            if (!w.settled(ctx)) {
                return false;
            }
        }
        for (int i = 0; i < N; i++) {
            Scheduler s = own(i);
            if (s == null) {
                return false;
            }
            for (String jobId : accepted) {
                JobView job = s.job(jobId).orElse(null);
                if (job != null && !job.tasks().stream().allMatch(t -> t.state().isTerminal())) {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public String progress(SimContext ctx) {
        StringBuilder sb = new StringBuilder("phase=" + phase + " submitted=" + submitted + " accepted="
                + accepted.size() + " expired=" + expiredWhy.size() + " cut_at=" + cutAtSeq);
        for (int i = 0; i < N; i++) {
            sb.append(" r").append(i).append("=").append(ctx.lastExecuted(i));
        }
        workers.values().forEach(w -> sb.append(w.progress()));
        return sb.toString();
    }

    @Override
    public List<String> finalViolations(SimContext ctx) {
        List<String> v = new ArrayList<>(ledger.violations);
        for (int i = 0; i < N; i++) {
            if (own(i) != null) {
                try {
                    own(i).checkInvariants();
                } catch (RuntimeException e) {
                    v.add("replica " + i + " scheduler invariant broken: " + e.getMessage());
                }
            }
        }
        if (phase != Phase.RELEASED) {
            v.add("replica " + CUT + " was never let back (phase " + phase + ")");
        }
        return v;
    }
}
