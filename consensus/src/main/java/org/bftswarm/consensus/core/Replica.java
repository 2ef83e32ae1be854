package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.*;
import org.bftswarm.consensus.codec.MessageType;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.codec.Verified;
import org.bftswarm.crypto.Invariants;

/**
 * The PBFT replica core (Castro &amp; Liskov OSDI '99 section 4; signatures as in PBFT-PK):
 * {@link #step} consumes one verified message, {@link #tick} advances time, and both return the
 * outbox of {@link Effect}s. No threads, I/O, clocks or randomness. This class holds the normal
 * case (section 4.2: pre-prepare, prepare, commit, in-order execution with batching and
 * pipelining inside the watermarks) and request dedupe; {@link CheckpointManager} handles
 * checkpoints, catch-up and state transfer, {@link ViewChanger} the view change (section 4.4).
 */
public final class Replica {
    final ReplicaConfig cfg;
    /** {@link CoreMutant#NONE} except in the simulator's mutation tests. */
    final CoreMutant mutant;

    final Quorums q;
    final ReplicatedStateMachine sm;
    final int id;
    final List<Effect> outbox = new ArrayList<>();
    final TreeMap<Long, Slot> log = new TreeMap<>();
    final ClientTable clients = new ClientTable();
    /** Persists held back to the next outbox (only under {@link CoreMutant#SEND_BEFORE_PERSIST}). */
    private final List<Effect> deferredPersists = new ArrayList<>();
    /** Requests received and not yet executed, one per client (its highest). */
    final LinkedHashMap<Integer, Pending> pending = new LinkedHashMap<>();
    /** Client -> request number already placed in a pre-prepare of the current view (primary only). */
    final Map<Integer, Long> proposed = new HashMap<>();

    final CheckpointManager checkpoints;
    final ViewChanger viewChanger;
    final RequestPipeline pipeline;
    final Resender resender = new Resender(this);

    long now;
    long view;
    boolean inViewChange;
    int failedViews;
    long lastExecuted;
    /** Request signatures checked at execution for lack of designated vouchers (RequestAuthenticity). */
    long requestsVerifiedAtExecution;

    long lastTimestamp;
    long lastProposedTs;
    long nextSeq = 1;
    long lastProgress;
    long maxSeenSeq;
    long lastRetransmit;
    StableCheckpoint stable;

    record Pending(Signed request, long requestNumber, long since) {}

    /** A fresh replica at the genesis state of {@code sm}. */
    public Replica(ReplicaConfig cfg, ReplicatedStateMachine sm) {
        this(cfg, sm, CoreMutant.NONE);
    }

    /** A fresh replica whose core breaks one rule ({@link CoreMutant}): for the simulator's mutation tests only. */
    public Replica(ReplicaConfig cfg, ReplicatedStateMachine sm, CoreMutant mutant) {
        this.cfg = cfg;
        this.mutant = mutant;
        this.q = cfg.quorums();
        this.sm = sm;
        this.id = cfg.id();
        this.checkpoints = new CheckpointManager(this);
        this.viewChanger = new ViewChanger(this);
        this.pipeline = new RequestPipeline(this);
        byte[] genesis = checkpoints.snapshotBytes();
        this.stable = new StableCheckpoint(0, checkpoints.digestOf(genesis), List.of(), genesis);
    }

    /**
     * Rebuilds a replica after a crash from its durable state: restores the stable checkpoint and
     * the snapshots of its own later checkpoints, reloads the slots it signed for, and (view &gt; 0) re-enters
     * the view change for its last view
     * so the primary re-sends NEW-VIEW. Missing executions are fetched (COMMIT-PROOF or state transfer).
     */
    public static Replica recover(ReplicaConfig cfg, ReplicatedStateMachine sm, PersistedState ps, long nowMillis) {
        return recover(cfg, sm, ps, nowMillis, CoreMutant.NONE);
    }

