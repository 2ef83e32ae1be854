package org.bftswarm.consensus.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Codec;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.*;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.core.Effect;
import org.bftswarm.consensus.core.NewViewPlan;
import org.bftswarm.consensus.core.Replica;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SigningKey;

/**
 * A Byzantine replica: it runs the real core (so it knows what to lie about) and rewrites and
 * augments its outbox according to its {@link Behaviour}s. It holds only its own signing key, so
 * it can sign lies as itself but can only forge others' messages with invalid signatures.
 */
final class ByzantineAdversary {
    private final int id;
    private final int n;
    private final String swarm;
    private final SigningKey key;
    private final EnumSet<Behaviour> behaviours;
    private final SplittableRandom rnd;
    private final int checkpointInterval;
    private final int window;
    private final List<Signed> heard = new ArrayList<>();
    /** The highest-view VIEW-CHANGE heard from each replica. */
    private final TreeMap<Integer, Signed> viewChangesHeard = new TreeMap<>();
    /** The latest request heard from each client (for duplicates in batches). */
    private final TreeMap<Integer, Signed> latestRequests = new TreeMap<>();

    private long lastSentTimestamp = Long.MIN_VALUE;
    private long freshProposals;
    private final EnumSet<Behaviour> exercised = EnumSet.noneOf(Behaviour.class);

    ByzantineAdversary(
            int id,
            int n,
            String swarm,
            SigningKey key,
            EnumSet<Behaviour> behaviours,
            SplittableRandom rnd,
            int checkpointInterval,
            int window) {
        this.checkpointInterval = checkpointInterval;
        this.window = window;
        this.id = id;
        this.n = n;
        this.swarm = swarm;
        this.key = key;
        this.behaviours = behaviours;
        this.rnd = rnd;
    }

    EnumSet<Behaviour> exercised() {
        return exercised;
    }

    private boolean has(Behaviour b) {
        if (behaviours.contains(b)) {
            exercised.add(b);
            return true;
        }
        return false;
    }

    private Signed sign(Message m) {
        return Signed.sign(swarm, key, id, m);
    }

    private Digest randomDigest() {
        byte[] b = new byte[32];
        rnd.nextBytes(b);
        return Digest.wrap(b);
    }

    void heard(Signed s) {
        if (s.body() instanceof Request q) {
            latestRequests.put(q.clientId(), s);
        }
        if (s.body() instanceof ViewChange vc) {
            Signed prev = viewChangesHeard.get(s.sender());
            if (prev == null || ((ViewChange) prev.body()).newView() <= vc.newView()) {
                viewChangesHeard.put(s.sender(), s);
            }
        }
        if (heard.size() < 256) {
            heard.add(s);
        } else {
            heard.set(rnd.nextInt(heard.size()), s);
        }
    }

