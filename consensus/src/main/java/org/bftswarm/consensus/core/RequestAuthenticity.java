package org.bftswarm.consensus.core;

import java.util.BitSet;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Message.Request;
import org.bftswarm.consensus.codec.RequestVerifiers;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.VerifyingKey;

/**
 * The execution half of {@link RequestVerifiers}' rule, for one committed batch. A request is executed
 * only if (a) this replica proposed the batch (from requests it verified on arrival), or (b) the batch
 * came to it as a fresh top-level PRE-PREPARE of its view and it is designated for the request (its
 * verifier checked it then), or (c) the batch is such a fresh proposal and all f+1 designated replicas
 * signed a PRE-PREPARE, PREPARE or COMMIT for it in that view (a correct one votes for a fresh
 * proposal only after verifying its designated requests, and f+1 include a correct one), or else (d)
 * this replica verifies the signature now. Re-proposals of a NEW-VIEW, batches learnt from a
 * COMMIT-PROOF and batches recovered from the log take path (d) for every request. Every correct
 * replica reaches the same verdict, since a signature's validity depends only on its bytes: a forged
 * request slipped into a batch by a Byzantine primary is skipped everywhere.
 */
final class RequestAuthenticity {
    private final ReplicaConfig cfg;
    private final Slot slot;
    private final Signed prePrepare;
    private final boolean fresh;
    private BitSet vouchers;
    private int verifiedHere;

    RequestAuthenticity(ReplicaConfig cfg, Slot slot) {
        this.cfg = cfg;
        this.slot = slot;
        this.prePrepare = slot.commitProof.prePrepare();
        this.fresh = slot.freshPrePrepare != null && slot.freshPrePrepare.equals(prePrepare);
    }

    boolean authentic(Signed request) {
        Request q = (Request) request.body();
        int n = cfg.n();
        int f = cfg.f();
        if (fresh) {
            int primary = (int) Math.floorMod(((Message.PrePrepare) prePrepare.body()).view(), (long) n);
            if (slot.proposedHere
                    || RequestVerifiers.designated(cfg.id(), primary, q.clientId(), q.requestNumber(), n, f)) {
                return true;
            }
            BitSet signers = vouchers();
            int vouched = 0;
            for (int j = signers.nextSetBit(0); j >= 0; j = signers.nextSetBit(j + 1)) {
                if (RequestVerifiers.designated(j, primary, q.clientId(), q.requestNumber(), n, f)) {
                    vouched++;
                }
            }
            if (vouched >= cfg.quorums().requestVouchers()) {
                return true;
            }
        }
        verifiedHere++;
        VerifyingKey key = cfg.keys().lookup(request.sender());
        return key != null && request.verifiesWith(cfg.swarm(), key);
    }

    /** Signatures this replica had to check itself for lack of vouchers. */
    int verifiedHere() {
        return verifiedHere;
    }

    /** Replicas that signed a vote for exactly this fresh proposal in its view. */
    private BitSet vouchers() {
        if (vouchers == null) {
            vouchers = new BitSet(cfg.n());
            Message.PrePrepare pp = (Message.PrePrepare) prePrepare.body();
            vouchers.set(prePrepare.sender());
            addVotes(slot.commitProof.commits(), pp);
            addVotes(slot.prepares.values(), pp);
            addVotes(slot.commits.values(), pp);
        }
        return vouchers;
    }

    private void addVotes(Iterable<Signed> votes, Message.PrePrepare pp) {
        for (Signed s : votes) {
            boolean matches = s.body() instanceof Message.Prepare p
                    ? p.view() == pp.view() && p.seq() == pp.seq() && p.digest().equals(pp.digest())
                    : s.body() instanceof Message.Commit c
                            && c.view() == pp.view()
                            && c.seq() == pp.seq()
                            && c.digest().equals(pp.digest());
            if (matches) {
                vouchers.set(s.sender());
            }
        }
    }
}
