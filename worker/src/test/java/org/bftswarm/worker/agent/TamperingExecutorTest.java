package org.bftswarm.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.worker.agent.ScriptedTaskExecutor.launchOf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bftswarm.crypto.Digest;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.TaskOutcome;
import org.junit.jupiter.api.Test;

class TamperingExecutorTest {
    private final ScriptedTaskExecutor inner = new ScriptedTaskExecutor();
    private final TamperingExecutor liar = new TamperingExecutor(inner, 3);
    private final AttemptKey key = new AttemptKey("t-1", 1);

    @Test
    void theTaskRunsButTheReportedOutputDiffersFromWhatItPrintedWithTheSameExitCode() {
        ObserverLog loop = new ObserverLog();
        assertThat(liar.launch(launchOf("t-1", 1), loop)).isTrue();
        TaskOutcome honest = inner.run(key, 7, "the real answer\n");

        TaskOutcome reported = loop.finishes.get(0);
        assertThat(inner.launches).hasSize(1);
        assertThat(loop.starts).containsExactly("container-" + key);
        assertThat(reported.exitCode()).isEqualTo(7);
        assertThat(reported.output()).isNotEqualTo(honest.output());
        assertThat(reported.outputDigest()).isNotEqualTo(honest.outputDigest());
        assertThat(reported.outputText()).isEqualTo("the real answer\n" + TamperingExecutor.marker(3));
    }

    @Test
    void theReportedDigestAndLengthMatchTheAlteredOutputSoTheLieIsSelfConsistent() {
        ObserverLog loop = new ObserverLog();
        liar.launch(launchOf("t-1", 1), loop);
        inner.run(key, 0, "");

        TaskOutcome reported = loop.finishes.get(0);
        assertThat(reported.output()).isNotEmpty();
        assertThat(reported.outputDigest()).isEqualTo(Digest.sha256(reported.output()));
        assertThat(reported.outputBytes()).isEqualTo(reported.output().length);
        assertThat(reported.truncated()).isFalse();
    }

    @Test
    void outputAtTheBoundIsAlteredWithinItAndStaysCoveredByTheDigest() {
        byte[] full = new byte[TaskOutcome.MAX_OUTPUT_BYTES];
        Arrays.fill(full, (byte) 'x');
        byte[] altered = TamperingExecutor.tamper(full, 3);
        assertThat(altered).hasSize(TaskOutcome.MAX_OUTPUT_BYTES).isNotEqualTo(full);
        assertThat(new String(altered, StandardCharsets.UTF_8)).endsWith(TamperingExecutor.marker(3));
        TaskOutcome reported = ForgedOutcome.exited(key, 0, altered);
        assertThat(reported.truncated()).isFalse();
        assertThat(reported.outputDigest()).isEqualTo(Digest.sha256(altered));
    }

    @Test
    void anAttemptThatNeverExitedIsReportedUnchanged() {
        ObserverLog loop = new ObserverLog();
        liar.launch(launchOf("t-1", 1), loop);
        TaskOutcome honest = inner.failWithoutExit(key);
        assertThat(loop.finishes).containsExactly(honest);
    }

    @Test
    void theNodeServesTheTamperedOutputAsTheTasksLog() {
        ObserverLog loop = new ObserverLog();
        liar.launch(launchOf("t-1", 1), loop);
        inner.run(key, 0, "hello\n");
        assertThat(liar.logs("t-1").orElseThrow())
                .isEqualTo(loop.finishes.get(0).output());
    }

    @Test
    void adoptedLeftoverContainersAreTamperedToo() {
        inner.leftovers.add(key);
        ObserverLog loop = new ObserverLog();
        liar.reconcile(k -> true, k -> loop);
        inner.run(key, 0, "hello\n");
        assertThat(loop.finishes.get(0).outputText()).endsWith(TamperingExecutor.marker(3));
    }
}
