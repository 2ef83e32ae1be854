package org.bftswarm.orchestrator.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the scheduler simulation's checkers bite: a scheduler that accepts a task report from any
 * node, and one that evicts a node on a single suspicion, are each caught within five seeds, by the
 * checks meant for them (authorisation / result equality, and no-correct-node-evicted).
 */
class BrokenSchedulerIsCaughtTest {

    private static List<String> firstViolations(SchedulerVariant variant) {
        List<String> found = new ArrayList<>();
        for (long seed = 1; seed <= 5 && found.isEmpty(); seed++) {
            found.addAll(SchedulerSimulation.runSeed(seed, 4, 1, variant).sim().violations());
        }
        return found;
    }

    @Test
    void acceptingReportsFromAnyNodeIsCaughtWithinFiveSeeds() {
        assertThat(firstViolations(SchedulerVariant.ACCEPT_ANY_REPORTER))
                .anyMatch(v -> v.contains("differs from what the executor produced"))
                .anyMatch(v -> v.contains("sent by client"));
    }

    @Test
    void evictingOnOneSuspicionIsCaughtWithinFiveSeeds() {
        assertThat(firstViolations(SchedulerVariant.EVICT_ON_ONE_SUSPICION))
                .anyMatch(v -> v.contains("was marked DOWN"));
    }
}
