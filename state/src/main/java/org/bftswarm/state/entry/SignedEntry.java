package org.bftswarm.state.entry;

import java.util.Arrays;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.state.crdt.CanonicalReader;
import org.bftswarm.state.crdt.CanonicalWriter;
import org.bftswarm.state.crdt.MalformedBytesException;

/**
 * One signed CRDT entry: the signer's claim "key := value at timestamp". The signature covers
 * {@link #signingBytes}: a domain tag, the swarm name, the entry kind, signer, key and value, so an
 * entry of one swarm or kind never verifies as another.
 */
public final class SignedEntry {
    public static final int SIGNATURE_LENGTH = 64;
    public static final int MAX_VALUE_BYTES = 16 * 1024;
    private static final int WIRE_FORMAT = 1;
    private static final String DOMAIN = "bftswarm.state.entry.v1";

    private final int signer;
    private final EntryKey key;
    private final long timestamp;
    private final byte[] value;
    private final byte[] signature;

    public SignedEntry(int signer, EntryKey key, long timestamp, byte[] value, byte[] signature) {
        Invariants.check(key != null && value != null && signature != null, "entry fields required");
        Invariants.check(value.length <= MAX_VALUE_BYTES, "value too large: %s", value.length);
        Invariants.check(signature.length == SIGNATURE_LENGTH, "signature length %s", signature.length);
        this.signer = signer;
        this.key = key;
        this.timestamp = timestamp;
        this.value = value.clone();
        this.signature = signature.clone();
    }

    /** Signs an entry for a key that {@code signer} owns. */
    public static SignedEntry sign(
            String swarm, int signer, EntryKey key, long timestamp, byte[] value, SigningKey signingKey) {
        Invariants.check(key.owner() == signer, "node %s may not sign key of owner %s", signer, key.owner());
        byte[] sig = signingKey.sign(signingBytes(swarm, signer, key, timestamp, value));
        return new SignedEntry(signer, key, timestamp, value, sig);
    }

    public static byte[] signingBytes(String swarm, int signer, EntryKey key, long timestamp, byte[] value) {
        return new CanonicalWriter()
                .writeString(DOMAIN)
                .writeString(swarm)
                .writeByte(key.kind().code())
                .writeInt(signer)
                .writeInt(key.owner())
                .writeString(key.name())
                .writeLong(timestamp)
                .writeBytes(value)
                .toByteArray();
    }

    public byte[] signingBytes(String swarm) {
        return signingBytes(swarm, signer, key, timestamp, value);
    }

    public byte[] encode() {
        return new CanonicalWriter()
                .writeByte(WIRE_FORMAT)
                .writeInt(signer)
                .writeInt(key.owner())
                .writeByte(key.kind().code())
                .writeString(key.name())
                .writeLong(timestamp)
                .writeBytes(value)
                .writeBytes(signature)
                .toByteArray();
    }

    /** Parses wire bytes; structure only, the signature is checked by {@link EntryVerifier}. */
    public static SignedEntry decode(byte[] bytes) throws MalformedBytesException {
        CanonicalReader r = new CanonicalReader(bytes);
        int format = r.readByte("format");
        if (format != WIRE_FORMAT) {
            throw new MalformedBytesException("unknown entry format " + format);
        }
        int signer = r.readInt("signer");
        int owner = r.readInt("owner");
        int kindCode = r.readByte("kind");
        String name = r.readString("name", EntryKey.MAX_NAME_LENGTH * 4);
        long timestamp = r.readLong("timestamp");
        byte[] value = r.readBytes("value", MAX_VALUE_BYTES);
        byte[] signature = r.readBytes("signature", SIGNATURE_LENGTH);
        r.expectEnd("entry");
        EntryKind kind = EntryKind.fromCode(kindCode)
                .orElseThrow(() -> new MalformedBytesException("unknown entry kind " + kindCode));
        if (owner < 0 || signer < 0) {
            throw new MalformedBytesException("negative principal id");
        }
        if (!EntryKey.isValidName(name)) {
            throw new MalformedBytesException("invalid entry name");
        }
        if (signature.length != SIGNATURE_LENGTH) {
            throw new MalformedBytesException("signature length " + signature.length);
        }
        return new SignedEntry(signer, new EntryKey(owner, kind, name), timestamp, value, signature);
    }

    /** Signer id as readable from possibly malformed bytes (bytes 1..4), or -1 if absent. */
    public static int claimedSigner(byte[] bytes) {
        if (bytes == null || bytes.length < 5 || bytes[0] != WIRE_FORMAT) {
            return -1;
        }
        int v = ((bytes[1] & 0xFF) << 24) | ((bytes[2] & 0xFF) << 16) | ((bytes[3] & 0xFF) << 8) | (bytes[4] & 0xFF);
        return v < 0 ? -1 : v;
    }

    public int signer() {
        return signer;
    }

    public EntryKey key() {
        return key;
    }

    public long timestamp() {
        return timestamp;
    }

    public byte[] value() {
        return value.clone();
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** Same as {@link #value()} without the copy, for comparisons inside this package. */
    byte[] valueView() {
        return value;
    }

    byte[] signatureView() {
        return signature;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedEntry e
                && signer == e.signer
                && key.equals(e.key)
                && timestamp == e.timestamp
                && Arrays.equals(value, e.value)
                && Arrays.equals(signature, e.signature);
    }

    @Override
    public int hashCode() {
        return (key.hashCode() * 31 + Long.hashCode(timestamp)) * 31 + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedEntry[" + key.asString() + " by " + signer + " @" + timestamp + ", " + value.length + "B]";
    }
}
