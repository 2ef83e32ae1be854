package org.bftswarm.consensus.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.bftswarm.consensus.core.CoreMutant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rule of the replica core has a mutant ({@link CoreMutant}) that breaks it alone, and the
 * simulator's checkers catch each mutant within a stated budget of seeds of the scenario named for it
 * (printing the seed that caught it), while the correct core passes the same scenarios. A case also
 * names the checker that must be the one to see it, so a mutant caught only by accident does not count.
 */
class CoreMutantsAreCaughtTest {
    /** Seeds of each case's scenario that the correct core must pass. */
    private static final int CONTROL_SEEDS = 4;

    /** One mutant, the rule it breaks, the scenario and seed budget that catch it, and the checker that must. */
    enum Case {
        NEW_VIEW_IS_RECOMPUTED(
                CoreMutant.NEW_VIEW_NOT_RECOMPUTED,
                "a backup accepts NEW-VIEW only if its re-proposals are O recomputed from its view changes",
                40,
                seed -> lossy(seed).withByzantine(only(1, Behaviour.BAD_NEW_VIEW)),
                r -> anyViolation(r, "executed batch", "result", "state ")),
        CHECKPOINT_NEEDS_A_QUORUM(
                CoreMutant.CHECKPOINT_ONE_SIGNATURE,
                "a checkpoint is stable only with a quorum of matching signatures",
                10,
                seed -> lossy(seed).withByzantine(only(1, Behaviour.LYING_CHECKPOINTS)),
                r -> !r.live()),
        CHECKPOINT_DIGESTS_MUST_MATCH(
                CoreMutant.CHECKPOINT_MIXED_DIGESTS,
                "the signatures of a stable checkpoint all sign the same digest",
                20,
                seed -> lossy(seed).withByzantine(only(1, Behaviour.LYING_CHECKPOINTS)),
                r -> !r.live()),
        STATE_CHUNKS_ARE_PROVEN(
                CoreMutant.STATE_CHUNK_UNPROVEN,
                "a state-transfer chunk is kept only if its Merkle path leads to the certified digest",
                40,
                seed -> lossy(seed).withByzantine(only(1, Behaviour.LYING_CHECKPOINTS)),
                r -> anyViolation(r, "installed by state transfer", "result", "executed batch")),
        PERSIST_BEFORE_SEND(
                CoreMutant.SEND_BEFORE_PERSIST,
                "what a replica signed is durable before the message leaves",
                20,
                seed -> lossy(seed).withByzantine(Map.of()),
                r -> anyViolation(r, "forgot what it signed")),
        PRE_PREPARES_WITHIN_WATERMARKS(
                CoreMutant.PRE_PREPARE_OUTSIDE_WATERMARKS,
                "a backup accepts a pre-prepare only between its low and high watermarks",
                5,
                seed -> Scenario.derive(seed, 4, 1).withByzantine(only(0, Behaviour.BEYOND_WATERMARKS)),
                r -> anyViolation(r, "outside its watermarks")),
        TIMESTAMPS_NEVER_GO_BACKWARDS(
                CoreMutant.TIMESTAMP_BACKWARDS,
                "a backup rejects a batch whose timestamp goes backwards",
                5,
                seed -> Scenario.derive(seed, 4, 1).withByzantine(only(0, Behaviour.TIME_TRAVEL)),
                r -> anyViolation(r, "time went backwards", "timestamps go backwards")),
        DUPLICATES_ANSWERED_FROM_THE_REPLY_CACHE(
                CoreMutant.REPLY_CACHE_REEXECUTES,
                "a request already executed is answered from the reply cache, never executed again",
                5,
                seed -> Scenario.derive(seed, 4, 1).withByzantine(only(0, Behaviour.REPLAY_OLD)),
                r -> anyViolation(r, "twice", "different result")),
        VIEW_TIMEOUT_DOUBLES(
                CoreMutant.VIEW_TIMER_NOT_DOUBLING,
                "the view-change timeout doubles with every consecutive failed view",
                5,
                seed -> Scenario.derive(seed, 4, 1).withByzantine(Map.of()).withSlowHealedNetwork(700),
                r -> !r.live());

        final CoreMutant mutant;
        final String rule;
        final int seedBudget;
        final LongFunction<Scenario> scenario;
        final Predicate<SimResult> caughtByItsChecker;

        Case(
                CoreMutant mutant,
                String rule,
                int seedBudget,
                LongFunction<Scenario> scenario,
                Predicate<SimResult> caughtByItsChecker) {
            this.mutant = mutant;
            this.rule = rule;
            this.seedBudget = seedBudget;
            this.scenario = scenario;
            this.caughtByItsChecker = caughtByItsChecker;
        }
    }

    /** The random scenario of {@code seed} on 4 replicas with a lossy, partitioning, crashing chaos phase. */
    static Scenario lossy(long seed) {
        return Scenario.derive(seed, 4, 1).withChaos(0.15, true, true);
    }

    static Map<Integer, EnumSet<Behaviour>> only(int replica, Behaviour b) {
        Map<Integer, EnumSet<Behaviour>> byz = new TreeMap<>();
        byz.put(replica, EnumSet.of(b));
        return byz;
    }

    static boolean anyViolation(SimResult r, String... phrases) {
        for (String v : r.violations()) {
            for (String p : phrases) {
                if (v.contains(p)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean notConverged(SimResult r) {
        return !r.live() && r.livenessFailure().contains("converged");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Case.class)
    void breakingTheRuleIsCaughtByItsCheckerWithinTheSeedBudget(Case c) {
        for (long seed = 1; seed <= c.seedBudget; seed++) {
            SimResult r = SimulationRunner.runSeed(c.scenario.apply(seed), c.mutant);
            if (c.caughtByItsChecker.test(r)) {
                System.out.println(
                        "MUTANT " + c.mutant + " (" + c.rule + ") caught by seed " + seed + " of " + c.seedBudget + ": "
                                + (r.violations().isEmpty()
                                        ? r.livenessFailure()
                                        : r.violations().get(0)));
                return;
            }
        }
        fail("mutant " + c.mutant + " breaking \"" + c.rule + "\" was not caught in seeds 1.." + c.seedBudget);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Case.class)
    void theCorrectCorePassesTheSameScenarios(Case c) {
        SimulationRunner.forEachSeed(
                1, CONTROL_SEEDS, 2, seed -> SimulationRunner.runSeed(c.scenario.apply(seed), CoreMutant.NONE), r -> {
                    String replay = c + " " + r.scenario().describe();
                    assertThat(r.violations()).as(replay).isEmpty();
                    assertThat(r.live()).as(replay + ": " + r.livenessFailure()).isTrue();
                });
    }

    @Test
    void everyMutantHasItsCase() {
        EnumSet<CoreMutant> covered = EnumSet.of(CoreMutant.NONE);
        for (Case c : Case.values()) {
            covered.add(c.mutant);
        }
        assertThat(covered).containsExactlyInAnyOrder(CoreMutant.values());
    }
}
