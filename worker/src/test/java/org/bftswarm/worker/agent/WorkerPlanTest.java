package org.bftswarm.worker.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.agent.WorkerPlan.Phase;
import org.junit.jupiter.api.Test;

class WorkerPlanTest {
    private static Assignment assigned(String task, int attempt, TaskState state) {
        return new Assignment(task, "job", attempt, state, JobSpec.of("img", List.of("true")), 0);
    }

    @Test
    void aNewAssignmentIsLaunchedOnce() {
        var d = WorkerPlan.decide(List.of(assigned("j.0", 1, TaskState.ASSIGNED)), Map.of(), new TreeSet<>());
        assertThat(d.launch()).extracting(Assignment::taskId).containsExactly("j.0");
        var again = WorkerPlan.decide(
                List.of(assigned("j.0", 1, TaskState.ASSIGNED)),
                Map.of(new AttemptKey("j.0", 1), Phase.LAUNCHED),
                new TreeSet<>());
        assertThat(again.launch()).isEmpty();
    }

    @Test
    void aFinishedAttemptStillAssignedIsReportedNotRelaunched() {
        var d = WorkerPlan.decide(
                List.of(assigned("j.0", 1, TaskState.RUNNING)),
                Map.of(new AttemptKey("j.0", 1), Phase.FINISHED),
                new TreeSet<>());
        assertThat(d.launch()).isEmpty();
        assertThat(d.reportFinished()).containsExactly(new AttemptKey("j.0", 1));
    }

    @Test
    void aStartedAttemptIsReportedOnlyWhileTheSchedulerStillSaysAssigned() {
        Map<AttemptKey, Phase> local = Map.of(new AttemptKey("j.0", 1), Phase.STARTED);
        assertThat(WorkerPlan.decide(List.of(assigned("j.0", 1, TaskState.ASSIGNED)), local, new TreeSet<>())
                        .reportStarted())
                .containsExactly(new AttemptKey("j.0", 1));
        assertThat(WorkerPlan.decide(List.of(assigned("j.0", 1, TaskState.RUNNING)), local, new TreeSet<>())
                        .reportStarted())
                .isEmpty();
    }

    @Test
    void anAttemptThatFinishedBeforeItsStartWasOrderedReportsBothStartAndFinish() {
        AttemptKey key = new AttemptKey("j.0", 1);
        Map<AttemptKey, Phase> local = Map.of(key, Phase.FINISHED);
        var early = WorkerPlan.decide(List.of(assigned("j.0", 1, TaskState.ASSIGNED)), local, new TreeSet<>());
        assertThat(early.reportStarted()).containsExactly(key);
        assertThat(early.reportFinished()).containsExactly(key);
        var later = WorkerPlan.decide(List.of(assigned("j.0", 1, TaskState.RUNNING)), local, new TreeSet<>());
        assertThat(later.reportStarted()).isEmpty();
        assertThat(later.reportFinished()).containsExactly(key);
    }

    @Test
    void anAttemptNoLongerAssignedIsKilledOnceAndForgottenWhenFinished() {
        AttemptKey old = new AttemptKey("j.0", 1);
        var d = WorkerPlan.decide(List.of(), Map.of(old, Phase.STARTED), new TreeSet<>());
        assertThat(d.kill()).containsExactly(old);
        assertThat(WorkerPlan.decide(List.of(), Map.of(old, Phase.STARTED), new TreeSet<>(List.of(old)))
                        .kill())
                .isEmpty();
        assertThat(WorkerPlan.decide(List.of(), Map.of(old, Phase.FINISHED), new TreeSet<>())
                        .forget())
                .containsExactly(old);
    }

    @Test
    void aNewAttemptWaitsUntilTheOldAttemptOfTheSameTaskIsGone() {
        AttemptKey old = new AttemptKey("j.0", 1);
        var d = WorkerPlan.decide(
                List.of(assigned("j.0", 2, TaskState.ASSIGNED)), Map.of(old, Phase.STARTED), new TreeSet<>());
        assertThat(d.kill()).containsExactly(old);
        assertThat(d.launch()).isEmpty();
        var later = WorkerPlan.decide(
                List.of(assigned("j.0", 2, TaskState.ASSIGNED)), Map.of(old, Phase.FINISHED), new TreeSet<>());
        assertThat(later.launch()).extracting(Assignment::attempt).containsExactly(2);
    }

    @Property(tries = 200)
    void neverLaunchesAnAttemptThatIsKnownLocallyNorKillsAnAssignedOne(
            @ForAll @IntRange(min = 0, max = 6) int tasks, @ForAll @IntRange(min = 0, max = 1 << 12) int mask) {
        List<Assignment> assigned = new ArrayList<>();
        Map<AttemptKey, Phase> local = new TreeMap<>();
        for (int t = 0; t < tasks; t++) {
            int bits = (mask >> (2 * t)) & 3;
            if ((bits & 1) != 0) {
                assigned.add(assigned("t." + t, 1, TaskState.ASSIGNED));
            }
            if ((bits & 2) != 0) {
                local.put(new AttemptKey("t." + t, 1), Phase.values()[t % 3]);
            }
        }
        var d = WorkerPlan.decide(assigned, local, new TreeSet<>());
        for (Assignment a : d.launch()) {
            assertThat(local).doesNotContainKey(new AttemptKey(a.taskId(), a.attempt()));
        }
        for (AttemptKey k : d.kill()) {
            assertThat(assigned).noneMatch(a -> a.taskId().equals(k.taskId()) && a.attempt() == k.attempt());
        }
    }
}
