package org.bftswarm.consensus.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bftswarm.crypto.ReplayGuard;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * Authenticated reply channel between one client connection and one replica, so replies need no
 * per-reply Ed25519 signature (PBFT section 4.1 lets replies be authenticated by MACs; Castro &amp;
 * Liskov TOCS 2002, section 3.2). Handshake: the client sends an ephemeral X25519 public key (HELLO);
 * the replica answers with its own ephemeral key in an envelope Ed25519-signed by the replica
 * (ACCEPT, binding both keys to the replica id and swarm), so only that replica and this client know
 * the derived HMAC-SHA256 key. Each reply frame then carries a per-channel counter, accepted at most
 * once within a sliding window (crypto's {@code ReplayGuard}: no replays, yet a worker pool may open
 * frames out of order), and a 32-byte tag.
 */
public final class ReplyChannel {
    /** Envelope type of the replica's signed ACCEPT (outside the core's message type range). */
    public static final int ACCEPT_TYPE = 100;

    static final byte[] HELLO_MAGIC = {'B', 'F', 'R', 'H'};
    static final byte[] SEALED_MAGIC = {'B', 'F', 'R', 'M'};
    static final int KEY_BYTES = 32;
    private static final byte[] DOMAIN = "bftswarm reply channel v1".getBytes(StandardCharsets.UTF_8);
    private static final int TAG_BYTES = 32;
    /** Frames may be opened out of order by a worker pool; each counter is accepted once within this window. */
    private static final int REPLAY_WINDOW = 4_096;

    private static final int HEADER = 4 + 8 + 4;
    private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    });

    private final SecretKeySpec key;
    private final ReplayGuard seen = new ReplayGuard(REPLAY_WINDOW, 1);
    private long nextCounter;

    private ReplyChannel(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /** An ephemeral X25519 key pair: {@code [0]} private, {@code [1]} public. */
    public static byte[][] ephemeral(SecureRandom random) {
        byte[] priv = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, priv);
        byte[] pub = new byte[X25519.POINT_SIZE];
        X25519.generatePublicKey(priv, 0, pub, 0);
        return new byte[][] {priv, pub};
    }

    /** Derives the channel; null when the peer's key is degenerate (agreement gives zero). */
    public static ReplyChannel derive(byte[] myPrivate, byte[] theirPublic, byte[] clientPublic, byte[] replicaPublic) {
        if (theirPublic.length != X25519.POINT_SIZE) {
            return null;
        }
        byte[] shared = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(myPrivate, 0, theirPublic, 0, shared, 0)) {
            return null;
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(DOMAIN);
            md.update(shared);
            md.update(clientPublic);
            md.update(replicaPublic);
            return new ReplyChannel(md.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    public static byte[] hello(byte[] clientPublic) {
        return ByteBuffer.allocate(4 + KEY_BYTES)
                .put(HELLO_MAGIC)
                .put(clientPublic)
                .array();
    }

    /** The client key of a HELLO frame, or null if the frame is not one. */
    public static byte[] parseHello(byte[] frame) {
        if (frame.length != 4 + KEY_BYTES || !startsWith(frame, HELLO_MAGIC)) {
            return null;
        }
        return Arrays.copyOfRange(frame, 4, frame.length);
    }

    public static boolean isHello(byte[] frame) {
        return startsWith(frame, HELLO_MAGIC);
    }

    public static boolean isSealed(byte[] frame) {
        return startsWith(frame, SEALED_MAGIC);
    }

    /** Replica side: frames a reply body with the next counter and its tag. Callers serialize per channel. */
    public synchronized byte[] seal(int replicaId, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + body.length + TAG_BYTES);
        b.put(SEALED_MAGIC).putLong(nextCounter++).putInt(replicaId).put(body);
        byte[] out = b.array();
        byte[] tag = tag(out, HEADER + body.length);
        System.arraycopy(tag, 0, out, HEADER + body.length, TAG_BYTES);
        return out;
    }

    /** Client side: the sealed body if tag and replica id are right and the counter is new, else null. */
    byte[] open(int expectedReplica, byte[] frame) {
        if (frame.length < HEADER + TAG_BYTES || !isSealed(frame)) {
            return null;
        }
        int bodyEnd = frame.length - TAG_BYTES;
        byte[] expected = tag(frame, bodyEnd);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(frame, bodyEnd, frame.length))) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(frame, 4, 12);
        long counter = b.getLong();
        int replica = b.getInt();
        if (replica != expectedReplica || !seen.accept(0, counter)) {
            return null;
        }
        return Arrays.copyOfRange(frame, HEADER, bodyEnd);
    }

    private byte[] tag(byte[] data, int len) {
        Mac mac = MACS.get();
        try {
            mac.init(key);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
        mac.update(data, 0, len);
        return mac.doFinal();
    }

    private static boolean startsWith(byte[] frame, byte[] magic) {
        if (frame.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (frame[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
