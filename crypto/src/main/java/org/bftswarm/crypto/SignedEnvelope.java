package org.bftswarm.crypto;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A signed message: swarm (cluster name), message type, sender principal id, payload, and an
 * Ed25519 signature over all four, domain-separated (the rule: every message carries the cluster
 * name, its type, its sender and an Ed25519 signature over canonical bytes). The wire layout is
 * documented in {@link EnvelopeFormat}; decode and check received bytes with {@link EnvelopeVerifier}.
 *
 * <p>Immutable: the arrays are copied in and out, and equality is by value.
 */
public record SignedEnvelope(String swarm, int type, int sender, byte[] payload, byte[] signature) {

    /** Validates the fields and takes private copies of the arrays. */
    public SignedEnvelope {
        EnvelopeFormat.swarmBytes(swarm);
        if (sender < 0) {
            throw new IllegalArgumentException("sender ids are non-negative, got " + sender);
        }
        Objects.requireNonNull(payload, "payload");
        if (payload.length > EnvelopeFormat.MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload exceeds " + EnvelopeFormat.MAX_PAYLOAD + " bytes");
        }
        if (signature == null || signature.length != SigningKey.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 signature is " + SigningKey.SIGNATURE_LENGTH + " bytes");
        }
        payload = payload.clone();
        signature = signature.clone();
    }

    /** Signs (swarm, type, sender, payload) with {@code key}. */
    public static SignedEnvelope sign(String swarm, int type, int sender, byte[] payload, SigningKey key) {
        byte[] signature = key.sign(signingBytes(swarm, type, sender, payload));
        return new SignedEnvelope(swarm, type, sender, payload, signature);
    }

    /** The exact bytes the signature covers: domain tag then the length-delimited fields. */
    public static byte[] signingBytes(String swarm, int type, int sender, byte[] payload) {
        byte[] swarmBytes = EnvelopeFormat.swarmBytes(swarm);
        Objects.requireNonNull(payload, "payload");
        byte[] tag = EnvelopeFormat.DOMAIN_TAG;
        byte[] out = new byte[tag.length + EnvelopeFormat.bodyLength(swarmBytes, payload)];
        System.arraycopy(tag, 0, out, 0, tag.length);
        int end = EnvelopeFormat.putBody(out, tag.length, swarmBytes, type, sender, payload);
        Invariants.check(end == out.length, "signing bytes length %d != %d", end, out.length);
        return out;
    }

    /** The canonical wire encoding (see {@link EnvelopeFormat}). */
    public byte[] encode() {
        byte[] swarmBytes = EnvelopeFormat.swarmBytes(swarm);
        byte[] out = new byte
                [EnvelopeFormat.HEADER_LENGTH
                        + EnvelopeFormat.bodyLength(swarmBytes, payload)
                        + SigningKey.SIGNATURE_LENGTH];
        System.arraycopy(EnvelopeFormat.MAGIC, 0, out, 0, EnvelopeFormat.MAGIC.length);
        out[EnvelopeFormat.MAGIC.length] = EnvelopeFormat.VERSION;
        int p = EnvelopeFormat.putBody(out, EnvelopeFormat.HEADER_LENGTH, swarmBytes, type, sender, payload);
        System.arraycopy(signature, 0, out, p, signature.length);
        Invariants.check(
                p + signature.length == out.length, "encoding length %d != %d", p + signature.length, out.length);
        return out;
    }

    /** True iff the signature verifies under {@code key} (does not check the swarm name). */
    public boolean verifiesWith(VerifyingKey key) {
        return key.verify(signingBytes(swarm, type, sender, payload), signature);
    }

    /** A copy of the payload. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** A copy of the signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** Payload length without copying it. */
    public int payloadLength() {
        return payload.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedEnvelope e
                && swarm.equals(e.swarm)
                && type == e.type
                && sender == e.sender
                && Arrays.equals(payload, e.payload)
                && Arrays.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(swarm, type, sender, Arrays.hashCode(payload), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "SignedEnvelope[swarm=" + swarm + ", type=" + type + ", sender=" + sender + ", payload=" + payload.length
                + " bytes, sig=" + HexFormat.of().formatHex(signature, 0, 8) + "...]";
    }
}
