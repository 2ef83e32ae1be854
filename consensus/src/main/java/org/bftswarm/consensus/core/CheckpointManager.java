package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.Decoded;
import org.bftswarm.consensus.codec.Message.Checkpoint;
import org.bftswarm.consensus.codec.Message.CommitProof;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.StateChunk;
import org.bftswarm.consensus.codec.Message.StateRequest;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.Invariants;

/**
 * Checkpoints and garbage collection (PBFT section 4.3): every K executed sequence numbers the
 * replica signs the digest of its state (the Merkle root of its snapshot's chunks, {@link
 * SnapshotTree}); 2f+1 matching signatures make the checkpoint stable and the log at or below it
 * is discarded. A replica that sees a stable certificate beyond its execution fetches the snapshot
 * ({@link StateTransfer}, served by {@link StateServer}); committed certificates of single slots
 * are served to lagging replicas (FETCH / COMMIT-PROOF).
 */
final class CheckpointManager {
    private static final int VOTES_PER_SENDER = 4;
    private final Replica r;
    private final TreeMap<Long, TreeMap<Integer, Signed>> votes = new TreeMap<>();
    private final TreeMap<Long, OwnSnapshot> ownSnapshots = new TreeMap<>();
    private final TreeMap<Long, Signed> ownCheckpoints = new TreeMap<>();
    private final Map<Long, Signed> signedProofs = new TreeMap<>();
    private final StateServer server;
    private StateTransfer transfer;
    /** The newest certificate seen while a transfer that makes progress was kept on its target. */
    private StableCheckpoint newerTarget;

    /** A snapshot this replica took at a checkpoint, with its digest. */
    private record OwnSnapshot(byte[] bytes, Digest digest) {}

    CheckpointManager(Replica r) {
        this.r = r;
        this.server = new StateServer(r);
    }

    /** The checkpoint digest of a snapshot: the Merkle root over its state-transfer chunks. */
    Digest digestOf(byte[] snapshot) {
        return SnapshotTree.digestOf(snapshot, r.cfg.stateChunkBytes());
    }

    boolean transferring() {
        return transfer != null;
    }

    /** The checkpoint being fetched (0 when none). */
    long transferTarget() {
        return transfer == null ? 0 : transfer.seq;
    }

    /** Chunks verified so far by the current transfer (0 when none): progress for retransmission. */
    int transferReceived() {
        return transfer == null ? 0 : transfer.received();
    }

    byte[] snapshotBytes() {
        return new ReplicaSnapshot(r.lastTimestamp, new TreeMap<>(r.clients.view()), r.sm.snapshot()).encode();
    }

    /**
     * After a restart: the snapshot of a checkpoint this replica signed above its stable one (see
     * {@link PersistOp.SaveOwnCheckpoint}), kept so that a certificate for it is installed from this
     * copy rather than fetched from peers that may all be faulty.
     */
    void restoreOwn(long seq, byte[] snapshot) {
        if (seq > r.stable.seq()) {
            Digest d = digestOf(snapshot);
            ownSnapshots.put(seq, new OwnSnapshot(snapshot, d));
            // our signature may be part of a certificate of it already: count it again, or a certificate that
            // needs it (when f replicas lie, every correct one's) never forms here, even when forwarded to us
            Signed c = r.sign(new Checkpoint(seq, d));
            ownCheckpoints.put(seq, c);
            addVote(c);
        }
    }

    void take(long seq) {
        byte[] snap = snapshotBytes();
        Digest d = digestOf(snap);
        ownSnapshots.put(seq, new OwnSnapshot(snap, d));
        Signed c = r.sign(new Checkpoint(seq, d));
        ownCheckpoints.put(seq, c);
        r.emit(new Effect.CheckpointTaken(seq, d));
        // durable before the CHECKPOINT leaves: our signature may complete a certificate for this state
        r.emit(new Effect.Persist(new PersistOp.SaveOwnCheckpoint(seq, snap)));
        r.broadcast(c);
        addVote(c);
    }