    /** {@link #recover(ReplicaConfig, ReplicatedStateMachine, PersistedState, long)} of a mutant core (tests only). */
    public static Replica recover(
            ReplicaConfig cfg, ReplicatedStateMachine sm, PersistedState ps, long nowMillis, CoreMutant mutant) {
        Replica r = new Replica(cfg, sm, mutant);
        r.now = nowMillis;
        r.lastProgress = nowMillis;
        if (ps.stable() != null && ps.stable().seq() > 0) {
            Invariants.check(r.checkpoints.installSnapshot(ps.stable()) == null, "own stable snapshot unreadable");
        }
        r.view = ps.view();
        ps.ownCheckpoints().forEach(r.checkpoints::restoreOwn);
        for (var e : ps.slots().entrySet()) {
            if (e.getKey() > r.stable.seq()) {
                r.log.put(e.getKey(), Slot.fromRecord(e.getKey(), e.getValue()));
                r.nextSeq = Math.max(r.nextSeq, e.getKey() + 1);
                r.maxSeenSeq = Math.max(r.maxSeenSeq, e.getKey());
            }
        }
        r.nextSeq = Math.max(r.nextSeq, r.stable.seq() + 1);
        if (r.view > 0) {
            r.viewChanger.reenterAfterRestart();
        }
        return r;
    }

    // ---------------------------------------------------------------- public surface

    /** Processes one verified message at the time of the last {@link #tick}. */
    public List<Effect> step(Verified message) {
        dispatch(message.signed());
        return drain();
    }

    /**
     * Processes one verified message at {@code nowMillis} (the runtime's clock when it handles it).
     * Prefer this over {@link #step(Verified)} when messages may wait in a queue: timers armed and
     * timestamps checked while draining a backlog then use the real time, not the last tick's.
     */
    public List<Effect> step(Verified message, long nowMillis) {
        now = Math.max(now, nowMillis);
        return step(message);
    }

    public List<Effect> tick(long nowMillis) {
        now = Math.max(now, nowMillis);
        checkpoints.tick();
        if (inViewChange) {
            viewChanger.tick();
        } else if (requestTimerExpired()) {
            viewChanger.start(view + 1);
        } else {
            maybePropose();
        }
        if (now - lastRetransmit >= cfg.retransmitIntervalMs()) {
            lastRetransmit = now;
            resender.retransmit();
        }
        return drain();
    }

    /** Effects produced since the last drain (e.g. by {@link #recover}). */
    public List<Effect> drain() {
        if (mutant == CoreMutant.SEND_BEFORE_PERSIST) {
            List<Effect> out = new ArrayList<>(deferredPersists);
            deferredPersists.clear();
            for (Effect e : outbox) {
                (e instanceof Effect.Persist ? deferredPersists : out).add(e);
            }
            outbox.clear();
            return out;
        }
        List<Effect> out = new ArrayList<>(outbox);
        outbox.clear();
        return out;
    }

    public int id() {
        return id;
    }

    public long view() {
        return view;
    }

    /**
     * Whether nothing waits on a short timer: no client request pending, nothing ordered beyond what
     * was executed, no view change and no state transfer. A runtime may then tick less often (every
     * message still steps the replica at once, and a step that leaves work makes it non-quiescent).
     */
    public boolean quiescent() {
        return pending.isEmpty() && !inViewChange && !checkpoints.transferring() && maxSeenSeq <= lastExecuted;
    }

    public boolean inViewChange() {
        return inViewChange;
    }

    public long lastExecuted() {
        return lastExecuted;
    }

    /** Request signatures this replica had to check while executing (see RequestAuthenticity). */
    public long requestsVerifiedAtExecution() {
        return requestsVerifiedAtExecution;
    }

    public long stableCheckpoint() {
        return stable.seq();
    }

    public int logSize() {
        return log.size();
    }

    /** Lowest sequence number with agreement state in the log, or the stable checkpoint when the log is empty. */
    public long lowestSlot() {
        return log.isEmpty() ? stable.seq() + 1 : log.firstKey();
    }

    /** Highest sequence number with agreement state in the log, or the stable checkpoint when the log is empty. */
    public long highestSlot() {
        return log.isEmpty() ? stable.seq() : log.lastKey();
    }

