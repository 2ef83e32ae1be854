package org.bftswarm.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strict decoder of the {@link EnvelopeFormat} wire layout. It accepts only canonical encodings
 * (exact length, no trailing bytes, shortest-form UTF-8), never throws on hostile bytes, and never
 * allocates more than the input length: every length field is checked against the bytes actually
 * present before anything is copied. It does not check the signature; {@link EnvelopeVerifier} does.
 */
public final class EnvelopeDecoder {
    private EnvelopeDecoder() {}

    /** Either a decoded envelope or the reason the bytes are malformed. */
    public record Result(SignedEnvelope envelope, String error) {
        static Result ok(SignedEnvelope envelope) {
            return new Result(envelope, null);
        }

        static Result malformed(String error) {
            return new Result(null, error);
        }

        public boolean isOk() {
            return envelope != null;
        }
    }

    /** Decodes {@code encoded}; never throws. */
    public static Result decode(byte[] encoded) {
        try {
            return decodeUnchecked(encoded);
        } catch (RuntimeException e) {
            // Defence in depth: every path above is bounds-checked; this only guards against bugs.
            return Result.malformed("decoder error: " + e.getClass().getSimpleName());
        }
    }

    private static Result decodeUnchecked(byte[] in) {
        if (in == null) {
            return Result.malformed("null input");
        }
        int n = in.length;
        if (n < EnvelopeFormat.FIXED_OVERHEAD + 1) {
            return Result.malformed("too short: " + n + " bytes");
        }
        if (!Arrays.equals(in, 0, EnvelopeFormat.MAGIC.length, EnvelopeFormat.MAGIC, 0, EnvelopeFormat.MAGIC.length)) {
            return Result.malformed("bad magic");
        }
        int version = in[EnvelopeFormat.MAGIC.length] & 0xff;
        if (version != EnvelopeFormat.VERSION) {
            return Result.malformed("unsupported version " + version);
        }
        int p = EnvelopeFormat.HEADER_LENGTH;
        int swarmLen = in[p++] & 0xff;
        if (swarmLen == 0) {
            return Result.malformed("empty swarm name");
        }
        // after the swarm name: type, sender, payLen (12) and the signature (64) at least
        if ((long) p + swarmLen + 12 + SigningKey.SIGNATURE_LENGTH > n) {
            return Result.malformed("truncated: swarm name of " + swarmLen + " bytes does not fit");
        }
        String swarm = strictUtf8(in, p, swarmLen);
        if (swarm == null) {
            return Result.malformed("swarm name is not canonical UTF-8");
        }
        p += swarmLen;
        int type = EnvelopeFormat.getInt(in, p);
        int sender = EnvelopeFormat.getInt(in, p + 4);
        int payLen = EnvelopeFormat.getInt(in, p + 8);
        p += 12;
        if (sender < 0) {
            return Result.malformed("negative sender " + sender);
        }
        if (payLen < 0) {
            return Result.malformed("negative payload length " + payLen);
        }
        if (payLen > EnvelopeFormat.MAX_PAYLOAD) {
            return Result.malformed("payload length " + payLen + " exceeds " + EnvelopeFormat.MAX_PAYLOAD);
        }
        long expected = (long) p + payLen + SigningKey.SIGNATURE_LENGTH;
        if (expected > n) {
            return Result.malformed("truncated: payload length " + payLen + " needs " + expected + " bytes, got " + n);
        }
        if (expected < n) {
            return Result.malformed((n - expected) + " trailing bytes");
        }
        byte[] payload = Arrays.copyOfRange(in, p, p + payLen);
        byte[] signature = Arrays.copyOfRange(in, p + payLen, n);
        return Result.ok(new SignedEnvelope(swarm, type, sender, payload, signature));
    }

    /** The string if {@code in[off, off+len)} is valid UTF-8 that re-encodes to the same bytes, else null. */
    private static String strictUtf8(byte[] in, int off, int len) {
        try {
            String s = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(in, off, len))
                    .toString();
            byte[] again = s.getBytes(StandardCharsets.UTF_8);
            return Arrays.equals(again, 0, again.length, in, off, off + len) ? s : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