    void onCheckpoint(Signed s) {
        Checkpoint c = (Checkpoint) s.body();
        r.noteSeq(c.seq(), s.sender(), -1);
        if (c.seq() <= r.stable.seq()) {
            if (c.seq() < r.stable.seq()) {
                helpLaggingPeer(s.sender());
            }
            return;
        }
        if (c.seq() % r.cfg.checkpointInterval() != 0) {
            r.dropped(s.sender(), "checkpoint at non-checkpoint seq " + c.seq());
            return;
        }
        TreeMap<Integer, Signed> atSeq = votes.get(c.seq());
        if (atSeq != null && atSeq.containsKey(s.sender())) {
            return; // a retransmission of a vote we hold must not evict the sender's other votes
        }
        List<Long> mine = new ArrayList<>();
        for (var e : votes.entrySet()) {
            if (e.getValue().containsKey(s.sender())) {
                mine.add(e.getKey());
            }
        }
        if (mine.size() >= VOTES_PER_SENDER) {
            if (c.seq() < mine.get(0)) {
                // a sender's votes for higher seqs (perhaps lies) must not keep out the one that completes a
                // certificate, e.g. of a stable checkpoint forwarded to this replica to catch up
                if (completesCertificate(c)) {
                    addVote(s);
                }
                return;
            }
            votes.get(mine.get(0)).remove(s.sender());
        }
        addVote(s);
    }

    /** True if the votes held for c's seq plus c itself make a quorum signing c's digest. */
    private boolean completesCertificate(Checkpoint c) {
        TreeMap<Integer, Signed> atSeq = votes.get(c.seq());
        int matching = 1;
        if (atSeq != null) {
            for (Signed v : atSeq.values()) {
                matching += ((Checkpoint) v.body()).stateDigest().equals(c.stateDigest()) ? 1 : 0;
            }
        }
        return matching >= r.q.checkpoint();
    }

    private void addVote(Signed s) {
        Checkpoint c = (Checkpoint) s.body();
        TreeMap<Integer, Signed> atSeq = votes.computeIfAbsent(c.seq(), k -> new TreeMap<>());
        if (atSeq.putIfAbsent(s.sender(), s) != null) {
            return;
        }
        List<Signed> matching = new ArrayList<>();
        for (Signed v : atSeq.values()) {
            if (((Checkpoint) v.body()).stateDigest().equals(c.stateDigest())
                    || r.mutant == CoreMutant.CHECKPOINT_MIXED_DIGESTS) {
                matching.add(v);
            }
        }
        int needed = r.mutant == CoreMutant.CHECKPOINT_ONE_SIGNATURE ? 1 : r.q.checkpoint();
        if (matching.size() >= needed) {
            onStableCertificate(c.seq(), c.stateDigest(), matching);
        }
    }

    /** A certified (seq, digest): make it stable, or fetch it if we have not executed that far. */
    void onStableCertificate(long seq, Digest digest, List<Signed> proof) {
        if (seq <= r.stable.seq()) {
            return;
        }
        if (seq <= r.lastExecuted) {
            OwnSnapshot own = ownSnapshots.get(seq);
            if (own != null && own.digest().equals(digest)) {
                makeStable(new StableCheckpoint(seq, digest, proof, own.bytes()));
            } else {
                r.dropped(r.id, "certified checkpoint " + seq + " differs from own state");
            }
            return;
        }
        if (transfer != null && transfer.seq > seq) {
            return;
        }
        OwnSnapshot own = ownSnapshots.get(seq);
        if (own != null
                && own.digest().equals(digest)
                && installOwn(new StableCheckpoint(seq, digest, proof, own.bytes()))) {
            return;
        }
        if (transfer != null && transfer.seq == seq) {
            return;
        }
        if (transfer != null && transfer.hasProgress()) {
            // finish what is flowing; move on only if its sources stop serving it (see tick)
            if (newerTarget == null || newerTarget.seq() < seq) {
                newerTarget = new StableCheckpoint(seq, digest, List.copyOf(proof), null);
            }
            return;
        }
        startTransfer(seq, digest, proof);
    }

