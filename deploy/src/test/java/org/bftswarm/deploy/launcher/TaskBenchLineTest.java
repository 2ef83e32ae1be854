package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bftswarm.crypto.InvariantViolation;
import org.junit.jupiter.api.Test;

class TaskBenchLineTest {
    private static final TaskBenchResult.Phase NONE = new TaskBenchResult.Phase("none", 60, 0, 6.0, 280, 600, 500, 900);
    private static final TaskBenchResult.Phase QUORUM =
            new TaskBenchResult.Phase("quorum", 60, 1, 3.0, 300, 700, 1100, 1900);

    @Test
    void anUnverifiedRunNamesItsVerificationAndAcceptedLatencyAfterTheEarlierFields() {
        TaskBenchResult r = new TaskBenchResult(List.of(NONE), 8.0, 250);

        assertThat(r.line())
                .isEqualTo("BENCH tasks tasks_per_s=6.00 raw_docker_per_s=8.00 ratio=0.75 run_p50_ms=280"
                        + " verify=none accepted_p50_ms=500 accepted_p99_ms=900");
        assertThat(r.verifyRatio()).isEmpty();
    }

    @Test
    void aVerifiedRunHeadlinesQuorumInEitherPhaseOrderAndAppendsNoneAndTheirRatio() {
        String expected = "BENCH tasks tasks_per_s=3.00 raw_docker_per_s=8.00 ratio=0.38 run_p50_ms=300"
                + " verify=quorum accepted_p50_ms=1100 accepted_p99_ms=1900"
                + " none_tasks_per_s=6.00 none_accepted_p50_ms=500 none_accepted_p99_ms=900 verify_ratio=0.50";

        assertThat(new TaskBenchResult(List.of(NONE, QUORUM), 8.0, 250).line()).isEqualTo(expected);
        assertThat(new TaskBenchResult(List.of(QUORUM, NONE), 8.0, 250).line()).isEqualTo(expected);
        assertThat(new TaskBenchResult(List.of(NONE, QUORUM), 8.0, 250).failed())
                .isEqualTo(1);
    }

    @Test
    void ratiosWithAZeroDenominatorAreZeroAndAResultNeedsAPhase() {
        TaskBenchResult.Phase stalled = new TaskBenchResult.Phase("none", 0, 0, 0, 0, 0, 0, 0);
        TaskBenchResult r = new TaskBenchResult(List.of(stalled, QUORUM), 0, 0);

        assertThat(r.ratio()).isZero();
        assertThat(r.verifyRatio()).contains(0.0);
        assertThatThrownBy(() -> new TaskBenchResult(List.of(), 1, 1)).isInstanceOf(InvariantViolation.class);
    }

    @Test
    void roundSharesSumToTheTasksWithTheRemainderInTheFirstRounds() {
        assertThat(List.of(BenchRounds.share(61, 2, 0), BenchRounds.share(61, 2, 1)))
                .containsExactly(31, 30);
        assertThat(List.of(BenchRounds.share(7, 3, 0), BenchRounds.share(7, 3, 1), BenchRounds.share(7, 3, 2)))
                .containsExactly(3, 2, 2);
        assertThatThrownBy(() -> BenchRounds.share(10, 2, 2)).isInstanceOf(InvariantViolation.class);
    }

    @Test
    void eachClusterPhaseGoesFirstInTurn() {
        List<String> phases = List.of("none", "quorum");

        assertThat(BenchRounds.order(phases, 0)).containsExactly("none", "quorum");
        assertThat(BenchRounds.order(phases, 1)).containsExactly("quorum", "none");
        assertThat(BenchRounds.order(phases, 2)).containsExactly("none", "quorum");
        assertThat(BenchRounds.order(List.of("none"), 1)).containsExactly("none");
    }

    @Test
    void aPhaseRateIsItsTasksOverTheSummedRoundTimesAndUnseenRunningIsNoSample() {
        ClusterPhase phase = new ClusterPhase("quorum");
        phase.addRound(30, 5_000_000_000L);
        phase.addRound(30, 15_000_000_000L);
        phase.addTask(-1, 1200, true);
        phase.addTask(100, 800, false);

        TaskBenchResult.Phase f = phase.figures();

        assertThat(f.tasksPerSecond()).isEqualTo(3.0);
        assertThat(f.tasks()).isEqualTo(60);
        assertThat(f.failed()).isEqualTo(1);
        assertThat(phase.runSamples()).isEqualTo(1);
        assertThat(List.of(f.runP50(), f.acceptedP50(), f.acceptedP99())).containsExactly(100L, 800L, 1200L);
    }

    @Test
    void withVerifyTheBenchRunsANoneAndAQuorumPhaseAndWithoutOnlyNone() {
        assertThat(new TaskBench.Options(10, 2, 0, "img", true, false).verifications())
                .containsExactly("none", "quorum");
        assertThat(new TaskBench.Options(10, 2, 0, "img", false, true).verifications())
                .containsExactly("none");
    }
}
