package org.bftswarm.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.worker.agent.ScriptedTaskExecutor.launchOf;

import java.nio.charset.StandardCharsets;
import org.bftswarm.crypto.Digest;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.TaskOutcome;
import org.junit.jupiter.api.Test;

class FakeResultsExecutorTest {
    private final ScriptedTaskExecutor inner = new ScriptedTaskExecutor();
    private final FakeResultsExecutor liar = new FakeResultsExecutor(inner, 2);
    private final AttemptKey key = new AttemptKey("t-1", 0);

    @Test
    void attemptIsReportedExitZeroWithInventedOutputWithoutTheInnerExecutorEverLaunchingIt() throws Exception {
        ObserverLog loop = new ObserverLog();
        assertThat(liar.launch(launchOf("t-1", 0), loop)).isTrue();
        TaskOutcome reported = loop.awaitFinished();

        assertThat(inner.launches).isEmpty();
        assertThat(loop.starts).hasSize(1);
        assertThat(reported.succeeded()).isTrue();
        assertThat(reported.exitCode()).isZero();
        assertThat(reported.outputText()).isEqualTo(FakeResultsExecutor.inventedOutput(key, 2));
        assertThat(reported.outputDigest()).isEqualTo(Digest.sha256(reported.output()));
        assertThat(reported.outputBytes()).isEqualTo(reported.output().length);
        liar.close();
    }

    @Test
    void theInventedOutputIsWhatTheNodeServesAsTheTasksLog() throws Exception {
        ObserverLog loop = new ObserverLog();
        liar.launch(launchOf("t-1", 0), loop);
        loop.awaitFinished();
        assertThat(new String(liar.logs("t-1").orElseThrow(), StandardCharsets.UTF_8))
                .isEqualTo(FakeResultsExecutor.inventedOutput(key, 2));
        liar.close();
    }

    @Test
    void aSecondLaunchOfTheSameAttemptIsRefusedAndReportsNothingMore() throws Exception {
        ObserverLog first = new ObserverLog();
        ObserverLog second = new ObserverLog();
        assertThat(liar.launch(launchOf("t-1", 0), first)).isTrue();
        assertThat(liar.launch(launchOf("t-1", 0), second)).isFalse();
        first.awaitFinished();
        Thread.sleep(3 * FakeResultsExecutor.FAKE_RUN_MILLIS);
        assertThat(second.callbacks()).isZero();
        assertThat(first.finishes).hasSize(1);
        liar.close();
    }

    @Test
    void aKillBeforeTheFakeEndsReportsTheAttemptKilledExactlyOnceAndReachesTheInnerExecutor() {
        FakeResultsExecutor slow = new FakeResultsExecutor(inner, 2, 60_000);
        ObserverLog loop = new ObserverLog();
        slow.launch(launchOf("t-1", 0), loop);
        assertThat(slow.kill("t-1")).isEqualTo(1);
        assertThat(slow.kill("t-1")).isZero();
        assertThat(loop.starts).isEmpty();
        assertThat(loop.finishes).hasSize(1);
        assertThat(loop.finishes.get(0).reason()).isEqualTo(FailureReason.KILLED);
        assertThat(inner.kills).containsExactly("t-1", "t-1");
        slow.close();
    }

    @Test
    void closingClosesTheInnerExecutor() {
        liar.close();
        assertThat(inner.closed).isTrue();
    }
}