    /** Rewrites one outbox. Persist and informational effects pass through unchanged. */
    List<Effect> transform(List<Effect> effects) {
        List<Effect> out = new ArrayList<>();
        for (Effect e : effects) {
            if (e instanceof Effect.Broadcast b) {
                if (has(Behaviour.SILENT)) {
                    continue;
                }
                if (b.message().body() instanceof PrePrepare pp && !pp.batch().isNull() && has(Behaviour.EQUIVOCATE)) {
                    equivocate(pp, b.message(), out);
                    continue;
                }
                if (b.message().body() instanceof PrePrepare pp
                        && !pp.batch().isNull()
                        && behaviours.contains(Behaviour.FORGE_SIGNATURES)
                        && rnd.nextInt(3) == 0
                        && has(Behaviour.FORGE_SIGNATURES)) {
                    Signed forged = withForgedRequest(pp);
                    out.add(new Effect.Broadcast(forged));
                    // and it votes for the forged batch itself, so that it can commit
                    out.add(new Effect.Broadcast(
                            sign(new Commit(pp.view(), pp.seq(), ((PrePrepare) forged.body()).digest()))));
                    continue;
                }
                if (b.message().body() instanceof ViewChange vc && has(Behaviour.OMIT_PREPARED)) {
                    out.add(new Effect.Broadcast(withoutPrepared(vc)));
                    continue;
                }
                if (b.message().body() instanceof NewView nv && has(Behaviour.OMIT_PREPARED)) {
                    out.add(new Effect.Broadcast(fromFewestPrepared(nv)));
                    continue;
                }
                if (b.message().body() instanceof NewView nv && has(Behaviour.BAD_NEW_VIEW)) {
                    out.add(new Effect.Broadcast(rewrittenNewView(nv)));
                    continue;
                }
                if (b.message().body() instanceof PrePrepare pp && !pp.batch().isNull()) {
                    out.add(new Effect.Broadcast(freshProposal(pp, b.message(), out)));
                    continue;
                }
                out.add(new Effect.Broadcast(lie(b.message())));
            } else if (e instanceof Effect.Send s) {
                if (has(Behaviour.SILENT)) {
                    continue;
                }
                out.add(new Effect.Send(s.to(), lie(s.message())));
            } else if (e instanceof Effect.SendReply r) {
                if (has(Behaviour.SILENT)) {
                    continue;
                }
                if (has(Behaviour.FAKE_REPLIES)) {
                    byte[] junk = new byte[r.reply().result().length];
                    rnd.nextBytes(junk);
                    out.add(new Effect.SendReply(
                            r.clientId(),
                            new Reply(r.reply().view(), r.clientId(), r.reply().requestNumber(), junk)));
                } else {
                    out.add(r);
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private Signed lie(Signed m) {
        Message body = m.body();
        if (body instanceof Prepare p && has(Behaviour.WRONG_DIGESTS)) {
            return sign(new Prepare(p.view(), p.seq(), randomDigest()));
        }
        if (body instanceof Commit c && has(Behaviour.WRONG_DIGESTS)) {
            return sign(new Commit(c.view(), c.seq(), randomDigest()));
        }
        if (body instanceof Checkpoint c && has(Behaviour.LYING_CHECKPOINTS)) {
            return sign(new Checkpoint(c.seq(), randomDigest()));
        }
        if (body instanceof StateChunk c && has(Behaviour.LYING_CHECKPOINTS)) {
            byte[] junk = new byte[c.data().length];
            if (rnd.nextInt(4) != 0 && junk.length > 0) {
                // plausible: the real chunk with one byte changed, so the snapshot still decodes
                System.arraycopy(c.data(), 0, junk, 0, junk.length);
                junk[rnd.nextInt(junk.length)] ^= (byte) (1 + rnd.nextInt(255));
            } else {
                rnd.nextBytes(junk);
            }
            return sign(new StateChunk(c.seq(), c.chunk(), c.totalChunks(), c.totalLength(), junk, c.proof()));
        }
        return m;
    }

    /**
     * The same batch plus a request it forged in the name of one of the batch's clients (a request
     * number far ahead, a random signature): a primary trying to make correct replicas execute an
     * operation no client sent, hoping that the replicas designated to verify it are not all asked.
     */
    private Signed withForgedRequest(PrePrepare pp) {
        List<Signed> requests = new ArrayList<>(pp.batch().requests());
        int client = requests.get(rnd.nextInt(requests.size())).sender();
        Request fake = new Request(client, 2_000_000 + rnd.nextInt(1_000_000), new byte[] {6, 6, 6});
        byte[] sig = new byte[64];
        rnd.nextBytes(sig);
        requests.add(rnd.nextInt(requests.size() + 1), Signed.unverified(client, Codec.encodeBody(fake), sig, fake));
        return sign(new PrePrepare(pp.view(), pp.seq(), Batch.of(pp.batch().timestamp(), requests)));
    }

    /** Different batches for the same (view, seq) to the two halves of the backups, with commits for each. */
    private void equivocate(PrePrepare pp, Signed original, List<Effect> out) {
        List<Signed> reordered = new ArrayList<>(pp.batch().requests());
        Collections.reverse(reordered);
        Batch alt = Batch.of(pp.batch().timestamp() + 1, reordered);
        Signed altPp = sign(new PrePrepare(pp.view(), pp.seq(), alt));
        Signed commitOrig = sign(new Commit(pp.view(), pp.seq(), pp.digest()));
        Signed commitAlt = sign(new Commit(pp.view(), pp.seq(), alt.digest()));
        for (int j = 0; j < n; j++) {
            if (j == id) {
                continue;
            }
            boolean firstHalf = j % 2 == 0;
            out.add(new Effect.Send(j, firstHalf ? original : altPp));
            out.add(new Effect.Send(j, firstHalf ? commitOrig : commitAlt));
        }
    }

    /**
     * A fresh batch this replica proposes as primary: re-stamped backwards (every other one), with a
     * client's latest request heard added again, and copied one watermark window further on.
     */
    private Signed freshProposal(PrePrepare pp, Signed original, List<Effect> out) {
        Batch batch = pp.batch();
        boolean changed = false;
        if (behaviours.contains(Behaviour.REPLAY_OLD) && !latestRequests.isEmpty() && rnd.nextInt(2) == 0) {
            has(Behaviour.REPLAY_OLD);
            List<Signed> requests = new ArrayList<>(batch.requests());
            List<Signed> known = new ArrayList<>(latestRequests.values());
            Signed again = known.get(rnd.nextInt(known.size()));
            if (!requests.contains(again)) {
                requests.add(again);
                batch = Batch.of(batch.timestamp(), requests);
                changed = true;
            }
        }
        if (has(Behaviour.TIME_TRAVEL)) {
            long ts = batch.timestamp();
            if (freshProposals++ % 2 == 1 && lastSentTimestamp != Long.MIN_VALUE) {
                ts = lastSentTimestamp - 1 - rnd.nextInt(100);
            }
            lastSentTimestamp = ts;
            if (ts != batch.timestamp()) {
                batch = Batch.of(ts, batch.requests());
                changed = true;
            }
        }
        Signed sent = changed ? sign(new PrePrepare(pp.view(), pp.seq(), batch)) : original;
        if (has(Behaviour.BEYOND_WATERMARKS)) {
            out.add(new Effect.Broadcast(sign(new PrePrepare(pp.view(), pp.seq() + window, batch))));
        }
        return sent;
    }

    private Signed withoutPrepared(ViewChange vc) {
        return sign(new ViewChange(vc.newView(), vc.stableSeq(), vc.stableDigest(), vc.checkpointProof(), List.of()));
    }

    /**
     * A valid NEW-VIEW for the same view built from the quorum of view changes (its own without
     * prepared certificates, and others' it heard) that carry the fewest prepared certificates.
     */
    private Signed fromFewestPrepared(NewView nv) {
        int quorum = nv.viewChanges().size();
        TreeMap<Integer, Signed> bySender = new TreeMap<>();
        for (Signed s : viewChangesHeard.values()) {
            if (s.body() instanceof ViewChange vc && vc.newView() == nv.view() && s.sender() != id) {
                bySender.put(s.sender(), s);
            }
        }
        for (Signed s : nv.viewChanges()) {
            if (s.sender() != id) {
                bySender.putIfAbsent(s.sender(), s);
            } else {
                bySender.put(id, withoutPrepared((ViewChange) s.body()));
            }
        }
        List<Signed> chosen = new ArrayList<>(bySender.values());
        chosen.sort((a, b) -> Integer.compare(
                ((ViewChange) a.body()).prepared().size(),
                ((ViewChange) b.body()).prepared().size()));
        chosen = new ArrayList<>(chosen.subList(0, Math.min(quorum, chosen.size())));
        chosen.sort((a, b) -> Integer.compare(a.sender(), b.sender()));
        List<ViewChange> bodies = new ArrayList<>();
        for (Signed s : chosen) {
            bodies.add((ViewChange) s.body());
        }
        NewViewPlan plan = NewViewPlan.of(bodies);
        List<Signed> pps = new ArrayList<>();
        for (var e : plan.batches().entrySet()) {
            pps.add(sign(new PrePrepare(nv.view(), e.getKey(), e.getValue())));
        }
        return sign(new NewView(nv.view(), chosen, pps));
    }

    /** The NEW-VIEW with every re-proposed batch replaced by another (requests reversed, time moved on). */
    private Signed rewrittenNewView(NewView nv) {
        List<Signed> pps = new ArrayList<>();
        for (Signed s : nv.prePrepares()) {
            PrePrepare pp = (PrePrepare) s.body();
            if (pp.batch().isNull()) {
                pps.add(s);
                continue;
            }
            List<Signed> reversed = new ArrayList<>(pp.batch().requests());
            Collections.reverse(reversed);
            Batch other = Batch.of(pp.batch().timestamp() + 1, reversed);
            pps.add(sign(new PrePrepare(pp.view(), pp.seq(), other)));
        }
        return sign(new NewView(nv.view(), nv.viewChanges(), pps));
    }

    /** Unprompted mischief, called on the replica's ticks. */
    List<Effect> inject(Replica core, int[] clientIds) {
        List<Effect> out = new ArrayList<>();
        if (behaviours.contains(Behaviour.SILENT) && behaviours.size() == 1 || rnd.nextInt(5) != 0) {
            return out;
        }
        int target = otherReplica();
        if (has(Behaviour.FORGE_SIGNATURES)) {
            byte[] sig = new byte[64];
            rnd.nextBytes(sig);
            int victim = otherReplica();
            Message body = switch (rnd.nextInt(3)) {
                case 0 -> new Prepare(core.view(), core.lastExecuted() + 1, randomDigest());
                case 1 -> new Commit(core.view(), core.lastExecuted() + 1, randomDigest());
                default -> new Checkpoint(core.stableCheckpoint() + 1, randomDigest());
            };
            out.add(new Effect.Send(target, Signed.unverified(victim, Codec.encodeBody(body), sig, body)));
            int client = clientIds[rnd.nextInt(clientIds.length)];
            Request fakeRequest = new Request(client, 1_000_000 + rnd.nextInt(1000), new byte[] {1, 2, 3});
            out.add(new Effect.Send(
                    target, Signed.unverified(client, Codec.encodeBody(fakeRequest), sig, fakeRequest)));
        }
        if (has(Behaviour.LYING_CHECKPOINTS)) {
            long ahead = (core.stableCheckpoint() / checkpointInterval + 1 + rnd.nextInt(3)) * checkpointInterval;
            out.add(new Effect.Broadcast(sign(new Checkpoint(ahead, randomDigest()))));
        }
        if (has(Behaviour.REPLAY_OLD) && !heard.isEmpty()) {
            out.add(new Effect.Send(target, heard.get(rnd.nextInt(heard.size()))));
        }
        if (has(Behaviour.VIEW_CHANGE_SPAM)) {
            long v = core.view() + 1 + rnd.nextInt(4);
            Signed vc = sign(new ViewChange(v, 0, Digest.ZERO, List.of(), List.of()));
            out.add(new Effect.Broadcast(vc));
            out.add(new Effect.Broadcast(sign(new NewView(v, List.of(vc), List.of()))));
        }
        if (has(Behaviour.FAKE_REPLIES)) {
            int client = clientIds[rnd.nextInt(clientIds.length)];
            byte[] junk = new byte[40];
            rnd.nextBytes(junk);
            out.add(new Effect.SendReply(client, new Reply(core.view(), client, 1 + rnd.nextInt(40), junk)));
        }
        return out;
    }

    private int otherReplica() {
        int j = rnd.nextInt(n - 1);
        return j >= id ? j + 1 : j;
    }
}
