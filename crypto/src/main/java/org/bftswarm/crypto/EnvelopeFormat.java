package org.bftswarm.crypto;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the signed-envelope wire format, version 1 (all integers big-endian):
 * <pre>
 *   magic    4 bytes  'B' 'F' 'S' 'E'
 *   version  1 byte   1
 *   swarmLen u8       1..255, then swarmLen bytes of UTF-8 swarm name
 *   type     int32
 *   sender   int32    &gt;= 0
 *   payLen   int32    0..MAX_PAYLOAD, then payLen payload bytes
 *   sig      64 bytes Ed25519 signature (RFC 8032) over the signing bytes
 * </pre>
 * Signing bytes (domain separation): the tag "bftswarm/envelope/v1" followed by the same
 * length-delimited fields swarmLen..payload. Every field is fixed-size or length-prefixed, so
 * distinct (swarm, type, sender, payload) tuples never give equal signing bytes, and the tag keeps
 * envelope signatures apart from anything else a node key might sign.
 */
final class EnvelopeFormat {
    static final byte[] MAGIC = {'B', 'F', 'S', 'E'};
    static final byte VERSION = 1;
    static final byte[] DOMAIN_TAG = "bftswarm/envelope/v1".getBytes(StandardCharsets.US_ASCII);
    static final int MAX_SWARM_BYTES = 255;
    /** Largest payload accepted (64 MiB); larger lengths are malformed whatever the input size. */
    static final int MAX_PAYLOAD = 64 << 20;

    static final int HEADER_LENGTH = MAGIC.length + 1;
    /** Bytes of an encoding besides the swarm name and the payload. */
    static final int FIXED_OVERHEAD = HEADER_LENGTH + 1 + 4 + 4 + 4 + SigningKey.SIGNATURE_LENGTH;

    private EnvelopeFormat() {}

    /** UTF-8 bytes of a swarm name, or IllegalArgumentException if it is empty or too long. */
    static byte[] swarmBytes(String swarm) {
        if (swarm == null || swarm.isEmpty()) {
            throw new IllegalArgumentException("swarm name must be non-empty");
        }
        byte[] bytes = swarm.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_SWARM_BYTES) {
            throw new IllegalArgumentException("swarm name exceeds " + MAX_SWARM_BYTES + " UTF-8 bytes");
        }
        return bytes;
    }

    static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    static int getInt(byte[] in, int at) {
        return ((in[at] & 0xff) << 24) | ((in[at + 1] & 0xff) << 16) | ((in[at + 2] & 0xff) << 8) | (in[at + 3] & 0xff);
    }

    /** Writes swarmLen, swarm, type, sender, payLen, payload at {@code at}; returns the next offset. */
    static int putBody(byte[] out, int at, byte[] swarm, int type, int sender, byte[] payload) {
        int p = at;
        out[p++] = (byte) swarm.length;
        System.arraycopy(swarm, 0, out, p, swarm.length);
        p += swarm.length;
        putInt(out, p, type);
        putInt(out, p + 4, sender);
        putInt(out, p + 8, payload.length);
        p += 12;
        System.arraycopy(payload, 0, out, p, payload.length);
        return p + payload.length;
    }

    static int bodyLength(byte[] swarm, byte[] payload) {
        return 1 + swarm.length + 12 + payload.length;
    }
}
