package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bftswarm.orchestrator.mine.BlockHeader;
import org.bftswarm.orchestrator.mine.MiningTarget;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mining executor's contract, hashing in this JVM and in the child JVM alike. */
class MiningTaskRunnerTest {
    static final long GENESIS_NONCE = 2083236893L;
    static final BlockHeader GENESIS = BlockHeader.of(
            1,
            "0".repeat(64),
            "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b",
            1231006505L,
            0x1d00ffff,
            0);

    @TempDir
    Path dir;

    static TaskLaunch launch(String taskId, MineWork work) {
        return new TaskLaunch(
                "s",
                0,
                taskId,
                1,
                null,
                List.of(),
                Map.of(),
                0.25,
                64,
                60,
                null,
                null,
                null,
                Confinement.DEFAULT,
                work);
    }

    @ParameterizedTest(name = "child JVM {0}")
    @ValueSource(booleans = {false, true})
    void aUnitHoldingTheGenesisNonceReportsItOnEveryThreadCount(boolean childJvm) throws Exception {
        for (int threads : new int[] {1, 3}) {
            try (MiningTaskRunner runner = new MiningTaskRunner(TaskLogStore.inDataDir(dir), threads, childJvm)) {
                RecordingObserver o = new RecordingObserver();
                MineWork work = new MineWork(
                        GENESIS, MiningTarget.fromBits(0x1d00ffff), GENESIS_NONCE - 20_000, GENESIS_NONCE + 20_000);
                assertThat(runner.launch(launch("j." + threads, work), o)).isTrue();
                assertThat(o.awaitStarted()).startsWith("mine-");
                TaskOutcome out = o.awaitFinished();
                assertThat(out.succeeded()).isTrue();
                assertThat(out.outputText()).isEqualTo("found nonce=" + GENESIS_NONCE);
                assertThat(out.detail())
                        .contains("hashes=")
                        .contains("threads=" + threads)
                        .contains(childJvm ? "jvm=child" : "jvm=node");
                assertThat(runner.stats().hashes()).isPositive();
            }
        }
    }

    @ParameterizedTest(name = "child JVM {0}")
    @ValueSource(booleans = {false, true})
    void aUnitWithoutASolutionReportsNoneAfterHashingEveryNonce(boolean childJvm) throws Exception {
        try (MiningTaskRunner runner = new MiningTaskRunner(TaskLogStore.inDataDir(dir), 2, childJvm)) {
            RecordingObserver o = new RecordingObserver();
            runner.launch(launch("j.0", new MineWork(GENESIS, MiningTarget.fromBits(0x1d00ffff), 0, 49_999)), o);
            TaskOutcome out = o.awaitFinished();
            assertThat(out.outputText()).isEqualTo("none");
            assertThat(runner.stats().hashes()).isEqualTo(50_000);
            assertThat(runner.stats().lastHashesPerSecond()).isPositive();
        }
    }

    @ParameterizedTest(name = "child JVM {0}")
    @ValueSource(booleans = {false, true})
    void aKilledUnitStopsHashingWithinAHundredMilliseconds(boolean childJvm) throws Exception {
        try (MiningTaskRunner runner = new MiningTaskRunner(TaskLogStore.inDataDir(dir), 2, childJvm)) {
            RecordingObserver o = new RecordingObserver();
            MineWork endless = new MineWork(GENESIS, MiningTarget.leadingZeros(64), 0, BlockHeader.MAX_U32);
            runner.launch(launch("j.0", endless), o);
            o.awaitStarted();
            Thread.sleep(200);
            long t0 = System.nanoTime();
            assertThat(runner.kill("j.0")).isEqualTo(1);
            TaskOutcome out = o.awaitFinished();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(out.reason()).isEqualTo(FailureReason.KILLED);
            assertThat(ms).isLessThan(100);
        }
    }

    @ParameterizedTest(name = "child JVM {0}")
    @ValueSource(booleans = {false, true})
    void aUnitKilledWhileQueuedNeverStarts(boolean childJvm) throws Exception {
        try (MiningTaskRunner runner = new MiningTaskRunner(TaskLogStore.inDataDir(dir), 1, childJvm)) {
            RecordingObserver first = new RecordingObserver();
            RecordingObserver second = new RecordingObserver();
            MineWork endless = new MineWork(GENESIS, MiningTarget.leadingZeros(64), 0, BlockHeader.MAX_U32);
            runner.launch(launch("j.0", endless), first);
            runner.launch(launch("j.1", endless), second);
            first.awaitStarted();
            runner.kill("j.1");
            assertThat(second.awaitFinished().reason()).isEqualTo(FailureReason.KILLED);
            runner.kill("j.0");
            assertThat(first.awaitFinished().reason()).isEqualTo(FailureReason.KILLED);
        }
    }
}
