package org.bftswarm.orchestrator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.crypto.Digest;
import org.bftswarm.orchestrator.ops.DecodeResult;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.ChainBlock;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.SchedulerEvent;
import org.bftswarm.orchestrator.view.Sequenced;
import org.bftswarm.orchestrator.view.TaskView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicated scheduler as PBFT's service (Castro &amp; Liskov OSDI '99 §4; BFT-SMaRt's
 * executable state machine): {@link #execute} decodes one ordered operation, applies it with
 * {@link SchedulerCore} and returns the canonical reply; hostile bytes get a MALFORMED reply and
 * change nothing. {@link #snapshot}/{@link #restore}/{@link #digest} serve checkpoints and state
 * transfer. Read-only queries give the API and the worker immutable views. Thread-safe: one lock
 * guards the state; listeners are called outside it.
 */
public final class Scheduler implements ReplicatedStateMachine {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final SchedulerConfig config;
    /** The sequence number of the last operation executed (guarded by this). */
    private long lastSequence;

    private final NodePrincipals principals;
    private final List<SchedulerListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Reply.Outcome, AtomicLong> outcomes = new TreeMap<>();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong internalErrors = new AtomicLong();
    private final ShardSelection shardSelection;
    private final MiningConfig mining;
    private final SchedulerRules rules;
    private SchedulerCore core;
    private Digest cachedDigest;

    public Scheduler(SchedulerConfig config) {
        this(config, ShardSelection.ALL);
    }

    /** A scheduler whose data-job reductions fold the shards {@code shardSelection} picks (not {@code ALL}: a bug). */
    public Scheduler(SchedulerConfig config, ShardSelection shardSelection) {
        this(config, shardSelection, SchedulerRules.STANDARD, MiningConfig.DEFAULTS);
    }

    /** A scheduler with the cluster's mining parameters. */
    public Scheduler(SchedulerConfig config, MiningConfig mining) {
        this(config, ShardSelection.ALL, SchedulerRules.STANDARD, mining);
    }

    /** A scheduler that also evicts and places by {@code rules} (not {@code STANDARD}: a bug). */
    public Scheduler(SchedulerConfig config, ShardSelection shardSelection, SchedulerRules rules) {
        this(config, shardSelection, rules, MiningConfig.DEFAULTS);
    }

    private Scheduler(
            SchedulerConfig config, ShardSelection shardSelection, SchedulerRules rules, MiningConfig mining) {
        this.config = config;
        this.shardSelection = shardSelection;
        this.rules = rules;
        this.mining = mining;
        this.principals = new NodePrincipals(config);
        this.core = new SchedulerCore(withMining(new SchedulerState(config)), shardSelection, rules);
        for (Reply.Outcome o : Reply.Outcome.values()) {
            outcomes.put(o, new AtomicLong());
        }
    }

    /** A scheduler with default timers for a cluster of {@code n} nodes. */
    public static Scheduler forCluster(int n) {
        return new Scheduler(SchedulerConfig.defaults(n));
    }

    @Override
    public byte[] execute(ExecutionContext ctx, byte[] operation) {
        Reply reply;
        List<SchedulerEvent> events = List.of();
        DecodeResult decoded = OperationCodec.decode(operation);
        if (decoded instanceof DecodeResult.Malformed bad) {
            long count = malformed.incrementAndGet();
            if (Long.bitCount(count) == 1) {
                LOG.warn(
                        "malformed operation #{} from client {} at seq {}: {}",
                        count,
                        ctx.clientId(),
                        ctx.sequence(),
                        bad.reason());
            }
            reply = Reply.rejected(ReplyCode.MALFORMED, bad.reason());
        } else {
            DecodeResult.Decoded ok = (DecodeResult.Decoded) decoded;
            synchronized (this) {
                lastSequence = ctx.sequence();
                try {
                    SchedulerCore.Result result =
                            core.apply(ctx.sequence(), ctx.timestampMillis(), ctx.clientId(), ok.operation());
                    reply = result.reply();
                    events = result.events();
                } catch (RuntimeException e) {
                    // A bug, not bad input: every correct replica hits it identically, so answer and go on.
                    internalErrors.incrementAndGet();
                    LOG.error(
                            "scheduler failed on {} at seq {}",
                            ok.operation().getClass().getSimpleName(),
                            ctx.sequence(),
                            e);
                    reply = Reply.rejected(
                            ReplyCode.INTERNAL_ERROR, e.getClass().getSimpleName());
                }
                cachedDigest = null;
            }
        }
        outcomes.get(reply.outcome()).incrementAndGet();
        notifyListeners(events);
        return ReplyCodec.encode(reply);
    }

    @Override
    public synchronized byte[] snapshot() {
        return SnapshotCodec.encode(core.state);
    }

    @Override
    public synchronized void restore(byte[] snapshot) {
        SchedulerState restored = SnapshotCodec.decode(snapshot, config);
        core = new SchedulerCore(withMining(restored), shardSelection, rules);
        cachedDigest = null;
    }

    private SchedulerState withMining(SchedulerState state) {
        state.mining = mining;
        return state;
    }

    @Override
    public synchronized Digest digest() {
        if (cachedDigest == null) {
            cachedDigest = Digest.sha256(snapshot());
        }
        return cachedDigest;
    }

    public void addListener(SchedulerListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SchedulerListener listener) {
        listeners.remove(listener);
    }

    public SchedulerConfig config() {
        return config;
    }

    public NodePrincipals principals() {
        return principals;
    }

    /** The latest batch time the scheduler has executed at (its only clock). */
    public synchronized long clockMillis() {
        return core.state.clockMillis;
    }

    /** A read of this replica's state together with the sequence number it reflects, taken atomically. */
    public synchronized <T> Sequenced<T> atSequence(Supplier<T> read) {
        return new Sequenced<>(lastSequence, read.get());
    }

    public synchronized Optional<JobView> job(String jobId) {
        return core.views.job(jobId);
    }

    /** Every job, oldest first. */
    public synchronized List<JobView> jobs() {
        return core.views.jobs();
    }

    /** The mined chain, oldest block first (height 1 builds on the configured genesis hash). */
    public synchronized List<ChainBlock> chain() {
        return core.views.chain();
    }

    /** The cluster's mining parameters. */
    public MiningConfig mining() {
        return mining;
    }

    public synchronized Optional<TaskView> task(String taskId) {
        return core.views.task(taskId);
    }

    public synchronized List<NodeView> nodes() {
        return core.views.nodes();
    }

    /** What the worker of {@code nodeId} must be running now: ASSIGNED and RUNNING tasks there. */
    public synchronized List<Assignment> assignmentsFor(int nodeId) {
        return core.views.assignmentsFor(nodeId);
    }

    /** Local (not replicated) counters of executed operations by outcome, for metrics. */
    public Map<String, Long> counters() {
        Map<String, Long> out = new TreeMap<>();
        outcomes.forEach((k, v) -> out.put("operations." + k.name().toLowerCase(), v.get()));
        out.put("operations.malformed", malformed.get());
        out.put("operations.internal_error", internalErrors.get());
        return out;
    }

    /** Always-on consistency check of the derived indexes; throws InvariantViolation if broken. */
    /** Operations this replica refused, by reply code, since it started (not replicated state). */
    public synchronized Map<ReplyCode, Long> rejections() {
        return Map.copyOf(core.rejections);
    }

    /** The state-budget estimate of the current state ({@link StateBudget}), at least its snapshot JSON's size. */
    synchronized long estimatedStateBytes() {
        return core.state.estimatedBytes();
    }

    public synchronized void checkInvariants() {
        core.state.checkIndexes();
    }

    private void notifyListeners(List<SchedulerEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        for (SchedulerListener listener : listeners) {
            try {
                listener.onEvents(events);
            } catch (RuntimeException e) {
                LOG.warn("scheduler listener failed", e);
            }
        }
    }
}
