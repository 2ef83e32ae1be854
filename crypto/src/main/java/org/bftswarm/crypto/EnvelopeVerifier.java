package org.bftswarm.crypto;

import java.util.Objects;

/**
 * Checks received envelope bytes for one swarm against the cluster's {@link KeyRegistry}, so that
 * messages with a wrong cluster name, an unknown key or a bad signature are dropped (the security
 * model). Order of checks: canonical decoding, swarm name, sender known, signature. Never throws on any
 * input; immutable and thread-safe.
 */
public final class EnvelopeVerifier {
    private final String swarm;
    private final KeyRegistry keys;

    public EnvelopeVerifier(String swarm, KeyRegistry keys) {
        EnvelopeFormat.swarmBytes(swarm);
        this.swarm = swarm;
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The swarm this verifier accepts. */
    public String swarm() {
        return swarm;
    }

    /** The registry senders are looked up in. */
    public KeyRegistry keys() {
        return keys;
    }

    /**
     * Decodes and authenticates {@code encoded}; returns {@link VerifyOutcome.Ok} only for an authentic message of
     * this swarm.
     */
    public VerifyOutcome verify(byte[] encoded) {
        try {
            EnvelopeDecoder.Result decoded = EnvelopeDecoder.decode(encoded);
            if (!decoded.isOk()) {
                return new VerifyOutcome.Malformed(decoded.error());
            }
            SignedEnvelope envelope = decoded.envelope();
            if (!swarm.equals(envelope.swarm())) {
                return new VerifyOutcome.WrongSwarm(envelope.swarm());
            }
            VerifyingKey key = keys.lookup(envelope.sender());
            if (key == null) {
                return new VerifyOutcome.UnknownSender(envelope.sender());
            }
            if (!key.verify(signingBytesOf(encoded), envelope.signature())) {
                return new VerifyOutcome.BadSignature(envelope.sender());
            }
            return new VerifyOutcome.Ok(envelope);
        } catch (RuntimeException e) {
            // Defence in depth only: the decoder and VerifyingKey.verify do not throw.
            return new VerifyOutcome.Malformed("verifier error: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Decodes {@code encoded} and checks its swarm and that its sender has a key, WITHOUT checking the
     * signature: the result is not authentic and may only steer work (e.g. whether to verify a frame now
     * or later), never be trusted. Null when malformed, of another swarm or from an unknown sender.
     */
    public SignedEnvelope peek(byte[] encoded) {
        try {
            EnvelopeDecoder.Result decoded = EnvelopeDecoder.decode(encoded);
            if (!decoded.isOk()) {
                return null;
            }
            SignedEnvelope envelope = decoded.envelope();
            return swarm.equals(envelope.swarm()) && keys.lookup(envelope.sender()) != null ? envelope : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Signing bytes straight from a canonically decoded encoding: the domain tag followed by the body
     * (everything between the header and the signature), which equals
     * {@link SignedEnvelope#signingBytes} of the decoded fields.
     */
    private static byte[] signingBytesOf(byte[] encoded) {
        byte[] tag = EnvelopeFormat.DOMAIN_TAG;
        int bodyLength = encoded.length - EnvelopeFormat.HEADER_LENGTH - SigningKey.SIGNATURE_LENGTH;
        byte[] out = new byte[tag.length + bodyLength];
        System.arraycopy(tag, 0, out, 0, tag.length);
        System.arraycopy(encoded, EnvelopeFormat.HEADER_LENGTH, out, tag.length, bodyLength);
        return out;
    }
}
