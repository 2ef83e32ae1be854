package org.bftswarm.consensus.core;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.Reply;
import org.bftswarm.consensus.codec.Message.Request;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Invariants;

/**
 * Client requests through the replica (PBFT OSDI '99 sections 4.1, 4.2 and 5.1): dedupe by
 * (client, request number) with the last reply re-sent for retransmissions; the primary's
 * batching within the watermark window (a full batch at once; a partial one when the pipeline is
 * idle or its oldest request waited the max delay, and fewer than the configured number of batches
 * are in flight, so that under load batches fill up); and in-order execution of committed batches
 * (each new request only if authentic, see RequestAuthenticity) with the primary's timestamp made
 * monotonic, taking a checkpoint every K sequence numbers.
 */
final class RequestPipeline {
    private final Replica r;

    RequestPipeline(Replica r) {
        this.r = r;
    }

    void onRequest(Signed s) {
        Request q = (Request) s.body();
        long last = r.clients.lastRequest(q.clientId());
        if (q.requestNumber() < last) {
            return;
        }
        if (q.requestNumber() == last && r.mutant != CoreMutant.REPLY_CACHE_REEXECUTES) {
            ClientTable.Entry e = r.clients.get(q.clientId());
            r.emit(new Effect.SendReply(q.clientId(), new Reply(r.view, q.clientId(), last, e.result(), e.sequence())));
            return;
        }
        Replica.Pending p = r.pending.get(q.clientId());
        if (p != null && p.requestNumber() >= q.requestNumber()) {
            return;
        }
        r.pending.remove(q.clientId());
        r.pending.put(q.clientId(), new Replica.Pending(s, q.requestNumber(), r.now));
        maybePropose();
    }

    /**
     * Operation bytes one batch carries at most (a single larger request still goes alone), so a
     * pre-prepare stays well inside the transport's default 16 MiB frame.
     */
    static final int MAX_BATCH_OPERATION_BYTES = 8 << 20;

    /** Primary: cut batches while the window allows and the batch is full, overdue, or the pipeline idle. */
    void maybePropose() {
        if (r.inViewChange || !r.isPrimary() || r.checkpoints.transferring()) {
            return;
        }
        while (r.nextSeq <= r.stable.seq() + r.cfg.watermarkWindow()) {
            List<Signed> batch = new ArrayList<>();
            long batchBytes = 0;
            boolean bytesFull = false;
            long oldest = Long.MAX_VALUE;
            for (Replica.Pending p : r.pending.values()) {
                // exactly this request is in flight; a higher number may be a forged request in a
                // NEW-VIEW re-proposal (skipped at execution), so it must not hold the real one back
                Long done = r.proposed.get(((Request) p.request().body()).clientId());
                if (done != null && done == p.requestNumber()) {
                    continue;
                }
                oldest = Math.min(oldest, p.since());
                int bytes = ((Request) p.request().body()).operation().length;
                if (!batch.isEmpty() && batchBytes + bytes > MAX_BATCH_OPERATION_BYTES) {
                    bytesFull = true;
                } else if (batch.size() < r.cfg.maxBatchSize()) {
                    batch.add(p.request());
                    batchBytes += bytes;
                }
            }
            long inFlight = r.nextSeq - 1 - r.lastExecuted;
            boolean full = bytesFull || batch.size() >= r.cfg.maxBatchSize();
            boolean due = inFlight <= 0 || r.now - oldest >= r.cfg.maxBatchDelayMs();
            if (batch.isEmpty() || !(full || (due && inFlight < r.cfg.maxInFlightBatches()))) {
                return;
            }
            propose(batch);
        }
    }

    private void propose(List<Signed> requests) {
        long ts = Math.max(r.now, Math.max(r.lastProposedTs, r.lastTimestamp));
        r.lastProposedTs = ts;
        Signed pp = r.sign(new PrePrepare(r.view, r.nextSeq, Batch.of(ts, requests)));
        Slot slot = r.slotFor(r.nextSeq);
        slot.prePrepare = pp;
        slot.freshPrePrepare = pp;
        slot.proposedHere = true;
        slot.lastSentMillis = r.now;
        for (Signed s : requests) {
            Request q = (Request) s.body();
            r.proposed.put(q.clientId(), q.requestNumber());
        }
        r.nextSeq++;
        r.persist(slot);
        r.broadcast(pp);
        r.checkPrepared(slot);
    }

    void executeReady() {
        while (!r.checkpoints.transferring()) {
            Slot s = r.log.get(r.lastExecuted + 1);
            if (s == null || !s.committed()) {
                break;
            }
            execute(s);
        }
        maybePropose();
    }

