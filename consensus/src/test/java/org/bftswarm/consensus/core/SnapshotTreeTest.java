package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;

class SnapshotTreeTest {

    private static byte[] chunk(byte[] snap, int i, int chunkBytes) {
        int len = SnapshotTree.chunkLength(i, snap.length, chunkBytes);
        byte[] out = new byte[len];
        System.arraycopy(snap, i * chunkBytes, out, 0, len);
        return out;
    }

    @Property(tries = 200)
    void everyChunkVerifiesOnItsOwnWithItsPathAgainstTheDigest(
            @ForAll @Size(max = 700) byte[] snap, @ForAll @IntRange(min = 1, max = 64) int chunkBytes) {
        SnapshotTree tree = SnapshotTree.build(snap, chunkBytes);
        assertThat(tree.chunkCount()).isEqualTo(SnapshotTree.chunkCount(snap.length, chunkBytes));
        for (int i = 0; i < tree.chunkCount(); i++) {
            assertThat(SnapshotTree.verify(
                            tree.digest(), chunkBytes, snap.length, i, chunk(snap, i, chunkBytes), tree.proof(i)))
                    .as("chunk %d", i)
                    .isTrue();
        }
    }

    @Property(tries = 200)
    void aChangedByteAWrongIndexOrAWrongLengthNeverVerifies(
            @ForAll @Size(min = 1, max = 500) byte[] snap,
            @ForAll @IntRange(min = 1, max = 40) int chunkBytes,
            @ForAll @IntRange(min = 0, max = 10_000) int pick) {
        SnapshotTree tree = SnapshotTree.build(snap, chunkBytes);
        int i = pick % tree.chunkCount();
        byte[] data = chunk(snap, i, chunkBytes);
        Digest d = tree.digest();
        byte[] flipped = data.clone();
        flipped[pick % flipped.length] ^= 1;
        assertThat(SnapshotTree.verify(d, chunkBytes, snap.length, i, flipped, tree.proof(i)))
                .isFalse();
        int other = (i + 1) % tree.chunkCount();
        // a chunk equal to the one at the wrong index is the right data there: only different data must fail
        if (tree.chunkCount() > 1 && !Arrays.equals(chunk(snap, other, chunkBytes), data)) {
            assertThat(SnapshotTree.verify(d, chunkBytes, snap.length, other, data, tree.proof(i)))
                    .isFalse();
        }
        assertThat(SnapshotTree.verify(d, chunkBytes, snap.length + 1, i, data, tree.proof(i)))
                .isFalse();
        assertThat(SnapshotTree.verify(d, chunkBytes + 1, snap.length, i, data, tree.proof(i)))
                .isFalse();
    }

    @Test
    void theDigestBindsTheChunkSizeAndTheLength() {
        byte[] snap = new byte[100];
        assertThat(SnapshotTree.digestOf(snap, 10)).isNotEqualTo(SnapshotTree.digestOf(snap, 20));
        assertThat(SnapshotTree.digestOf(snap, 10)).isNotEqualTo(SnapshotTree.digestOf(new byte[101], 10));
        assertThat(SnapshotTree.digestOf(snap, 10)).isEqualTo(SnapshotTree.digestOf(new byte[100], 10));
    }

    @Test
    void hostilePathsAndIndicesAreRejectedWithoutThrowing() {
        byte[] snap = new byte[1000];
        SnapshotTree tree = SnapshotTree.build(snap, 10);
        List<Digest> path = tree.proof(3);
        List<Digest> longer = new ArrayList<>(path);
        longer.add(Digest.ZERO);
        byte[] data = chunk(snap, 3, 10);
        assertThat(SnapshotTree.verify(tree.digest(), 10, 1000, 3, data, longer))
                .isFalse();
        assertThat(SnapshotTree.verify(tree.digest(), 10, 1000, 3, data, path.subList(1, path.size())))
                .isFalse();
        assertThat(SnapshotTree.verify(tree.digest(), 10, 1000, -1, data, path)).isFalse();
        assertThat(SnapshotTree.verify(tree.digest(), 10, 1000, Integer.MAX_VALUE, data, path))
                .isFalse();
        assertThat(SnapshotTree.verify(tree.digest(), 10, -5, 3, data, path)).isFalse();
        assertThat(SnapshotTree.verify(tree.digest(), 0, 1000, 3, data, path)).isFalse();
        assertThat(SnapshotTree.verify(tree.digest(), 10, Integer.MAX_VALUE, 3, data, path))
                .isFalse();
    }
}
