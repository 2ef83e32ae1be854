package org.bftswarm.consensus.client;

import java.nio.ByteBuffer;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.DomainFrames;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/**
 * The rule of a signed reply (PBFT's reply, made transferable as in the signature variant of Castro
 * &amp; Liskov TOCS 2002 section 3.2): replica i signs, with its Ed25519 replica key, the domain-framed
 * bytes of (swarm, replica id, client id, request number, sequence number it executed the request at,
 * SHA-256 of the result bytes). A signature so made verifies for exactly those six values under that
 * replica's key and for no other swarm, replica, client, request, sequence or result; f+1 of them from
 * distinct replicas over one result digest prove the result, since at least one signer is correct.
 * Pure: no I/O, no state.
 */
public final class ReplyCertificate {
    static final String DOMAIN = "bftswarm reply certificate v1";

    private ReplyCertificate() {}

    /** The bytes a replica signs for this reply. */
    public static byte[] signedBytes(
            String swarm, int replica, int clientId, long requestNumber, long sequence, Digest resultDigest) {
        return DomainFrames.frame(
                DOMAIN,
                DomainFrames.text(swarm),
                ByteBuffer.allocate(4).putInt(replica).array(),
                ByteBuffer.allocate(4).putInt(clientId).array(),
                ByteBuffer.allocate(8).putLong(requestNumber).array(),
                ByteBuffer.allocate(8).putLong(sequence).array(),
                resultDigest.bytes());
    }

    /** Replica {@code replica}'s certificate signature over {@code reply}. */
    public static byte[] sign(String swarm, int replica, SigningKey key, Message.Reply reply) {
        return key.sign(signedBytes(
                swarm,
                replica,
                reply.clientId(),
                reply.requestNumber(),
                reply.sequence(),
                Digest.sha256(reply.result())));
    }

    /** The certificate carried by {@code reply} from {@code replica}, as a client keeps it. */
    public static ReplySignature of(int replica, Message.Reply reply) {
        return new ReplySignature(
                replica,
                reply.clientId(),
                reply.requestNumber(),
                reply.sequence(),
                Digest.sha256(reply.result()),
                reply.signature());
    }

    /** True when {@code cert}'s signature is valid under {@code replicaKey} for {@code swarm}. */
    public static boolean verifies(String swarm, VerifyingKey replicaKey, ReplySignature cert) {
        byte[] sig = cert.signature();
        if (sig.length != SigningKey.SIGNATURE_LENGTH) {
            return false;
        }
        return replicaKey.verify(
                signedBytes(
                        swarm,
                        cert.replica(),
                        cert.clientId(),
                        cert.requestNumber(),
                        cert.sequence(),
                        cert.resultDigest()),
                sig);
    }
}
