package org.bftswarm.consensus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.bftswarm.consensus.codec.Batch;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.core.PersistOp;
import org.bftswarm.consensus.core.PersistedState;
import org.bftswarm.consensus.core.SlotRecord;
import org.bftswarm.consensus.core.StableCheckpoint;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SigningKey;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The durable-log contract of CORE-API, proven for every {@link ReplicaLogKind}. */
class ReplicaLogContractTest {
    static final String SWARM = "alpha";

    @TempDir
    Path dir;

    static SigningKey key(int id) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) (id + 1));
        return SigningKey.fromSeed(seed);
    }

    static SlotRecord slot(long view, long seq) {
        Signed request = Signed.sign(SWARM, key(1000), 1000, new Message.Request(1000, seq, new byte[] {7}));
        Signed pp = Signed.sign(SWARM, key(0), 0, new Message.PrePrepare(view, seq, Batch.of(1234, List.of(request))));
        Digest d = ((Message.PrePrepare) pp.body()).digest();
        Signed prepare = Signed.sign(SWARM, key(1), 1, new Message.Prepare(view, seq, d));
        Signed other = Signed.sign(SWARM, key(2), 2, new Message.Prepare(view, seq, d));
        Signed commit = Signed.sign(SWARM, key(1), 1, new Message.Commit(view, seq, d));
        return new SlotRecord(view, pp, prepare, commit, new Message.PreparedCert(pp, List.of(prepare, other)));
    }

    @ParameterizedTest
    @EnumSource(ReplicaLogKind.class)
    void whatWasAppliedIsWhatIsLoadedAfterReopen(ReplicaLogKind kind) throws Exception {
        Path f = dir.resolve("log");
        SlotRecord s1 = slot(0, 1);
        SlotRecord s2 = new SlotRecord(0, slot(0, 2).prePrepare(), null, null, null);
        try (ReplicaLog log = kind.open(f, true, false)) {
            log.apply(List.of(new PersistOp.SaveView(3), new PersistOp.SaveSlot(1, s1), new PersistOp.SaveSlot(2, s2)));
            assertThat(log.commits()).isEqualTo(1);
        }
        try (ReplicaLog log = kind.open(f, true, false)) {
            PersistedState st = log.load();
            assertThat(st.view()).isEqualTo(3);
            assertThat(st.stable()).isNull();
            assertThat(st.slots()).containsOnlyKeys(1L, 2L);
            assertThat(st.slots().get(1L)).isEqualTo(s1);
            assertThat(st.slots().get(2L)).isEqualTo(s2);
        }
    }

    @ParameterizedTest
    @EnumSource(ReplicaLogKind.class)
    void aStableCheckpointGarbageCollectsSlotsAtOrBelowIt(ReplicaLogKind kind) throws Exception {
        Path f = dir.resolve("gc");
        Signed cpMsg = Signed.sign(SWARM, key(0), 0, new Message.Checkpoint(2, Digest.sha256(new byte[] {1})));
        StableCheckpoint cp =
                new StableCheckpoint(2, Digest.sha256(new byte[] {1}), List.of(cpMsg), new byte[] {1, 2, 3});
        try (ReplicaLog log = kind.open(f, false, false)) {
            log.apply(List.of(
                    new PersistOp.SaveSlot(1, slot(0, 1)),
                    new PersistOp.SaveSlot(2, slot(0, 2)),
                    new PersistOp.SaveSlot(3, slot(0, 3))));
            log.apply(List.of(new PersistOp.SaveStableCheckpoint(cp)));
            // a late write for a collected slot is ignored
            log.apply(List.of(new PersistOp.SaveSlot(2, slot(0, 2))));
        }
        try (ReplicaLog log = kind.open(f, false, false)) {
            PersistedState st = log.load();
            assertThat(st.slots()).containsOnlyKeys(3L);
            assertThat(st.stable().seq()).isEqualTo(2);
            assertThat(st.stable().digest()).isEqualTo(cp.digest());
            assertThat(st.stable().proof()).containsExactly(cpMsg);
            assertThat(st.stable().snapshot()).containsExactly(1, 2, 3);
        }
    }

    @ParameterizedTest
    @EnumSource(ReplicaLogKind.class)
    void anOlderStableCheckpointNeverReplacesANewerOne(ReplicaLogKind kind) throws Exception {
        Digest d = Digest.sha256(new byte[] {9});
        try (ReplicaLog log = kind.open(dir.resolve("old"), false, false)) {
            log.apply(List.of(
                    new PersistOp.SaveStableCheckpoint(new StableCheckpoint(64, d, List.of(), new byte[] {6}))));
            log.apply(List.of(
                    new PersistOp.SaveStableCheckpoint(new StableCheckpoint(32, d, List.of(), new byte[] {3}))));
            assertThat(log.load().stable().seq()).isEqualTo(64);
        }
    }

    @ParameterizedTest
    @EnumSource(ReplicaLogKind.class)
    void rewritesOfASlotAcrossStepsAndViewsLoadAsTheLastWrite(ReplicaLogKind kind) throws Exception {
        Path f = dir.resolve("rewrite");
        SlotRecord full = slot(0, 5);
        SlotRecord accepted = new SlotRecord(0, full.prePrepare(), full.myPrepare(), null, null);
        SlotRecord nextView = slot(1, 5); // a new view re-proposes seq 5 with another pre-prepare
        SlotRecord carried = new SlotRecord(1, nextView.prePrepare(), null, null, full.prepared()); // cert of view 0
        try (ReplicaLog log = kind.open(f, false, false)) {
            log.apply(List.of(new PersistOp.SaveSlot(5, accepted)));
            log.apply(List.of(new PersistOp.SaveSlot(5, full)));
            assertThat(log.load().slots().get(5L)).isEqualTo(full);
            log.apply(List.of(new PersistOp.SaveSlot(5, nextView), new PersistOp.SaveSlot(5, carried)));
        }
        try (ReplicaLog log = kind.open(f, false, false)) {
            assertThat(log.load().slots().get(5L)).isEqualTo(carried);
        }
    }

    @ParameterizedTest
    @EnumSource(ReplicaLogKind.class)
    void ownCheckpointsAboveTheStableOneSurviveReopenAndAreCollectedWithIt(ReplicaLogKind kind) throws Exception {
        Path f = dir.resolve("own");
        Digest d = Digest.sha256(new byte[] {4});
        try (ReplicaLog log = kind.open(f, false, false)) {
            log.apply(List.of(
                    new PersistOp.SaveOwnCheckpoint(4, new byte[] {4, 4}),
                    new PersistOp.SaveOwnCheckpoint(8, new byte[] {8, 8})));
        }
        try (ReplicaLog log = kind.open(f, false, false)) {
            assertThat(log.load().ownCheckpoints()).containsOnlyKeys(4L, 8L);
            assertThat(log.load().ownCheckpoints().get(8L)).containsExactly(8, 8);
            log.apply(
                    List.of(new PersistOp.SaveStableCheckpoint(new StableCheckpoint(4, d, List.of(), new byte[] {4}))));
            // a late write at or below the stable checkpoint is ignored
            log.apply(List.of(new PersistOp.SaveOwnCheckpoint(4, new byte[] {4, 4})));
        }
        try (ReplicaLog log = kind.open(f, false, false)) {
            assertThat(log.load().ownCheckpoints()).containsOnlyKeys(8L);
        }
    }
}
