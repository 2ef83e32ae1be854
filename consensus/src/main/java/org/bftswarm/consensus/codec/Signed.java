package org.bftswarm.consensus.codec;

import java.util.Arrays;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SignedEnvelope;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/**
 * A message body with its sender and Ed25519 signature over
 * {@code SignedEnvelope.signingBytes(swarm, type, sender, payload)} (swarm and type are signed,
 * so a message of one swarm or type never verifies as another). Because signatures are
 * transferable, Signed values are embedded as certificates in VIEW-CHANGE, NEW-VIEW and
 * COMMIT-PROOF (PBFT-PK). Immutable.
 */
public final class Signed {
    private final int type;
    private final int sender;
    private final byte[] payload;
    private final byte[] signature;
    private final Message body;

    private Signed(int type, int sender, byte[] payload, byte[] signature, Message body) {
        this.type = type;
        this.sender = sender;
        this.payload = payload;
        this.signature = signature;
        this.body = body;
    }

    /** Encodes and signs {@code body} as {@code sender}. */
    public static Signed sign(String swarm, SigningKey key, int sender, Message body) {
        byte[] payload = Codec.encodeBody(body);
        byte[] sig = key.sign(SignedEnvelope.signingBytes(swarm, body.type(), sender, payload));
        return new Signed(body.type(), sender, payload, sig, body);
    }

    /**
     * Wraps an already decoded body with a claimed signature, verifying nothing. Used by the
     * decoder and by the simulator's Byzantine replicas to craft forgeries.
     */
    public static Signed unverified(int sender, byte[] payload, byte[] signature, Message body) {
        if (signature == null || signature.length != SigningKey.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature must be " + SigningKey.SIGNATURE_LENGTH + " bytes");
        }
        return new Signed(body.type(), sender, payload, signature, body);
    }

    /** Wraps a received envelope whose body has been decoded from its payload. */
    public static Signed fromEnvelope(SignedEnvelope env, Message body) {
        return new Signed(env.type(), env.sender(), env.payload(), env.signature(), body);
    }

    public SignedEnvelope envelope(String swarm) {
        return new SignedEnvelope(swarm, type, sender, payload, signature);
    }

    /** Checks the signature with {@code key} under {@code swarm}. */
    public boolean verifiesWith(String swarm, VerifyingKey key) {
        return key.verify(SignedEnvelope.signingBytes(swarm, type, sender, payload), signature);
    }

    public int type() {
        return type;
    }

    public int sender() {
        return sender;
    }

    public Message body() {
        return body;
    }

    byte[] payloadUnsafe() {
        return payload;
    }

    byte[] signatureUnsafe() {
        return signature;
    }

    public byte[] payload() {
        return payload.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** Identity of these exact signed bytes (used for verification caches). */
    public Digest bytesDigest() {
        ByteWriter w = new ByteWriter(payload.length + 80);
        Codec.writeSigned(w, this);
        return Digest.sha256(w.toBytes());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Signed s
                && s.type == type
                && s.sender == sender
                && Arrays.equals(s.payload, payload)
                && Arrays.equals(s.signature, signature);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(payload) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "Signed[" + MessageType.name(type) + " from " + sender + ": " + body + "]";
    }
}
