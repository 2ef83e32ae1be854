package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.Test;

class ReconcilePlanTest {
    private static ObservedContainer container(String id, String state, String task, String attempt) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(ContainerLabels.SWARM, "s");
        labels.put(ContainerLabels.NODE, "0");
        if (task != null) {
            labels.put(ContainerLabels.TASK, task);
        }
        if (attempt != null) {
            labels.put(ContainerLabels.ATTEMPT, attempt);
        }
        labels.put(ContainerLabels.TIMEOUT, "30");
        return new ObservedContainer(id, state, labels);
    }

    @Test
    void assignedRunningIsAdoptedUnassignedKilledDeadRemovedActiveIgnored() {
        List<ObservedContainer> observed = List.of(
                container("d", "running", "active", "1"),
                container("c", "exited", "t", "1"),
                container("b", "running", "gone", "1"),
                container("a", "running", "t", "2"));
        List<ReconcileAction> actions = ReconcilePlan.decide(
                observed,
                key -> key.taskId().equals("t") || key.taskId().equals("active"),
                Set.of(new AttemptKey("active", 1)));
        assertThat(actions).extracting(ReconcileAction::containerId).containsExactly("a", "b", "c", "d");
        assertThat(actions)
                .extracting(ReconcileAction::kind)
                .containsExactly(
                        ReconcileAction.Kind.ADOPT,
                        ReconcileAction.Kind.KILL,
                        ReconcileAction.Kind.REMOVE,
                        ReconcileAction.Kind.IGNORE);
        assertThat(actions.get(0).attempt()).isEqualTo(new AttemptKey("t", 2));
        assertThat(actions.get(0).timeoutSeconds()).isEqualTo(30);
    }

    @Test
    void unparseableLabelsOnALiveContainerAreKilled() {
        List<ReconcileAction> actions = ReconcilePlan.decide(
                List.of(
                        container("x", "running", "t", "-1"),
                        container("y", "running", null, "1"),
                        container("z", "running", "t", "99999999999999999999")),
                key -> true,
                Set.of());
        assertThat(actions).extracting(ReconcileAction::kind).containsOnly(ReconcileAction.Kind.KILL);
    }

    @Test
    void onlyOneOfTwoLiveContainersForTheSameAttemptIsAdopted() {
        List<ReconcileAction> actions = ReconcilePlan.decide(
                List.of(container("2", "running", "t", "1"), container("1", "running", "t", "1")),
                key -> true,
                Set.of());
        assertThat(actions)
                .extracting(ReconcileAction::kind)
                .containsExactly(ReconcileAction.Kind.ADOPT, ReconcileAction.Kind.KILL);
    }

    @Property(tries = 200)
    void decisionIsIndependentOfListingOrderAndNeverThrows(
            @ForAll List<@AlphaChars String> tasks, @ForAll List<String> attempts) {
        List<ObservedContainer> observed = new ArrayList<>();
        for (int i = 0; i < Math.min(tasks.size(), attempts.size()); i++) {
            observed.add(container("c" + i, i % 3 == 0 ? "exited" : "running", tasks.get(i), attempts.get(i)));
        }
        List<ObservedContainer> reversed = new ArrayList<>(observed);
        Collections.reverse(reversed);
        assertThat(ReconcilePlan.decide(reversed, key -> key.attempt() % 2 == 0, Set.of()))
                .isEqualTo(ReconcilePlan.decide(observed, key -> key.attempt() % 2 == 0, Set.of()));
    }
}
