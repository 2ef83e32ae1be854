package org.bftswarm.consensus.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MapDbStoreTest {
    @TempDir
    Path dir;

    @Test
    void committedWritesSurviveReopenAndUncommittedOnesDoNot() throws Exception {
        Path f = dir.resolve("store.db");
        try (MapDbStore s = MapDbStore.open(f, false)) {
            s.put("prepare", 1, new byte[] {1});
            s.put("prepare", 2, new byte[] {2});
            s.putMeta("view", new byte[] {3});
            s.commit();
            s.put("prepare", 3, new byte[] {9});
            s.rollback();
            assertThat(s.get("prepare", 3)).isNull();
        }
        try (MapDbStore s = MapDbStore.open(f, false)) {
            assertThat(s.scan("prepare").keySet()).containsExactly(1L, 2L);
            assertThat(s.getMeta("view")).containsExactly(3);
        }
    }

    @Test
    void removeBelowGarbageCollectsOnlyOlderKeys() throws Exception {
        try (MapDbStore s = MapDbStore.open(dir.resolve("gc.db"), true)) {
            for (long k = 0; k < 10; k++) {
                s.put("log", k, new byte[] {(byte) k});
            }
            assertThat(s.removeBelow("log", 6)).isEqualTo(6);
            s.commit();
            assertThat(s.scan("log").keySet()).containsExactly(6L, 7L, 8L, 9L);
        }
    }

    @Test
    void commitIsANoOpWhenNothingWasStaged() throws Exception {
        try (MapDbStore s = MapDbStore.open(dir.resolve("noop.db"), false)) {
            s.commit();
            assertThat(s.commits()).isZero();
            s.put("t", 1, new byte[0]);
            assertThat(s.hasUncommittedWrites()).isTrue();
            s.commit();
            assertThat(s.commits()).isEqualTo(1);
            assertThat(s.hasUncommittedWrites()).isFalse();
        }
    }

    @ParameterizedTest(name = "mmap={0} fsync={1}")
    @CsvSource({"false,true", "true,false"})
    void aWriterKilledWithSigkillReopensAtItsLastCommit(boolean mmap, boolean fsync) throws Exception {
        Path f = dir.resolve("killed-" + mmap + "-" + fsync + ".db");
        long lastAcknowledged = KilledWriter.runUntilThenKill(
                StoreWriterMain.class,
                List.of(f.toString(), Boolean.toString(mmap), Boolean.toString(fsync)),
                "COMMITTED ",
                100);
        try (MapDbStore s = MapDbStore.open(f, mmap, fsync)) {
            long last = ByteBuffer.wrap(s.getMeta("last")).getLong();
            assertThat(last).as("every acknowledged commit survived").isGreaterThanOrEqualTo(lastAcknowledged);
            NavigableMap<Long, byte[]> log = s.scan("log");
            assertThat(log.lastKey()).as("no uncommitted record survived").isEqualTo(last);
            assertThat(log.size()).as("no committed record lost").isEqualTo((int) (last + 1));
        }
    }
}
