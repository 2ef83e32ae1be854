package org.bftswarm.consensus.sim;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.Commit;
import org.bftswarm.consensus.codec.Message.NewView;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.Prepare;
import org.bftswarm.consensus.codec.Message.ViewChange;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;

/**
 * Watches what correct replicas sign, across crashes and restarts (PBFT OSDI '99 sections 4.2, 4.4
 * and 4.6; TOCS 2002 section 3 on what must be durable): a replica never signs two different digests
 * for one (type, view, seq), never asks for a lower view than one it asked for, never sends a
 * pre-prepare, prepare or commit of a view below one it asked for, and (as a backup) never prepares a
 * fresh batch whose timestamp goes backwards against a batch it prepared at a lower seq of the same
 * view, nor one above a batch it prepared at a higher seq, while both are still in its log.
 */
final class SignedHistoryChecker {
    private record Vote(int replica, int type, long view, long seq) {}

    private record ReplicaView(int replica, long view) {}

    private final Map<Vote, Digest> votes = new HashMap<>();
    private final TreeMap<Integer, Long> askedView = new TreeMap<>();
    private final Map<Digest, Long> batchTimestamps = new HashMap<>();
    private final Set<Digest> reProposed = new HashSet<>();
    private final Map<ReplicaView, TreeMap<Long, Long>> prepared = new HashMap<>();
    private final Consumer<String> violation;

    SignedHistoryChecker(Consumer<String> violation) {
        this.violation = violation;
    }

    /** Any message on the wire: remembers batch timestamps by digest and which batches NEW-VIEWs re-proposed. */
    void seen(Signed s) {
        Message m = s.body();
        if (m instanceof PrePrepare pp && !pp.batch().isNull()) {
            batchTimestamps.putIfAbsent(pp.digest(), pp.batch().timestamp());
        } else if (m instanceof NewView nv) {
            for (Signed pps : nv.prePrepares()) {
                reProposed.add(((PrePrepare) pps.body()).digest());
            }
        }
    }

    /** A message correct replica {@code replica} signed and sent; {@code stable} is its stable checkpoint now. */
    void sent(int replica, Signed s, long stable) {
        if (s.sender() != replica) {
            return;
        }
        Message m = s.body();
        if (m instanceof ViewChange vc) {
            Long asked = askedView.get(replica);
            if (asked != null && vc.newView() < asked) {
                violation.accept("replica " + replica + " asked for view " + vc.newView() + " after asking for view "
                        + asked + " (forgot what it signed)");
            }
            askedView.merge(replica, vc.newView(), Math::max);
            return;
        }
        long view;
        long seq;
        Digest digest;
        if (m instanceof PrePrepare pp) {
            view = pp.view();
            seq = pp.seq();
            digest = pp.digest();
        } else if (m instanceof Prepare p) {
            view = p.view();
            seq = p.seq();
            digest = p.digest();
        } else if (m instanceof Commit c) {
            view = c.view();
            seq = c.seq();
            digest = c.digest();
        } else {
            return;
        }
        String what = m.getClass().getSimpleName().toLowerCase();
        Long asked = askedView.get(replica);
        if (asked != null && view < asked) {
            violation.accept("replica " + replica + " sent a " + what + " of view " + view + " at seq " + seq
                    + " after asking for view " + asked + " (forgot what it signed)");
        }
        Digest prev = votes.putIfAbsent(new Vote(replica, s.type(), view, seq), digest);
        if (prev != null && !prev.equals(digest)) {
            violation.accept("replica " + replica + " signed two different " + what + "s for view " + view + " seq "
                    + seq + " (forgot what it signed)");
        }
        if (m instanceof Prepare) {
            checkTimestamp(replica, view, seq, digest, stable);
        }
    }

    private void checkTimestamp(int replica, long view, long seq, Digest digest, long stable) {
        Long ts = batchTimestamps.get(digest);
        if (ts == null || reProposed.contains(digest)) {
            return;
        }
        TreeMap<Long, Long> mine = prepared.computeIfAbsent(new ReplicaView(replica, view), k -> new TreeMap<>());
        mine.headMap(stable, true).clear();
        var lower = mine.lowerEntry(seq);
        var higher = mine.higherEntry(seq);
        if (lower != null && lower.getValue() > ts) {
            violation.accept("replica " + replica + " prepared batch time " + ts + " at seq " + seq + " of view " + view
                    + " after batch time " + lower.getValue() + " at seq " + lower.getKey() + " (time went backwards)");
        } else if (higher != null && higher.getValue() < ts) {
            violation.accept("replica " + replica + " prepared batch time " + ts + " at seq " + seq + " of view " + view
                    + " above batch time " + higher.getValue() + " at seq " + higher.getKey()
                    + " (time went backwards)");
        }
        mine.put(seq, ts);
    }
}
