package org.bftswarm.consensus.core;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.Invariants;

/**
 * The certified checkpoint digest as a Merkle tree over the snapshot's state-transfer chunks (PBFT
 * TOCS 2002 section 6.2 partitions the state into a tree of digests so that pieces can be fetched
 * and checked one by one): leaf i = H(0x00 || chunk i), inner node = H(0x01 || left || right), a
 * lone last node of a level is promoted unchanged, and the checkpoint digest binds the root to the
 * chunk size and the total length: H(0x02 || domain || chunkBytes || totalLength || root). Because
 * 2f+1 replicas sign that digest, a chunk with its sibling path is verifiable on its own, whoever
 * sent it. The chunk size is therefore a cluster-wide parameter, like the checkpoint interval.
 */
final class SnapshotTree {
    private static final byte[] DOMAIN = "bftswarm/snapshot-tree/v1".getBytes(StandardCharsets.US_ASCII);
    /** A tree over at most 2^31 leaves is never deeper than this. */
    static final int MAX_PROOF = 32;

    /** levels.get(0) = leaves, last = the single root. */
    private final List<byte[][]> levels;

    private final Digest digest;

    private SnapshotTree(int chunkBytes, int totalLength, List<byte[][]> levels) {
        this.levels = levels;
        byte[][] top = levels.get(levels.size() - 1);
        this.digest = bind(chunkBytes, totalLength, top[0]);
    }

    /** Number of chunks of a snapshot of {@code totalLength} bytes (at least one, even when empty). */
    static int chunkCount(int totalLength, int chunkBytes) {
        return Math.max(1, (int) ((totalLength + (long) chunkBytes - 1) / chunkBytes));
    }

    /** Length of chunk {@code index}: all full except possibly the last. */
    static int chunkLength(int index, int totalLength, int chunkBytes) {
        long off = (long) index * chunkBytes;
        return (int) Math.max(0, Math.min(chunkBytes, totalLength - off));
    }

    static SnapshotTree build(byte[] snapshot, int chunkBytes) {
        Invariants.check(chunkBytes >= 1, "chunk size %d", chunkBytes);
        int count = chunkCount(snapshot.length, chunkBytes);
        MessageDigest md = sha256();
        byte[][] leaves = new byte[count][];
        for (int i = 0; i < count; i++) {
            md.update((byte) 0);
            md.update(snapshot, i * chunkBytes, chunkLength(i, snapshot.length, chunkBytes));
            leaves[i] = md.digest();
        }
        List<byte[][]> levels = new ArrayList<>();
        levels.add(leaves);
        byte[][] level = leaves;
        while (level.length > 1) {
            byte[][] up = new byte[(level.length + 1) / 2][];
            for (int i = 0; i < up.length; i++) {
                up[i] = 2 * i + 1 < level.length ? inner(md, level[2 * i], level[2 * i + 1]) : level[2 * i];
            }
            levels.add(up);
            level = up;
        }
        return new SnapshotTree(chunkBytes, snapshot.length, levels);
    }

    /** The checkpoint digest of {@code snapshot} for chunks of {@code chunkBytes}. */
    static Digest digestOf(byte[] snapshot, int chunkBytes) {
        return build(snapshot, chunkBytes).digest();
    }

    Digest digest() {
        return digest;
    }

    int chunkCount() {
        return levels.get(0).length;
    }

    /** Sibling hashes from leaf {@code index} up to the root (lone promoted nodes contribute none). */
    List<Digest> proof(int index) {
        Invariants.check(index >= 0 && index < chunkCount(), "chunk %d of %d", index, chunkCount());
        List<Digest> path = new ArrayList<>();
        int i = index;
        for (int l = 0; l < levels.size() - 1; l++) {
            byte[][] level = levels.get(l);
            int sibling = i ^ 1;
            if (sibling < level.length) {
                path.add(Digest.wrap(level[sibling]));
            }
            i /= 2;
        }
        return path;
    }

    /**
     * True iff {@code data} is chunk {@code index} of the snapshot certified by {@code certified}
     * of {@code totalLength} bytes in chunks of {@code chunkBytes}, with {@code proof} its sibling path.
     * Never throws on hostile input.
     */
    static boolean verify(
            Digest certified, int chunkBytes, int totalLength, int index, byte[] data, List<Digest> proof) {
        if (chunkBytes < 1 || totalLength < 0 || index < 0 || proof.size() > MAX_PROOF) {
            return false;
        }
        int count = chunkCount(totalLength, chunkBytes);
        if (index >= count || data.length != chunkLength(index, totalLength, chunkBytes)) {
            return false;
        }
        MessageDigest md = sha256();
        md.update((byte) 0);
        md.update(data);
        byte[] node = md.digest();
        int i = index;
        int size = count;
        int used = 0;
        while (size > 1) {
            int sibling = i ^ 1;
            if (sibling < size) {
                if (used >= proof.size()) {
                    return false;
                }
                byte[] s = proof.get(used++).bytes();
                node = (i & 1) == 0 ? inner(md, node, s) : inner(md, s, node);
            }
            i /= 2;
            size = (size + 1) / 2;
        }
        return used == proof.size() && bind(chunkBytes, totalLength, node).equals(certified);
    }

    private static byte[] inner(MessageDigest md, byte[] left, byte[] right) {
        md.update((byte) 1);
        md.update(left);
        md.update(right);
        return md.digest();
    }

    private static Digest bind(int chunkBytes, int totalLength, byte[] root) {
        MessageDigest md = sha256();
        md.update((byte) 2);
        md.update(DOMAIN);
        md.update(
                ByteBuffer.allocate(12).putInt(chunkBytes).putLong(totalLength).array());
        md.update(root);
        return Digest.wrap(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
