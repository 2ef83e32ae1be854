package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.consensus.codec.Message.StateChunk;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.Invariants;

/**
 * One in-progress fetch of a certified checkpoint snapshot (PBFT TOCS 2002 section 6.2, state
 * transfer, with the state digest a Merkle root over the chunks, see {@link SnapshotTree}). Up to
 * {@link #WINDOW} chunk requests are in flight at once, spread over all other replicas (signers
 * of the checkpoint proof first, the least-suspect source first). Every chunk is verified on its
 * own against the certified digest and written straight into the one snapshot buffer, so chunks
 * are kept whoever sent them: a source that sends a bogus chunk is banned for this transfer and
 * its requests go elsewhere, a request unanswered for the patience is asked again of another
 * source; nothing is ever restarted. Memory: the snapshot being installed plus a bitmap.
 */
final class StateTransfer {
    /** Chunk requests in flight at once. */
    static final int WINDOW = 16;

    final long seq;
    final Digest digest;
    final List<Signed> proof;
    private final int chunkBytes;
    private final int maxSnapshot;
    /** False only in the simulator's mutation tests ({@link CoreMutant#STATE_CHUNK_UNPROVEN}). */
    private final boolean checkProofs;

    private final List<Integer> sources = new ArrayList<>();
    private final TreeSet<Integer> banned = new TreeSet<>();
    /** Consecutive unanswered requests per source: fewer strikes = asked first. */
    private final TreeMap<Integer, Integer> strikes = new TreeMap<>();
    /** chunk -> the request for it that is waiting for an answer. */
    private final TreeMap<Integer, Ask> inFlight = new TreeMap<>();

    private int rotation;
    private byte[] buffer;
    private int totalChunks = -1;
    private final BitSet have = new BitSet();
    private int received;
    private int timeouts;
    long lastProgress;

    /** One chunk request: ask {@code source} for {@code chunk}, sent at {@code sentAt}. */
    record Ask(int chunk, int source, long sentAt) {}

    /** Outcome of one chunk. */
    enum Result {
        PROGRESS,
        COMPLETE,
        BAD,
        IGNORED
    }

    StateTransfer(
            long seq,
            Digest digest,
            List<Signed> proof,
            int self,
            int n,
            int chunkBytes,
            int maxSnapshot,
            long now,
            boolean checkProofs) {
        this.checkProofs = checkProofs;
        this.seq = seq;
        this.digest = digest;
        this.proof = proof;
        this.chunkBytes = chunkBytes;
        this.maxSnapshot = maxSnapshot;
        for (Signed s : proof) {
            if (s.sender() != self && !sources.contains(s.sender())) {
                sources.add(s.sender());
            }
        }
        for (int i = 0; i < n; i++) {
            if (i != self && !sources.contains(i)) {
                sources.add(i);
            }
        }
        Invariants.check(!sources.isEmpty(), "state transfer with no source");
        this.lastProgress = now;
    }

    /** True once at least one chunk of this target has been verified. */
    boolean hasProgress() {
        return received > 0;
    }

    int received() {
        return received;
    }

    /**
     * How long to wait for an answer before asking another source: {@code base}, doubled with every
     * round of timeouts (up to 32x), so a transfer still completes when round trips exceed the base
     * on a loaded machine (otherwise each request is abandoned just before its answer arrives).
     */
    long patience(long base) {
        return base << Math.min(timeouts, 5);
    }

    /**
     * The requests to send now: those unanswered for the patience, re-asked of another source, then
     * new ones up to the window (only chunk 0 while the snapshot's length is still unknown).
     */
    List<Ask> requests(long now, long patienceBase) {
        List<Ask> out = new ArrayList<>();
        long wait = patience(patienceBase);
        boolean expired = false;
        for (Map.Entry<Integer, Ask> e : new ArrayList<>(inFlight.entrySet())) {
            Ask a = e.getValue();
            if (now - a.sentAt() > wait) {
                expired = true;
                strikes.merge(a.source(), 1, Integer::sum);
                Ask again = new Ask(a.chunk(), pickSource(a.source()), now);
                inFlight.put(a.chunk(), again);
                out.add(again);
            }
        }
        if (expired) {
            timeouts++;
        }
        int limit = totalChunks < 0 ? 1 : WINDOW;
        int candidate = have.nextClearBit(0);
        int end = totalChunks < 0 ? 1 : totalChunks;
        while (inFlight.size() < limit && candidate < end) {
            if (!inFlight.containsKey(candidate)) {
                Ask a = new Ask(candidate, pickSource(-1), now);
                inFlight.put(candidate, a);
                out.add(a);
            }
            candidate = have.nextClearBit(candidate + 1);
        }
        return out;
    }

    /** The unbanned source with the fewest strikes, rotating among equals; avoids {@code not} if it can. */
    private int pickSource(int not) {
        if (banned.size() >= sources.size()) {
            banned.clear(); // cannot happen with at most f liars; never stall on it
        }
        int best = -1;
        int bestStrikes = Integer.MAX_VALUE;
        for (int k = 0; k < sources.size(); k++) {
            int s = sources.get((rotation + k) % sources.size());
            if (banned.contains(s)) {
                continue;
            }
            int st = strikes.getOrDefault(s, 0) + (s == not ? 1 : 0);
            if (st < bestStrikes) {
                best = s;
                bestStrikes = st;
            }
        }
        rotation++;
        return best;
    }

    /** Verifies one chunk (from any sender) and keeps it; BAD bans the sender for this transfer. */
    Result accept(int from, StateChunk c, long now) {
        if (c.seq() != seq || banned.contains(from)) {
            return Result.IGNORED;
        }
        int expectedChunks = SnapshotTree.chunkCount(Math.max(0, c.totalLength()), chunkBytes);
        boolean shapeOk = c.totalLength() >= 0
                && c.totalLength() <= maxSnapshot
                && c.totalChunks() == expectedChunks
                && (totalChunks < 0 || (c.totalChunks() == totalChunks && c.totalLength() == buffer.length));
        boolean proven = !checkProofs
                || SnapshotTree.verify(digest, chunkBytes, c.totalLength(), c.chunk(), c.data(), c.proof());
        if (!shapeOk || !proven) {
            ban(from);
            return Result.BAD;
        }
        strikes.put(from, 0);
        if (have.get(c.chunk())) {
            return Result.IGNORED;
        }
        if (buffer == null) {
            buffer = new byte[c.totalLength()];
            totalChunks = c.totalChunks();
        }
        System.arraycopy(c.data(), 0, buffer, c.chunk() * chunkBytes, c.data().length);
        have.set(c.chunk());
        received++;
        inFlight.remove(c.chunk());
        lastProgress = now;
        return received == totalChunks ? Result.COMPLETE : Result.PROGRESS;
    }

    /** Stops asking {@code source}; its outstanding requests are re-asked of others at once. */
    private void ban(int source) {
        banned.add(source);
        for (Map.Entry<Integer, Ask> e : new ArrayList<>(inFlight.entrySet())) {
            if (e.getValue().source() == source) {
                inFlight.remove(e.getKey());
            }
        }
    }

    /** The complete snapshot; every chunk of it was verified against the certified digest. */
    byte[] snapshot() {
        Invariants.check(
                totalChunks >= 0 && received == totalChunks,
                "snapshot %d incomplete: %d of %d chunks",
                seq,
                received,
                totalChunks);
        return buffer;
    }
}
