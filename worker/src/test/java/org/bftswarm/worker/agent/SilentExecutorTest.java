package org.bftswarm.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.worker.agent.ScriptedTaskExecutor.launchOf;

import org.bftswarm.worker.AttemptKey;
import org.junit.jupiter.api.Test;

class SilentExecutorTest {
    private final ScriptedTaskExecutor inner = new ScriptedTaskExecutor();
    private final SilentExecutor liar = new SilentExecutor(inner, 1);
    private final AttemptKey key = new AttemptKey("t-1", 0);

    @Test
    void theAttemptIsTakenAndRunButNoStartOrExitEverReachesTheLoop() {
        ObserverLog loop = new ObserverLog();
        assertThat(liar.launch(launchOf("t-1", 0), loop)).isTrue();
        inner.run(key, 0, "done\n");
        assertThat(inner.launches).hasSize(1);
        assertThat(loop.callbacks()).isZero();
    }

    @Test
    void adoptedLeftoverContainersAreNeverReportedEither() {
        inner.leftovers.add(key);
        ObserverLog loop = new ObserverLog();
        liar.reconcile(k -> true, k -> loop);
        inner.run(key, 1, "");
        assertThat(loop.callbacks()).isZero();
    }

    @Test
    void killsLogsAndCloseGoToTheInnerExecutor() {
        liar.launch(launchOf("t-1", 0), new ObserverLog());
        inner.run(key, 0, "done\n");
        liar.kill("t-1");
        assertThat(inner.kills).containsExactly("t-1");
        assertThat(liar.logs("t-1")).isPresent();
        liar.close();
        assertThat(inner.closed).isTrue();
    }
}