    /** The watermark window L: the log holds sequence numbers in (stable, stable + L] only. */
    public int watermarkWindow() {
        return cfg.watermarkWindow();
    }

    public int primary() {
        return q.primary(view);
    }

    public boolean transferring() {
        return checkpoints.transferring();
    }

    // ---------------------------------------------------------------- dispatch

    private void dispatch(Signed s) {
        Message m = s.body();
        if (m instanceof Request) {
            pipeline.onRequest(s);
            return;
        }
        if (s.sender() == id) {
            return;
        }
        if (m instanceof PrePrepare) {
            onPrePrepare(s);
        } else if (m instanceof Prepare p) {
            onVote(s, p.view(), p.seq(), true);
        } else if (m instanceof Commit c) {
            onVote(s, c.view(), c.seq(), false);
        } else if (m instanceof Checkpoint) {
            checkpoints.onCheckpoint(s);
        } else if (m instanceof ViewChange) {
            viewChanger.onViewChange(s);
        } else if (m instanceof NewView) {
            viewChanger.onNewView(s);
        } else if (m instanceof Fetch f) {
            checkpoints.onFetch(s.sender(), f.seq());
        } else if (m instanceof CommitProof cp) {
            checkpoints.onCommitProof(s.sender(), cp);
        } else if (m instanceof StateRequest sr) {
            checkpoints.onStateRequest(s.sender(), sr);
        } else if (m instanceof StateChunk sc) {
            checkpoints.onStateChunk(s.sender(), sc);
        } else {
            dropped(s.sender(), MessageType.name(s.type()) + " is not for replicas");
        }
    }

    boolean isPrimary() {
        return q.primary(view) == id;
    }

    // ---------------------------------------------------------------- agreement

    boolean inWindow(long seq) {
        return seq > stable.seq() && seq <= stable.seq() + cfg.watermarkWindow();
    }

    Slot slotFor(long seq) {
        Slot s = log.get(seq);
        if (s == null) {
            s = new Slot(seq, view);
            log.put(seq, s);
        } else if (s.view < view) {
            s.resetForView(view);
        }
        return s;
    }

    void noteSeq(long seq, int sender, long msgView) {
        maxSeenSeq = Math.max(maxSeenSeq, seq);
        viewChanger.noteView(sender, msgView);
    }

    private void onPrePrepare(Signed s) {
        PrePrepare pp = (PrePrepare) s.body();
        noteSeq(pp.seq(), s.sender(), pp.view());
        boolean windowOk = inWindow(pp.seq()) || mutant == CoreMutant.PRE_PREPARE_OUTSIDE_WATERMARKS;
        if (inViewChange || pp.view() != view || !windowOk) {
            return;
        }
        if (s.sender() != q.primary(view)) {
            dropped(s.sender(), "pre-prepare from a backup");
            return;
        }
        boolean reProposal = viewChanger.isReProposal(s);
        if (pp.batch().isNull() && !reProposal) {
            dropped(s.sender(), "null batch outside NEW-VIEW");
            return;
        }
        Slot slot = slotFor(pp.seq());
        if (slot.prePrepare != null) {
            if (!slot.digest().equals(pp.digest())) {
                dropped(s.sender(), "equivocating pre-prepare at seq " + pp.seq());
            }
            return;
        }
        String tsProblem = reProposal
                ? null
                : pipeline.timestampProblem(pp.seq(), pp.batch().timestamp());
        if (tsProblem != null) {
            dropped(s.sender(), tsProblem);
            return;
        }
        acceptPrePrepare(slot, s);
        if (!reProposal) {
            slot.freshPrePrepare = s; // checked by our verifier as a top-level PRE-PREPARE
        }
    }

