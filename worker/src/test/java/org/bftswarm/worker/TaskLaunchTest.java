package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskLaunchTest {
    private static TaskLaunch launch(Map<String, String> env, double cpus, long memoryMb, long timeout) {
        return new TaskLaunch("s", 0, "t", 1, "img", List.of("true"), env, cpus, memoryMb, timeout);
    }

    @Test
    void networkDefaultsToNoneAndEnvIsSorted() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("Z", "1");
        env.put("A", "2");
        TaskLaunch l = launch(env, 1, 64, 10);
        assertThat(l.network()).isEqualTo("none");
        assertThat(l.env().keySet()).containsExactly("A", "Z");
        assertThat(l.withNetwork("bridge").network()).isEqualTo("bridge");
        assertThat(l.key()).isEqualTo(new AttemptKey("t", 1));
    }

    @Test
    void invalidLaunchesAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> launch(Map.of("A=B", "x"), 1, 64, 10)).hasMessageContaining("env names");
        assertThatThrownBy(() -> launch(Map.of(), -1, 64, 10)).hasMessageContaining("cpus");
        assertThatThrownBy(() -> launch(Map.of(), Double.NaN, 64, 10)).hasMessageContaining("cpus");
        assertThatThrownBy(() -> launch(Map.of(), 1, 3, 10)).hasMessageContaining("memoryMb");
        assertThatThrownBy(() -> launch(Map.of(), 1, 64, -1)).hasMessageContaining("timeoutSeconds");
        assertThatThrownBy(() -> new TaskLaunch("s", 0, " ", 1, "img", List.of(), Map.of(), 0, 0, 0))
                .hasMessageContaining("taskId");
        assertThatThrownBy(() -> new TaskLaunch("s", -1, "t", 1, "img", List.of(), Map.of(), 0, 0, 0))
                .hasMessageContaining("nodeId");
    }

    @Test
    void planCarriesLabelsLimitsEnvAndAnAttemptUniqueName() {
        TaskLaunch l =
                new TaskLaunch("sw", 2, "job/1", 3, "img", List.of("sh", "-c", "x"), Map.of("K", "v"), 1.5, 128, 9);
        ContainerPlan plan = ContainerPlan.of(l);
        assertThat(plan.labels())
                .containsEntry(ContainerLabels.SWARM, "sw")
                .containsEntry(ContainerLabels.NODE, "2")
                .containsEntry(ContainerLabels.TASK, "job/1")
                .containsEntry(ContainerLabels.ATTEMPT, "3")
                .containsEntry(ContainerLabels.TIMEOUT, "9");
        assertThat(plan.nanoCpus()).isEqualTo(1_500_000_000L);
        assertThat(plan.memoryBytes()).isEqualTo(128L << 20);
        assertThat(plan.env()).containsExactly("K=v");
        assertThat(plan.network()).isEqualTo("none");
        assertThat(plan.name()).matches("[a-zA-Z0-9][a-zA-Z0-9_.-]+").startsWith("bftswarm-sw-n2-job_1-a3-");
        TaskLaunch next = new TaskLaunch("sw", 2, "job/1", 4, "img", List.of(), Map.of(), 0, 0, 0);
        TaskLaunch lookalike = new TaskLaunch("sw", 2, "job_1", 3, "img", List.of(), Map.of(), 0, 0, 0);
        assertThat(ContainerPlan.of(next).name()).isNotEqualTo(plan.name());
        assertThat(ContainerPlan.of(lookalike).name()).isNotEqualTo(plan.name());
    }

    @Test
    void planOpensStdinOnlyForALaunchWithStdin() {
        TaskLaunch without = new TaskLaunch("sw", 2, "t", 1, "img", List.of("cat"), Map.of(), 0, 0, 0);
        TaskLaunch empty =
                new TaskLaunch("sw", 2, "t", 1, "img", List.of("cat"), Map.of(), 0, 0, 0, null, new byte[0], null);
        assertThat(ContainerPlan.of(without).openStdin()).isFalse();
        assertThat(ContainerPlan.of(empty).openStdin())
                .as("empty stdin is still stdin: end of file at once")
                .isTrue();
        assertThat(ContainerPlan.of(without.withNetwork("bridge")).openStdin()).isFalse();
    }

    @Test
    void labelsRoundTripToTheAttemptAndHostileLabelsParseToEmpty() {
        TaskLaunch l = launch(Map.of(), 0, 0, 12);
        assertThat(ContainerLabels.attemptOf(ContainerLabels.of(l))).contains(l.key());
        assertThat(ContainerLabels.timeoutOf(ContainerLabels.of(l))).isEqualTo(12);
        assertThat(ContainerLabels.attemptOf(Map.of(ContainerLabels.TASK, "t", ContainerLabels.ATTEMPT, "1e3")))
                .isEmpty();
        assertThat(ContainerLabels.attemptOf(null)).isEmpty();
        assertThat(ContainerLabels.timeoutOf(Map.of(ContainerLabels.TIMEOUT, "-5")))
                .isZero();
    }
}
