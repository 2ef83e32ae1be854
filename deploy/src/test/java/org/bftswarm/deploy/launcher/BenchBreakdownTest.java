package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchBreakdownTest {

    @Test
    void stagesAreSummarisedInTaskOrderWithNearestRankPercentilesAndMissingTimesSkipped() {
        BenchStages stages = new BenchStages();
        for (int i = 1; i <= 100; i++) {
            stages.add("running->done", 0, 0);
            stages.add("submit->202", 1_000_000_000L, 1_000_000_000L + i * 1_000_000L);
        }
        stages.add("submit->assigned", 5_000_000L, 2_000_000L);

        assertThat(stages.lines())
                .containsExactly(
                        "stage submit->202        p50    50 ms  p99    99 ms  (100 samples)",
                        "stage submit->assigned   p50     0 ms  p99     0 ms  (1 samples)");
        assertThatThrownBy(() -> stages.add("nonsense", 1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workerStageQuantilesAreReadFromPrometheusTextInAnyLabelOrderAndOtherLinesIgnored() {
        String text = """
                # HELP bftswarm_worker_stage_seconds time task attempts spent
                # TYPE bftswarm_worker_stage_seconds summary
                bftswarm_worker_stage_seconds{stage="container_setup",quantile="0.5"} 0.25
                bftswarm_worker_stage_seconds{quantile="0.99",stage="container_setup"} 1.5
                bftswarm_worker_stage_seconds_count{stage="container_setup"} 12
                bftswarm_worker_stage_seconds{stage="start_ordered",quantile="0.5"} NaN
                bftswarm_worker_stage_seconds{stage="run",quantile="0.5"} not-a-number
                bftswarm_node_running_tasks 3
                """;

        Map<String, Map<String, Long>> parsed = WorkerStageScrape.parse(text);

        assertThat(parsed).isEqualTo(Map.of("container_setup", Map.of("0.5", 250L, "0.99", 1500L)));
        assertThat(WorkerStageScrape.lines(List.of(parsed, Map.of()), List.of("container_setup", "start_ordered")))
                .containsExactly("worker container_setup  p50/p99 ms by node: 0:250/1500");
    }
}