    /**
     * A certified checkpoint beyond our execution whose snapshot we took ourselves before a restart
     * (PBFT section 4.3: 2f+1 signers include f+1 correct replicas that hold the state): install our
     * copy, ending any transfer. False if the snapshot is unusable (then it is fetched as usual).
     */
    private boolean installOwn(StableCheckpoint cp) {
        String problem = installSnapshot(cp);
        if (problem != null) {
            r.dropped(r.id, "own checkpoint " + cp.seq() + " unusable: " + problem);
            return false;
        }
        installed(cp, 0);
        return true;
    }

    /**
     * A certified snapshot was installed (fetched in {@code chunks} chunks, 0 for our own copy): it becomes
     * stable, any transfer ends, execution resumes.
     */
    private void installed(StableCheckpoint cp, int chunks) {
        transfer = null;
        makeStable(cp);
        r.emit(new Effect.StateInstalled(cp.seq(), cp.digest(), cp.snapshot().length, chunks));
        r.executeReady();
        StableCheckpoint next = newerTarget;
        newerTarget = null;
        if (next != null && next.seq() > r.lastExecuted) {
            onStableCertificate(next.seq(), next.digest(), next.proof());
        }
    }

    private void startTransfer(long seq, Digest digest, List<Signed> proof) {
        newerTarget = null;
        transfer = new StateTransfer(
                seq,
                digest,
                List.copyOf(proof),
                r.id,
                r.q.n(),
                r.cfg.stateChunkBytes(),
                r.cfg.maxSnapshotBytes(),
                r.now,
                r.mutant != CoreMutant.STATE_CHUNK_UNPROVEN);
        sendRequests();
    }

    private long patienceBase() {
        return 2 * r.cfg.retransmitIntervalMs();
    }

    private void makeStable(StableCheckpoint cp) {
        Invariants.check(
                cp.seq() <= r.lastExecuted && cp.snapshot() != null,
                "stable checkpoint %d beyond execution %d or without snapshot",
                cp.seq(),
                r.lastExecuted);
        server.retainOutgoing(r.stable, cp.seq());
        r.stable = cp;
        r.emit(new Effect.Persist(new PersistOp.SaveStableCheckpoint(cp)));
        r.log.headMap(cp.seq(), true).clear();
        votes.headMap(cp.seq(), true).clear();
        ownSnapshots.headMap(cp.seq(), true).clear();
        ownCheckpoints.headMap(cp.seq(), false).clear();
        signedProofs.clear();
        r.nextSeq = Math.max(r.nextSeq, cp.seq() + 1);
        r.maybePropose();
    }

    /** Installs a verified snapshot; returns null or the reason it is unusable. */
    String installSnapshot(StableCheckpoint cp) {
        Decoded<ReplicaSnapshot> d = ReplicaSnapshot.decode(cp.snapshot());
        if (!(d instanceof Decoded.Ok<ReplicaSnapshot> ok)) {
            return "snapshot does not decode: " + ((Decoded.Malformed<ReplicaSnapshot>) d).reason();
        }
        try {
            r.sm.restore(ok.value().application());
        } catch (IllegalArgumentException e) {
            return "state machine rejected snapshot: " + e.getMessage();
        }
        r.clients.replaceWith(ok.value().clients());
        r.lastTimestamp = ok.value().lastTimestamp();
        r.lastExecuted = cp.seq();
        r.lastProgress = r.now;
        ownCheckpoints.put(cp.seq(), r.sign(new Checkpoint(cp.seq(), cp.digest())));
        server.retainOutgoing(r.stable, cp.seq());
        r.stable = cp;
        r.log.headMap(cp.seq(), true).clear();
        votes.headMap(cp.seq(), true).clear();
        r.nextSeq = Math.max(r.nextSeq, cp.seq() + 1);
        r.purgeExecutedPending();
        return null;
    }