    /** Backup accepts a pre-prepare: record, sign PREPARE, persist, then send. */
    void acceptPrePrepare(Slot slot, Signed pp) {
        Invariants.check(
                slot.view == view && ((PrePrepare) pp.body()).view() == view,
                "pre-prepare of view %d accepted into slot of view %d in view %d",
                ((PrePrepare) pp.body()).view(),
                slot.view,
                view);
        slot.prePrepare = pp;
        slot.lastSentMillis = now;
        if (!isPrimary()) {
            slot.myPrepare = sign(new Prepare(view, slot.seq, slot.digest()));
            slot.prepares.put(id, slot.myPrepare);
            persist(slot);
            broadcast(slot.myPrepare);
        } else {
            persist(slot);
        }
        checkPrepared(slot);
    }

    private void onVote(Signed s, long msgView, long seq, boolean isPrepare) {
        noteSeq(seq, s.sender(), msgView);
        if (inViewChange || msgView != view || !inWindow(seq)) {
            return;
        }
        if (isPrepare && s.sender() == q.primary(view)) {
            dropped(s.sender(), "prepare from the primary");
            return;
        }
        Slot slot = slotFor(seq);
        TreeMap<Integer, Signed> votes = isPrepare ? slot.prepares : slot.commits;
        if (votes.putIfAbsent(s.sender(), s) != null) {
            return;
        }
        if (isPrepare) {
            checkPrepared(slot);
        } else {
            checkCommitted(slot);
        }
    }

    void checkPrepared(Slot slot) {
        if (slot.preparedInView || slot.prePrepare == null) {
            return;
        }
        List<Signed> matching = slot.matchingPrepares(q.primary(view));
        if (matching.size() < q.prepared()) {
            return;
        }
        slot.prepared = new PreparedCert(slot.prePrepare, List.copyOf(matching.subList(0, q.prepared())));
        slot.preparedInView = true;
        slot.myCommit = sign(new Commit(view, slot.seq, slot.digest()));
        slot.commits.put(id, slot.myCommit);
        persist(slot);
        broadcast(slot.myCommit);
        checkCommitted(slot);
    }

    void checkCommitted(Slot slot) {
        if (slot.committed() || !slot.preparedInView) {
            return;
        }
        List<Signed> matching = slot.matchingCommits();
        if (matching.size() >= q.committed()) {
            slot.commitProof = new CommitProof(slot.prePrepare, List.copyOf(matching));
            executeReady();
        }
    }

    // ---------------------------------------------------------------- delegation

    void maybePropose() {
        pipeline.maybePropose();
    }

    void executeReady() {
        pipeline.executeReady();
    }

    void purgeExecutedPending() {
        pipeline.purgeExecutedPending();
    }

    // ---------------------------------------------------------------- timers and retransmission

    long currentTimeout() {
        if (mutant == CoreMutant.VIEW_TIMER_NOT_DOUBLING) {
            return cfg.requestTimeoutMs();
        }
        return cfg.requestTimeoutMs() << Math.min(failedViews, 6);
    }

    private boolean requestTimerExpired() {
        if (pending.isEmpty() || checkpoints.transferring()) {
            return false;
        }
        long oldest = Long.MAX_VALUE;
        for (Pending p : pending.values()) {
            oldest = Math.min(oldest, p.since());
        }
        return now - Math.max(oldest, lastProgress) > currentTimeout();
    }

    // ---------------------------------------------------------------- effect helpers

    Signed sign(Message m) {
        return Signed.sign(cfg.swarm(), cfg.key(), id, m);
    }

    void emit(Effect e) {
        outbox.add(e);
    }

    void broadcast(Signed s) {
        outbox.add(new Effect.Broadcast(s));
    }

    void send(int to, Signed s) {
        outbox.add(new Effect.Send(to, s));
    }

    void persist(Slot slot) {
        outbox.add(new Effect.Persist(new PersistOp.SaveSlot(slot.seq, slot.toRecord())));
    }

    void dropped(int sender, String reason) {
        outbox.add(new Effect.Dropped(sender, reason));
    }

    @Override
    public String toString() {
        return "Replica[" + id + " view=" + view + (inViewChange ? "(vc)" : "") + " executed=" + lastExecuted
                + " stable=" + stable.seq() + "]";
    }
}
