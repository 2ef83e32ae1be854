package org.bftswarm.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.sim.SchedulerSimulation.SeedResult;
import org.junit.jupiter.api.Test;

/**
 * Proves the scheduler simulation's checkers bite: a scheduler that accepts a task report from any
 * node, one that evicts a node on a single suspicion, one that trusts the first report of a task
 * that asked for a quorum, and one that executes a client operation whose signature fails as the
 * forwarding node's are each caught within five seeds, by the checks meant for them (authorisation /
 * result equality, no-correct-node-evicted, the quorum result checks, and every job is what a client
 * signed); a reduction that drops a data job's last shard is caught within five seeds by the data
 * result checks.
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

    /** Violations of the seeds (of the first five) in which the Byzantine node's worker forged a vote. */
    private static List<String> violationsWhereTheByzantineWorkerForged(SchedulerVariant variant) {
        List<String> found = new ArrayList<>();
        int forgingSeeds = 0;
        for (long seed = 1; seed <= 5; seed++) {
            SeedResult r = SchedulerSimulation.runSeed(seed, 4, 1, variant);
            if (r.counts().forgedVotes() > 0) {
                forgingSeeds++;
                found.addAll(r.sim().violations());
            }
        }
        assertThat(forgingSeeds)
                .as("seeds where the Byzantine worker forged a vote")
                .isPositive();
        return found;
    }

    @Test
    void trustingTheFirstReportOfAQuorumTaskIsCaughtWithinFiveSeeds() {
        assertThat(violationsWhereTheByzantineWorkerForged(SchedulerVariant.TRUST_FIRST_REPORT))
                .anyMatch(v ->
                        v.startsWith("accepted result of quorum task") && v.contains("differs from the executor's"))
                .anyMatch(v -> v.contains("fewer than f+1=2 nodes"));
    }

    /**
     * A reduction that folds every accepted shard but the last is caught by the data result checks within
     * five seeds (the first seed that catches it ends the search), and the real scheduler passes every
     * seed that was run.
     */
    @Test
    void droppingTheLastShardFromAReductionIsCaughtWithinFiveSeedsThatTheCorrectSchedulerPasses() {
        List<String> found = new ArrayList<>();
        long seed = 0;
        while (seed < 5 && found.isEmpty()) {
            seed++;
            SchedulerSimulation.runSeed(seed, 4, 1, SchedulerVariant.DROP_LAST_SHARD).sim().violations().stream()
                    .filter(v -> v.startsWith("data job "))
                    .forEach(found::add);
        }
        assertThat(found)
                .as("data result violations of DROP_LAST_SHARD in seeds 1..%s", seed)
                .anyMatch(v -> v.contains(" from its dataset") || v.contains("every shard SUCCEEDED yet"));
        for (long s = 1; s <= seed; s++) {
            assertThat(SchedulerSimulation.runSeed(s, 4, 1, SchedulerVariant.CORRECT)
                            .sim()
                            .violations())
                    .as(SchedulerSimulation.replay(s, 4, 1, SchedulerVariant.CORRECT))
                    .isEmpty();
        }
    }

    @Test
    void executingUnverifiedClientOperationsAsTheForwardersIsCaughtWithinFiveSeeds() {
        assertThat(firstViolations(SchedulerVariant.IGNORE_CLIENT_SIGNATURES))
                .anyMatch(v -> v.contains("is a job no client signed") || v.contains("differs from what client"));
    }
}