    void tick() {
        if (transfer == null) {
            return;
        }
        if (newerTarget != null && r.now - transfer.lastProgress > transfer.patience(patienceBase())) {
            // the kept target is no longer served: go for the newest certificate instead
            startTransfer(newerTarget.seq(), newerTarget.digest(), newerTarget.proof());
            return;
        }
        sendRequests();
    }

    private void sendRequests() {
        for (StateTransfer.Ask a : transfer.requests(r.now, patienceBase())) {
            r.send(a.source(), r.sign(new StateRequest(transfer.seq, a.chunk())));
        }
    }

    void onStateRequest(int from, StateRequest req) {
        server.onStateRequest(from, req);
    }

    void onStateChunk(int from, StateChunk c) {
        if (transfer == null) {
            return;
        }
        StateTransfer.Result res = transfer.accept(from, c, r.now);
        switch (res) {
            case IGNORED -> {}
            case PROGRESS -> sendRequests();
            case BAD -> {
                r.dropped(from, "bogus state chunk " + c.chunk() + " of checkpoint " + c.seq());
                sendRequests();
            }
            case COMPLETE -> {
                StableCheckpoint cp =
                        new StableCheckpoint(transfer.seq, transfer.digest, transfer.proof, transfer.snapshot());
                String problem = installSnapshot(cp);
                if (problem != null) {
                    // every chunk matched the certified digest: only a broken state machine gets here
                    r.dropped(r.id, "certified snapshot " + cp.seq() + " unusable: " + problem);
                    startTransfer(cp.seq(), cp.digest(), cp.proof());
                    return;
                }
                installed(cp, transfer.received());
            }
        }
    }

    /**
     * A peer showed it is behind our stable checkpoint (its checkpoint or FETCH is at or below it):
     * answer it directly with the signed checkpoints of our stable certificate (its quorum of
     * signatures, ours among them when we signed), so its catch-up neither waits for the backed-off
     * broadcast nor needs the lagging replica's own signature to complete a certificate: while f
     * replicas sign lies, the correct replicas other than the laggard are fewer than a quorum, so their
     * own broadcast checkpoints can never certify the state it must fetch. At most a quorum of messages
     * per message received.
     */
    private void helpLaggingPeer(int peer) {
        if (peer == r.id) {
            return;
        }
        Signed atStable = ownCheckpoints.get(r.stable.seq());
        boolean sentOwn = false;
        for (Signed s : r.stable.proof()) {
            r.send(peer, s);
            sentOwn |= s.equals(atStable);
        }
        if (atStable != null && !sentOwn) {
            r.send(peer, atStable);
        }
    }

    void onFetch(int from, long seq) {
        if (seq <= r.stable.seq()) {
            helpLaggingPeer(from);
            return;
        }
        Slot s = r.log.get(seq);
        if (s == null || !s.committed()) {
            return;
        }
        Signed proof = signedProofs.computeIfAbsent(seq, k -> r.sign(s.commitProof));
        r.send(from, proof);
    }

    /** A committed certificate for a slot we have not executed: safe to execute (2f+1 signed commits). */
    void onCommitProof(int from, CommitProof cp) {
        PrePrepare pp = (PrePrepare) cp.prePrepare().body();
        if (pp.seq() <= r.lastExecuted || !r.inWindow(pp.seq())) {
            return;
        }
        String problem = Certificates.commitProofProblem(cp, r.q);
        if (problem != null) {
            r.dropped(from, problem);
            return;
        }
        Slot slot = r.log.computeIfAbsent(pp.seq(), s -> new Slot(s, r.view));
        if (!slot.committed()) {
            slot.commitProof = cp;
            r.executeReady();
        }
    }

    void retransmit() {
        Signed atStable = ownCheckpoints.get(r.stable.seq());
        if (atStable != null) {
            r.broadcast(atStable);
        }
        if (!ownCheckpoints.isEmpty() && ownCheckpoints.lastKey() > r.stable.seq()) {
            r.broadcast(ownCheckpoints.lastEntry().getValue());
        }
    }
}