    private void execute(Slot slot) {
        long seq = r.lastExecuted + 1;
        PrePrepare pp = (PrePrepare) slot.commitProof.prePrepare().body();
        Invariants.check(pp.seq() == seq, "executing seq %d out of order (next %d)", pp.seq(), seq);
        Batch b = pp.batch();
        long ts = b.isNull() ? r.lastTimestamp : Math.max(r.lastTimestamp, b.timestamp());
        if (r.mutant == CoreMutant.TIMESTAMP_BACKWARDS && !b.isNull()) {
            ts = b.timestamp();
        }
        int executed = 0;
        RequestAuthenticity authenticity = new RequestAuthenticity(r.cfg, slot);
        for (Signed rs : b.requests()) {
            Request q = (Request) rs.body();
            long last = r.clients.lastRequest(q.clientId());
            boolean reexecute = r.mutant == CoreMutant.REPLY_CACHE_REEXECUTES && q.requestNumber() == last;
            if (q.requestNumber() > last || reexecute) {
                if (!authenticity.authentic(rs)) { // checked only for what would execute; duplicates are no-ops
                    r.emit(new Effect.Dropped(
                            rs.sender(),
                            "forged request " + q.requestNumber() + " of client "
                                    + q.clientId() + " in batch " + seq + " from "
                                    + slot.commitProof.prePrepare().sender()
                                    + ": skipped"));
                    continue;
                }
                byte[] result =
                        r.sm.execute(new ExecutionContext(seq, ts, q.clientId(), q.requestNumber()), q.operation());
                r.clients.record(q.clientId(), q.requestNumber(), result, seq);
                r.emit(new Effect.SendReply(
                        q.clientId(), new Reply(r.view, q.clientId(), q.requestNumber(), result, seq)));
                executed++;
            }
            Replica.Pending p = r.pending.get(q.clientId());
            if (p != null && p.requestNumber() <= q.requestNumber()) {
                r.pending.remove(q.clientId());
            }
        }
        r.lastTimestamp = ts;
        r.lastExecuted = seq;
        r.lastProgress = r.now;
        if (executed > 0 && !r.inViewChange) {
            // progress in the current view ends the doubling; catching up on committed slots while
            // waiting for NEW-VIEW (COMMIT-PROOF) is not progress of this view and must not shorten the wait
            r.failedViews = 0;
        }
        r.requestsVerifiedAtExecution += authenticity.verifiedHere();
        r.emit(new Effect.Executed(seq, r.view, b.digest(), executed));
        if (seq % r.cfg.checkpointInterval() == 0) {
            r.checkpoints.take(seq);
        }
    }

    /** Drops pending requests that the (restored) client table shows as executed. */
    void purgeExecutedPending() {
        r.pending
                .values()
                .removeIf(p -> p.requestNumber()
                        <= r.clients.lastRequest(((Request) p.request().body()).clientId()));
    }

    /**
     * PBFT section 4.6 (non-determinism): timestamps are monotonic in seq order and close to our
     * clock: at most the skew ahead, and at most the skew plus the current request timeout behind.
     * The backward allowance covers a pre-prepare that waited in queues or was lost and retransmitted
     * (retransmissions keep their timestamp, so a strict bound would reject a slot for good and force
     * a view change on a slow machine); a primary that holds time back longer than that is no better
     * than one that stalls, which the request timer already bounds.
     */
    String timestampProblem(long seq, long ts) {
        if (ts > r.now + r.cfg.maxClockSkewMs()) {
            return "batch timestamp " + ts + " too far ahead of local time " + r.now;
        }
        if (ts < r.now - r.cfg.maxClockSkewMs() - r.currentTimeout()) {
            return "batch timestamp " + ts + " too far behind local time " + r.now;
        }
        long lower = r.lastTimestamp;
        for (Slot s : r.log.headMap(seq, false).values()) {
            if (s.view == r.view && s.prePrepare != null && !s.batch().isNull()) {
                lower = Math.max(lower, s.batch().timestamp());
            }
        }
        if (ts < lower && r.mutant != CoreMutant.TIMESTAMP_BACKWARDS) {
            return "batch timestamp " + ts + " goes backwards (< " + lower + ")";
        }
        for (Slot s : r.log.tailMap(seq, false).values()) {
            if (s.view == r.view
                    && r.mutant != CoreMutant.TIMESTAMP_BACKWARDS
                    && s.prePrepare != null
                    && !s.batch().isNull()
                    && s.batch().timestamp() < ts) {
                return "batch timestamp " + ts + " above a later batch's";
            }
        }
        return null;
    }
}
