package org.bftswarm.state.entry;

import java.util.Optional;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.state.crdt.MalformedBytesException;

/**
 * Receiver-side check of a signed entry before it may be merged: well-formed, signer known, Ed25519
 * signature valid over the swarm-bound signing bytes, key owned by the signer, value well-typed.
 * Pure and thread-safe; never throws on hostile bytes.
 */
public final class EntryVerifier {
    private final String swarm;
    private final KeyRegistry keys;
    private final ValueValidator validator;

    public EntryVerifier(String swarm, KeyRegistry keys, ValueValidator validator) {
        this.swarm = swarm;
        this.keys = keys;
        this.validator = validator;
    }

    public Verdict verify(byte[] encoded) {
        SignedEntry entry;
        try {
            entry = SignedEntry.decode(encoded);
        } catch (MalformedBytesException | RuntimeException e) {
            return new Verdict.Rejected(InvalidReason.MALFORMED, SignedEntry.claimedSigner(encoded), e.getMessage());
        }
        return verify(entry);
    }

    public Verdict verify(SignedEntry entry) {
        int signer = entry.signer();
        VerifyingKey key = keys.lookup(signer);
        if (key == null) {
            return new Verdict.Rejected(InvalidReason.UNKNOWN_SIGNER, signer, "no key for signer " + signer);
        }
        if (!key.verify(entry.signingBytes(swarm), entry.signatureView())) {
            return new Verdict.Rejected(InvalidReason.BAD_SIGNATURE, signer, "signature does not verify for " + entry);
        }
        if (entry.key().owner() != signer) {
            return new Verdict.Rejected(
                    InvalidReason.WRONG_OWNER,
                    signer,
                    "signer " + signer + " wrote key of owner " + entry.key().owner());
        }
        if (entry.key().kind() == EntryKind.COUNTER) {
            try {
                CounterComponent.decode(entry.valueView());
            } catch (MalformedBytesException e) {
                return new Verdict.Rejected(InvalidReason.BAD_VALUE, signer, e.getMessage());
            }
        }
        Optional<String> problem;
        try {
            problem = validator.problem(entry);
        } catch (RuntimeException e) {
            problem = Optional.of("validator failed: " + e);
        }
        if (problem.isPresent()) {
            return new Verdict.Rejected(InvalidReason.BAD_VALUE, signer, problem.get());
        }
        return new Verdict.Accepted(entry);
    }
}
