package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.bftswarm.crypto.InvariantViolation;
import org.junit.jupiter.api.Test;

class SwarmJobTest {
    private static final TaskBenchResult.Phase NONE =
            new TaskBenchResult.Phase("none", 100, 0, 6.0, 280, 600, 500, 900);
    private static final TaskBenchResult.Phase QUORUM =
            new TaskBenchResult.Phase("quorum", 100, 0, 3.0, 300, 700, 1100, 1900);

    @Test
    void theJobIsADetachedUnretriedReplicatedJobOfTrueThatNeverResolvesItsImage() {
        assertThat(SwarmJob.createArgs("bftswarm/busybox", 50, 8, "bftswarm.swarm=s-bench-swarm"))
                .containsExactly(
                        "docker",
                        "service",
                        "create",
                        "--detach",
                        "--mode",
                        "replicated-job",
                        "--replicas",
                        "50",
                        "--max-concurrent",
                        "8",
                        "--restart-condition",
                        "none",
                        "--no-resolve-image",
                        "--label",
                        "bftswarm.swarm=s-bench-swarm",
                        "bftswarm/busybox",
                        "true");
        assertThatThrownBy(() -> SwarmJob.createArgs("img", 0, 8, "l")).isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> SwarmJob.createArgs("img", 5, 0, "l")).isInstanceOf(InvariantViolation.class);
    }

    @Test
    void swarmModeIsEnteredOnLoopbackAndLeftByForce() {
        assertThat(SwarmJob.initArgs()).containsExactly("docker", "swarm", "init", "--advertise-addr", "127.0.0.1");
        assertThat(SwarmJob.leaveArgs()).containsExactly("docker", "swarm", "leave", "--force");
        assertThat(SwarmJob.tasksArgs("abc"))
                .containsExactly("docker", "service", "ps", "--format", "{{.CurrentState}}", "abc");
        assertThat(SwarmJob.removeArgs("abc")).containsExactly("docker", "service", "rm", "abc");
    }

    @Test
    void onlyTheActiveStateCountsAsInSwarmMode() {
        assertThat(SwarmJob.isActive("active\n")).isTrue();
        assertThat(SwarmJob.isActive("inactive\n")).isFalse();
        assertThat(SwarmJob.isActive("pending")).isFalse();
        assertThat(SwarmJob.isActive("error")).isFalse();
    }

    @Test
    void theServiceIdIsTheLastNonBlankLineAndMustLookLikeAnId() {
        assertThat(SwarmJob.serviceId("s6nf9avw7khfcudl2ile6w8lw\n")).isEqualTo("s6nf9avw7khfcudl2ile6w8lw");
        assertThat(SwarmJob.serviceId("a warning first\n\ns6nf9avw7khf\n\n")).isEqualTo("s6nf9avw7khf");
        assertThatThrownBy(() -> SwarmJob.serviceId("Error response from daemon: This node is not a swarm manager."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SwarmJob.serviceId("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void completeSucceedsTerminalFailuresFailAndEveryOtherStateIsUnfinished() {
        String ps = String.join(
                "\n",
                "Complete 2 seconds ago",
                "Complete less than a second ago",
                "Failed 1 second ago",
                "Rejected 3 seconds ago",
                "Shutdown 3 seconds ago",
                "Running 1 second ago",
                "Starting less than a second ago",
                "Pending 4 seconds ago",
                "Assigned less than a second ago",
                "",
                "New 5 seconds ago");

        SwarmJob.Status s = SwarmJob.parse(ps);

        assertThat(List.of(s.complete(), s.failed(), s.unfinished())).containsExactly(2, 3, 5);
        assertThat(s.ended()).isEqualTo(5);
        assertThat(s.allEnded(5)).isTrue();
        assertThat(s.allEnded(6)).isFalse();
        assertThat(SwarmJob.parse("").allEnded(1)).isFalse();
    }

    @Test
    void ratioSwarmIsTheHeadlineRateOverSwarmsAndEndsTheLine() {
        TaskBenchResult plain =
                new TaskBenchResult(List.of(NONE), 8.0, 250, Optional.of(new TaskBenchResult.Swarm(100, 0, 5.0)));
        TaskBenchResult verified = new TaskBenchResult(
                List.of(NONE, QUORUM), 8.0, 250, Optional.of(new TaskBenchResult.Swarm(100, 0, 5.0)));

        assertThat(plain.line())
                .isEqualTo("BENCH tasks tasks_per_s=6.00 raw_docker_per_s=8.00 ratio=0.75 run_p50_ms=280"
                        + " verify=none accepted_p50_ms=500 accepted_p99_ms=900 swarm_per_s=5.00 ratio_swarm=1.20");
        assertThat(verified.line()).endsWith(" verify_ratio=0.50 swarm_per_s=5.00 ratio_swarm=0.60");
        assertThat(new TaskBenchResult(List.of(NONE), 8.0, 250).line()).doesNotContain("swarm");
    }

    @Test
    void aStalledSwarmGivesRatioZeroAndItsFailedTasksCount() {
        TaskBenchResult r =
                new TaskBenchResult(List.of(NONE), 8.0, 250, Optional.of(new TaskBenchResult.Swarm(100, 3, 0)));

        assertThat(r.swarmRatio()).contains(0.0);
        assertThat(r.failed()).isEqualTo(3);
        assertThat(r.line()).endsWith(" swarm_per_s=0.00 ratio_swarm=0.00");
        assertThat(new TaskBenchResult(List.of(NONE), 8.0, 250).swarmRatio()).isEmpty();
    }
}
