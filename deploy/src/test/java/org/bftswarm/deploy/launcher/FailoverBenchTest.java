package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.TaskJson;
import org.junit.jupiter.api.Test;

class FailoverBenchTest {

    private static TaskJson task(String id, Integer node, String state, int attempt) {
        return new TaskJson(id, node, state, attempt, null, null, List.of(), List.of(), null);
    }

    private static JobJson job(TaskJson... tasks) {
        return new JobJson("j", "failover-bench-1", JobStatusJson.RUNNING, List.of(tasks), 1L, null, null);
    }

    @Test
    void theLineCountsOnlyTrialsThatMeasuredAFailover() {
        FailoverBench.Result partial = new FailoverBench.Result(List.of(900L, 700L, 800L), 4);

        assertThat(partial.line()).isEqualTo("BENCH failover p50_ms=800 p99_ms=900 trials=3");
        assertThat(partial.complete()).isFalse();
        assertThat(new FailoverBench.Result(List.of(), 0).line())
                .isEqualTo("BENCH failover p50_ms=0 p99_ms=0 trials=0");
        assertThat(new FailoverBench.Result(List.of(5L), 1).complete()).isTrue();
    }

    @Test
    void tasksHaveMovedOnlyWhenEachRunsOnAnotherNodeUnderANewerAttempt() {
        Map<String, Integer> held = Map.of("j.0", 1, "j.1", 1);

        assertThat(FailoverBench.movedOff(
                        job(task("j.0", 2, "RUNNING", 2), task("j.1", 3, "RUNNING", 2), task("j.2", 1, "RUNNING", 1)),
                        1,
                        held))
                .isTrue();
        assertThat(FailoverBench.movedOff(job(task("j.0", 2, "RUNNING", 2), task("j.1", 1, "RUNNING", 2)), 1, held))
                .isFalse();
        assertThat(FailoverBench.movedOff(job(task("j.0", 2, "RUNNING", 2), task("j.1", 3, "ASSIGNED", 2)), 1, held))
                .isFalse();
        assertThat(FailoverBench.movedOff(job(task("j.0", 2, "RUNNING", 1), task("j.1", 3, "RUNNING", 2)), 1, held))
                .isFalse();
    }

    @Test
    void theVictimHoldsATaskIsNotThePrimaryAndNotLastTrialsVictimWhileAnotherQualifies() {
        JobJson v = job(task("j.0", 0, "RUNNING", 1), task("j.1", 1, "RUNNING", 1), task("j.2", 2, "RUNNING", 1));

        assertThat(FailoverBench.pickVictim(v, 0, 1, 4, -1)).isEqualTo(1);
        assertThat(FailoverBench.pickVictim(v, 0, 1, 4, 1)).isEqualTo(2);
        assertThat(FailoverBench.pickVictim(
                        job(task("j.0", 0, "RUNNING", 1), task("j.1", 1, "RUNNING", 1)), 0, 1, 4, 1))
                .isEqualTo(1);
        assertThat(FailoverBench.allRunning(v)).isTrue();
        assertThat(FailoverBench.allRunning(job(task("j.0", null, "PENDING", 0))))
                .isFalse();
    }
}
