package org.bftswarm.consensus.codec;

import java.util.List;
import org.bftswarm.consensus.codec.Message.*;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.crypto.EnvelopeVerifier;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SignedEnvelope;
import org.bftswarm.crypto.VerifyOutcome;
import org.bftswarm.crypto.VerifyingKey;

/**
 * Checks everything about an inbound message that does not depend on replica state: envelope
 * signature (swarm and type are signed), sender role (replica ids 0..n-1 send protocol
 * messages, clients &gt;= 1000 send requests as themselves), and every embedded signature except
 * those of batched requests that {@link RequestVerifiers} leaves to other replicas.
 * Thread-safe and pure, so the runtime can run it in a pool off the core thread. Request
 * signatures go through a {@link SignatureCache}, so each is verified once per replica.
 */
public final class InboundVerifier {
    private final String swarm;
    private final KeyRegistry keys;
    private final int n;
    private final int f;
    private final int self;
    private final SignatureCache cache;
    private final EnvelopeVerifier envelopes;

    /** Outcome: accepted (typed) or rejected with a reason to count and log. */
    public sealed interface Outcome {
        record Accepted(Verified message) implements Outcome {}

        record Rejected(String reason) implements Outcome {}
    }

    /** A verifier that checks every embedded request signature (not as a replica of the rule below). */
    public InboundVerifier(String swarm, KeyRegistry keys, int n, SignatureCache cache) {
        this(swarm, keys, n, cache, -1);
    }

    /**
     * The verifier of replica {@code self}: inside a top-level PRE-PREPARE it checks the signatures only
     * of the requests {@link RequestVerifiers} designates to {@code self}; inside certificates (VIEW-CHANGE,
     * NEW-VIEW, COMMIT-PROOF) none, since a batch prepared by a quorum may hold a forged request that the
     * core skips at execution (see core RequestAuthenticity) and rejecting the certificate would stall
     * the view change. The claimed client role of every request is always checked, and a top-level
     * REQUEST in full. {@code self < 0}: check every request everywhere.
     */
    public InboundVerifier(String swarm, KeyRegistry keys, int n, SignatureCache cache, int self) {
        this.swarm = swarm;
        this.keys = keys;
        this.n = n;
        this.f = Quorums.faultsTolerated(n);
        this.self = self;
        this.cache = cache;
        this.envelopes = new EnvelopeVerifier(swarm, keys);
    }

    /** Full path from wire bytes (crypto's SignedEnvelope encoding). */
    public Outcome verifyWire(byte[] encoded) {
        VerifyOutcome out = envelopes.verify(encoded);
        if (!(out instanceof VerifyOutcome.Ok ok)) {
            return new Outcome.Rejected("envelope: " + out);
        }
        return verifyCheckedEnvelope(ok.envelope());
    }

    /** For an envelope whose own signature and swarm were already checked by EnvelopeVerifier. */
    public Outcome verifyCheckedEnvelope(SignedEnvelope env) {
        Decoded<Message> d = Codec.decodeBody(env.type(), env.payload());
        if (d instanceof Decoded.Malformed<Message> m) {
            return new Outcome.Rejected("malformed " + m.reason());
        }
        Signed s = Signed.fromEnvelope(env, ((Decoded.Ok<Message>) d).value());
        if (s.type() != MessageType.PRE_PREPARE) {
            // remembered so the same bytes embedded later (batch, certificate) are not verified again;
            // a pre-prepare is skipped to keep the hot path at one hash of the batch
            cache.add(s.bytesDigest());
        }
        return check(s, false);
    }

    /** For a decoded signed message whose signature has not been checked (simulator, tests). */
    public Outcome verify(Signed s) {
        return check(s, true);
    }

    private Outcome check(Signed s, boolean checkTopSignature) {
        String problem;
        try {
            problem = roleProblem(s);
            if (problem == null && checkTopSignature) {
                problem = signatureProblem(s);
            }
            if (problem == null) {
                problem = embeddedProblem(s.body(), true);
            }
        } catch (RuntimeException e) {
            problem = "verifier error " + e;
        }
        return problem == null ? new Outcome.Accepted(new Verified(s)) : new Outcome.Rejected(problem);
    }

    private String roleProblem(Signed s) {
        if (s.type() == MessageType.REQUEST) {
            Request q = (Request) s.body();
            if (s.sender() < KeyRegistry.FIRST_CLIENT_ID || q.clientId() != s.sender()) {
                return "request from " + s.sender() + " claims client " + q.clientId();
            }
            return null;
        }
        if (s.sender() >= n) {
            return MessageType.name(s.type()) + " from non-replica " + s.sender();
        }
        return null;
    }

    private String signatureProblem(Signed s) {
        var id = s.bytesDigest();
        if (cache.contains(id)) {
            return null;
        }
        VerifyingKey key = keys.lookup(s.sender());
        if (key == null) {
            return "unknown sender " + s.sender();
        }
        if (!s.verifiesWith(swarm, key)) {
            return "bad signature on " + MessageType.name(s.type()) + " from " + s.sender();
        }
        cache.add(id);
        return null;
    }

    private String embedded(Signed s) {
        String p = roleProblem(s);
        if (p == null) {
            p = signatureProblem(s);
        }
        if (p == null) {
            p = embeddedProblem(s.body(), false);
        }
        return p;
    }

    private String embeddedAll(List<Signed> list) {
        for (Signed s : list) {
            String p = embedded(s);
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /** Role of every request; signature of those designated to this replica (all when self < 0). */
    private String batchProblem(List<Signed> requests, int primary, boolean checkDesignated) {
        for (Signed s : requests) {
            String p = roleProblem(s);
            if (p == null && s.type() != MessageType.REQUEST) {
                p = MessageType.name(s.type()) + " inside a batch";
            }
            if (p == null
                    && checkDesignated
                    && (self < 0
                            || RequestVerifiers.designated(
                                    self, primary, s.sender(), ((Request) s.body()).requestNumber(), n, f))) {
                p = signatureProblem(s);
            }
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private String embeddedProblem(Message body, boolean topLevel) {
        if (body instanceof PrePrepare pp) {
            return batchProblem(pp.batch().requests(), (int) Math.floorMod(pp.view(), (long) n), topLevel || self < 0);
        } else if (body instanceof ViewChange vc) {
            String p = embeddedAll(vc.checkpointProof());
            for (int i = 0; p == null && i < vc.prepared().size(); i++) {
                PreparedCert c = vc.prepared().get(i);
                p = embedded(c.prePrepare());
                if (p == null) {
                    p = embeddedAll(c.prepares());
                }
            }
            return p;
        } else if (body instanceof NewView nv) {
            String p = embeddedAll(nv.viewChanges());
            return p != null ? p : embeddedAll(nv.prePrepares());
        } else if (body instanceof CommitProof cp) {
            String p = embedded(cp.prePrepare());
            return p != null ? p : embeddedAll(cp.commits());
        }
        return null;
    }
}
