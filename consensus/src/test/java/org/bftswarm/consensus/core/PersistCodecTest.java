package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Decoded;
import org.bftswarm.consensus.codec.Message.Checkpoint;
import org.bftswarm.consensus.codec.Message.Commit;
import org.bftswarm.consensus.codec.Message.PrePrepare;
import org.bftswarm.consensus.codec.Message.Prepare;
import org.bftswarm.consensus.codec.Message.PreparedCert;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;

class PersistCodecTest {
    private final Signed pp = Signed.sign("u", TestCluster.key(0), 0, new PrePrepare(1, 2, Batch.of(3, List.of())));
    private final Digest d = ((PrePrepare) pp.body()).digest();
    private final Signed p1 = Signed.sign("u", TestCluster.key(1), 1, new Prepare(1, 2, d));
    private final Signed p2 = Signed.sign("u", TestCluster.key(2), 2, new Prepare(1, 2, d));
    private final Signed c1 = Signed.sign("u", TestCluster.key(1), 1, new Commit(1, 2, d));

    @Test
    void slotRecordsRoundTripWithAndWithoutOptionalParts() {
        for (SlotRecord r : List.of(
                new SlotRecord(1, pp, p1, c1, new PreparedCert(pp, List.of(p1, p2))),
                new SlotRecord(4, null, null, null, null),
                new SlotRecord(2, pp, p1, null, null))) {
            Decoded<SlotRecord> back = PersistCodec.decodeSlot(PersistCodec.encodeSlot(r));
            SlotRecord s = ((Decoded.Ok<SlotRecord>) back).value();
            assertThat(PersistCodec.encodeSlot(s)).isEqualTo(PersistCodec.encodeSlot(r));
            assertThat(s.view()).isEqualTo(r.view());
        }
    }

    @Test
    void stableCheckpointsRoundTrip() {
        Signed cp = Signed.sign("u", TestCluster.key(1), 1, new Checkpoint(8, d));
        StableCheckpoint c = new StableCheckpoint(8, d, List.of(cp, cp), new byte[] {1, 2, 3});
        StableCheckpoint back = ((Decoded.Ok<StableCheckpoint>)
                        PersistCodec.decodeCheckpoint(PersistCodec.encodeCheckpoint(c)))
                .value();
        assertThat(back.seq()).isEqualTo(8);
        assertThat(back.digest()).isEqualTo(d);
        assertThat(back.proof()).containsExactly(cp, cp);
        assertThat(back.snapshot()).containsExactly(1, 2, 3);
    }

    @Test
    void garbageIsMalformedNotAnException() {
        assertThat(PersistCodec.decodeSlot(new byte[] {0, 0, 1})).isInstanceOf(Decoded.Malformed.class);
        assertThat(PersistCodec.decodeCheckpoint(new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9}))
                .isInstanceOf(Decoded.Malformed.class);
    }
}
