package org.bftswarm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.sim.SchedulerSimulation.SeedResult;
import org.junit.jupiter.api.Test;

/**
 * Each rule of the scheduler that the real worker loop relies on has a broken scheduler that breaks
 * only it, and the simulation's checker of that rule must catch it within a stated budget of seeds
 * (seeds 1.. of the CI scenario, 4 replicas, 1 Byzantine; the correct scheduler passes all of them in
 * {@code SchedulerSimulationSeedsTest}). Each test prints the seeds that caught the mutant out of those
 * tried and the first violation, and asserts the violation names the rule.
 */
class SchedulerMutantsAreCaughtTest {

    /** Runs seeds 1..budget of the mutant until one breaks the rule; returns the violations naming it. */
    private static List<String> caught(SchedulerVariant mutant, int budget, String rule) {
        List<String> naming = new ArrayList<>();
        int tried = 0;
        int caught = 0;
        for (long seed = 1; seed <= budget && caught == 0; seed++) {
            SeedResult r = SchedulerSimulation.runSeed(seed, 4, 1, mutant);
            tried++;
            List<String> hits =
                    r.sim().violations().stream().filter(v -> v.contains(rule)).toList();
            if (!hits.isEmpty()) {
                caught++;
                naming.addAll(hits);
                System.out.println(mutant + ": seed " + seed + " caught it: " + hits.get(0));
            }
        }
        System.out.println(mutant + ": caught in " + caught + " of " + tried + " seeds tried (budget " + budget + ")");
        return naming;
    }

    @Test
    void aStaleAttemptsReportIsNeverWhatGotAcceptedCatchesASchedulerAcceptingOneWithinTenSeeds() {
        assertThat(caught(SchedulerVariant.ACCEPT_STALE_REPORT, 10, "stale report accepted"))
                .isNotEmpty();
    }

    @Test
    void everyTaskOfANodeThatWentDownIsPlacedAgainCatchesASchedulerLosingThemWithinTenSeeds() {
        assertThat(caught(SchedulerVariant.LOSE_TASK_ON_DOWN, 10, "task lost when its node went DOWN"))
                .isNotEmpty();
    }

    @Test
    void neverTwoLiveAttemptsOfOneTaskOnOneNodeCatchesASchedulerPlacingThemWithinTenSeeds() {
        assertThat(caught(SchedulerVariant.TWO_RUNS_ON_ONE_NODE, 10, "two live attempts of one task on one node"))
                .isNotEmpty();
    }
}
