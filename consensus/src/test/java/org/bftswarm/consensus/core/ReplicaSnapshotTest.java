package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeMap;
import org.bftswarm.consensus.codec.ByteWriter;
import org.bftswarm.consensus.codec.Decoded;
import org.junit.jupiter.api.Test;

class ReplicaSnapshotTest {
    private static ReplicaSnapshot decoded(byte[] bytes) {
        return ((Decoded.Ok<ReplicaSnapshot>) ReplicaSnapshot.decode(bytes)).value();
    }

    @Test
    void theSequenceOfEachClientsLastReplySurvivesTheSnapshot() {
        TreeMap<Integer, ClientTable.Entry> clients = new TreeMap<>();
        clients.put(1000, new ClientTable.Entry(5, new byte[] {1}, 40));
        clients.put(1001, new ClientTable.Entry(9, new byte[] {2, 3}, 41));
        byte[] bytes = new ReplicaSnapshot(77, clients, new byte[] {8}).encode();

        ReplicaSnapshot back = decoded(bytes);

        assertThat(back.clients().get(1000).sequence()).isEqualTo(40);
        assertThat(back.clients().get(1001).sequence()).isEqualTo(41);
        assertThat(back.clients().get(1001).result()).containsExactly(2, 3);
        assertThat(back.encode()).isEqualTo(bytes);
    }

    @Test
    void aSnapshotWrittenWithoutSequencesStillDecodes() {
        ByteWriter w = new ByteWriter(64);
        w.i64(77).i32(1).i32(1000).i64(5).bytes(new byte[] {1}).bytes(new byte[] {8});

        ReplicaSnapshot back = decoded(w.toBytes());

        assertThat(back.clients().get(1000).requestNumber()).isEqualTo(5);
        assertThat(back.clients().get(1000).sequence()).isZero();
        assertThat(back.application()).containsExactly(8);
    }

    @Test
    void aSequenceTrailerForTheWrongNumberOfClientsIsMalformed() {
        ByteWriter w = new ByteWriter(64);
        w.i64(77)
                .i32(1)
                .i32(1000)
                .i64(5)
                .bytes(new byte[] {1})
                .bytes(new byte[] {8})
                .i32(2)
                .i64(1)
                .i64(2);

        assertThat(ReplicaSnapshot.decode(w.toBytes())).isInstanceOf(Decoded.Malformed.class);
    }
}
