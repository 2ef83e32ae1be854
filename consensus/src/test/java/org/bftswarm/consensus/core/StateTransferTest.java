package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.bftswarm.consensus.codec.Message.StateChunk;
import org.junit.jupiter.api.Test;

/** The fetching side of state transfer, driven directly: pipelining, per-chunk verification, sources. */
class StateTransferTest {
    private static final int CHUNK = 16;
    private static final int SELF = 3;
    private static final int N = 4;
    private static final long PATIENCE = 100;

    private final byte[] snapshot = new byte[1000];
    private final SnapshotTree tree;

    StateTransferTest() {
        new Random(42).nextBytes(snapshot);
        tree = SnapshotTree.build(snapshot, CHUNK);
    }

    private StateTransfer transfer() {
        return new StateTransfer(8, tree.digest(), List.of(), SELF, N, CHUNK, 1 << 20, 0, true);
    }

    private StateChunk chunk(int i) {
        int off = i * CHUNK;
        byte[] data = Arrays.copyOfRange(snapshot, off, Math.min(snapshot.length, off + CHUNK));
        return new StateChunk(8, i, tree.chunkCount(), snapshot.length, data, tree.proof(i));
    }

    private StateChunk bogus(int i) {
        StateChunk good = chunk(i);
        byte[] junk = good.data().clone();
        junk[0] ^= 0x55;
        return new StateChunk(8, i, good.totalChunks(), good.totalLength(), junk, good.proof());
    }

    @Test
    void afterTheFirstChunkAWindowOfRequestsIsSpreadOverAllOtherReplicas() {
        StateTransfer t = transfer();
        List<StateTransfer.Ask> first = t.requests(0, PATIENCE);
        assertThat(first).extracting(StateTransfer.Ask::chunk).containsExactly(0);
        assertThat(t.accept(first.get(0).source(), chunk(0), 1)).isEqualTo(StateTransfer.Result.PROGRESS);
        List<StateTransfer.Ask> window = t.requests(1, PATIENCE);
        assertThat(window).hasSize(StateTransfer.WINDOW);
        assertThat(window).extracting(StateTransfer.Ask::source).containsOnly(0, 1, 2);
        assertThat(window)
                .extracting(StateTransfer.Ask::chunk)
                .doesNotHaveDuplicates()
                .doesNotContain(0);
    }

    @Test
    void chunksFromAnySourceAreKeptAndABogusChunkBansOnlyItsSender() {
        StateTransfer t = transfer();
        t.requests(0, PATIENCE);
        t.accept(1, chunk(0), 1);
        t.requests(1, PATIENCE);
        assertThat(t.accept(0, bogus(5), 2)).isEqualTo(StateTransfer.Result.BAD);
        assertThat(t.accept(0, chunk(6), 2)).as("a banned source is ignored").isEqualTo(StateTransfer.Result.IGNORED);
        assertThat(t.received()).isEqualTo(1);
        StateTransfer.Result last = null;
        long now = 3;
        while (last != StateTransfer.Result.COMPLETE) {
            List<StateTransfer.Ask> asks = t.requests(now, PATIENCE);
            assertThat(asks).extracting(StateTransfer.Ask::source).doesNotContain(0, SELF);
            for (StateTransfer.Ask a : asks) {
                last = t.accept(a.source(), chunk(a.chunk()), now);
            }
            now++;
        }
        assertThat(t.snapshot()).isEqualTo(snapshot);
    }

    @Test
    void aRequestUnansweredForThePatienceIsAskedOfAnotherSourceWithoutLosingVerifiedChunks() {
        StateTransfer t = transfer();
        StateTransfer.Ask a0 = t.requests(0, PATIENCE).get(0);
        t.accept(a0.source(), chunk(0), 1);
        List<StateTransfer.Ask> window = t.requests(1, PATIENCE);
        StateTransfer.Ask answered = window.get(0);
        t.accept(answered.source(), chunk(answered.chunk()), 2);
        assertThat(t.requests(50, PATIENCE)).as("nothing expired yet").hasSize(1);
        List<StateTransfer.Ask> again = t.requests(200, PATIENCE);
        assertThat(again).extracting(StateTransfer.Ask::chunk).doesNotContain(0, answered.chunk());
        for (StateTransfer.Ask a : again) {
            StateTransfer.Ask before = window.stream()
                    .filter(w -> w.chunk() == a.chunk())
                    .findFirst()
                    .orElse(null);
            if (before != null) {
                assertThat(a.source())
                        .as("chunk %d re-asked elsewhere", a.chunk())
                        .isNotEqualTo(before.source());
            }
        }
        assertThat(t.received()).isEqualTo(2);
        assertThat(t.patience(PATIENCE)).isEqualTo(2 * PATIENCE);
    }

    @Test
    void aChunkForAnotherCheckpointOrWithALyingLengthIsNotKept() {
        StateTransfer t = transfer();
        StateChunk c = chunk(0);
        assertThat(t.accept(1, new StateChunk(12, 0, c.totalChunks(), c.totalLength(), c.data(), c.proof()), 1))
                .isEqualTo(StateTransfer.Result.IGNORED);
        assertThat(t.accept(1, new StateChunk(8, 0, 1, 1 << 19, c.data(), c.proof()), 1))
                .isEqualTo(StateTransfer.Result.BAD);
        assertThat(t.received()).isZero();
    }
}
