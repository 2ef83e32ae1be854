package org.bftswarm.consensus.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bftswarm.consensus.storage.ReplicaLogContractTest.slot;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bftswarm.consensus.core.PersistOp;
import org.bftswarm.consensus.core.PersistedState;
import org.bftswarm.consensus.core.StableCheckpoint;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the journal: torn tails, corruption, compaction, and SIGKILL at any point. */
class JournalReplicaLogTest {
    @TempDir
    Path dir;

    private JournalReplicaLog open(long compactAt) throws IOException {
        return JournalReplicaLog.open(dir.resolve("r.journal"), dir.resolve("r.checkpoint.db"), false, compactAt);
    }

    /** A journal holding slots 1 and 2, written as two group commits. */
    private Path twoGroups() throws IOException {
        try (JournalReplicaLog log = open(Long.MAX_VALUE)) {
            log.apply(List.of(new PersistOp.SaveSlot(1, slot(0, 1))));
            log.apply(List.of(new PersistOp.SaveSlot(2, slot(0, 2))));
        }
        return dir.resolve("r.journal");
    }

    @Test
    void aRecordCutShortAtTheEndIsTruncatedAndEverythingBeforeItLoads() throws Exception {
        Path journal = twoGroups();
        long intact = Files.size(journal);
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.seek(intact);
            f.writeInt(5_000); // a header promising 5000 bytes, then only a few: a write cut by a kill
            f.writeInt(42);
            f.write(new byte[] {3, 1, 2});
        }
        try (JournalReplicaLog log = open(Long.MAX_VALUE)) {
            assertThat(log.load().slots()).containsOnlyKeys(1L, 2L);
            assertThat(Files.size(journal)).isEqualTo(intact);
            log.apply(List.of(new PersistOp.SaveSlot(3, slot(0, 3))));
        }
        try (JournalReplicaLog log = open(Long.MAX_VALUE)) {
            assertThat(log.load().slots()).containsOnlyKeys(1L, 2L, 3L);
            assertThat(log.load().slots().get(3L)).isEqualTo(slot(0, 3));
        }
    }

    @Test
    void aChecksumMismatchBeforeTheEndRefusesToOpenNamingTheOffset() throws Exception {
        Path journal = twoGroups();
        try (RandomAccessFile f = new RandomAccessFile(journal.toFile(), "rw")) {
            f.seek(20);
            int b = f.read();
            f.seek(20);
            f.write(b ^ 0x40);
        }
        assertThatThrownBy(() -> open(Long.MAX_VALUE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("corrupt durable log")
                .hasMessageContaining("at byte 0")
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void compactionKeepsExactlyTheViewAndTheSlotsAboveTheStableCheckpoint() throws Exception {
        Digest d = Digest.sha256(new byte[] {1});
        long written = 0;
        try (JournalReplicaLog log = open(1)) { // compacts after every group
            for (long seq = 1; seq <= 6; seq++) {
                log.apply(List.of(new PersistOp.SaveSlot(seq, slot(0, seq))));
                written += log.journalBytes();
            }
            log.apply(List.of(
                    new PersistOp.SaveView(4),
                    new PersistOp.SaveStableCheckpoint(new StableCheckpoint(3, d, List.of(), new byte[] {7}))));
            log.apply(List.of(new PersistOp.SaveSlot(7, slot(4, 7))));
            assertThat(log.compactions()).isEqualTo(8);
            assertThat(log.journalBytes()).isLessThan(written);
        }
        try (JournalReplicaLog log = open(1)) {
            PersistedState st = log.load();
            assertThat(st.view()).isEqualTo(4);
            assertThat(st.stable().seq()).isEqualTo(3);
            assertThat(st.stable().snapshot()).containsExactly(7);
            assertThat(st.slots()).containsOnlyKeys(4L, 5L, 6L, 7L);
            for (long seq = 4; seq <= 6; seq++) {
                assertThat(st.slots().get(seq)).isEqualTo(slot(0, seq));
            }
            assertThat(st.slots().get(7L)).isEqualTo(slot(4, 7));
        }
    }

    @Test
    void aWriterKilledWithSigkillLosesNoAcknowledgedGroupEvenWhileCompacting() throws Exception {
        Path journal = dir.resolve("k.journal");
        Path checkpoints = dir.resolve("k.checkpoint.db");
        long first = 1;
        for (int life = 0; life < 2; life++) { // kill, reopen, continue, kill again
            long acknowledged = runAndKill(journal, checkpoints, first, 120);
            try (JournalReplicaLog log = JournalReplicaLog.open(journal, checkpoints, false, 16 * 1024)) {
                PersistedState st = log.load();
                long stable = st.stable() == null ? 0 : st.stable().seq();
                assertThat(st.view())
                        .as("view of the last acknowledged group or later")
                        .isGreaterThanOrEqualTo(acknowledged);
                for (long seq = Math.max(first, stable + 1); seq <= acknowledged; seq++) {
                    assertThat(st.slots())
                            .as("acknowledged slot %s (stable %s)", seq, stable)
                            .containsKey(seq);
                    assertThat(st.slots().get(seq)).isEqualTo(slot(0, seq));
                }
                assertThat(stable).as("a checkpoint was taken").isGreaterThan(first);
                first = st.view() + 1;
            }
        }
    }

    private static long runAndKill(Path journal, Path checkpoints, long first, long rounds) throws Exception {
        return KilledWriter.runUntilThenKill(
                JournalWriterMain.class,
                List.of(journal.toString(), checkpoints.toString(), Long.toString(first)),
                "APPLIED ",
                first + rounds);
    }
}
