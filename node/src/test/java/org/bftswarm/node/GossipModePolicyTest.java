package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.bftswarm.node.config.GossipSettings;
import org.junit.jupiter.api.Test;

/** The mode rules of {@link GossipModePolicy}, with the measured conditions and the time given. */
class GossipModePolicyTest {
    private static final long PERIOD = 500;
    private static final long TICK = 1_000;
    private static final long NOW = 1_000_000;
    private static final GossipSettings BOUNDS = new GossipSettings(250, 2000);

    private static GossipDecision choose(GossipConditions c) {
        return GossipModePolicy.choose(c, PERIOD, TICK, BOUNDS, NOW);
    }

    private static GossipConditions quiet(int n) {
        return new GossipConditions(n, 0, 0, 0, -1, false);
    }

    @Test
    void aHealthyQuietClusterIsConservativeAtTwiceThePeriod() {
        GossipDecision d = choose(quiet(4));
        assertThat(d.mode()).isEqualTo(GossipMode.CONSERVATIVE);
        assertThat(d.intervalMillis()).isEqualTo(1_000);
        assertThat(d.tickMillis()).isEqualTo(2_000);
        assertThat(d.antiEntropyMillis()).isEqualTo(2 * GossipModePolicy.BASE_ANTI_ENTROPY_MILLIS);
        assertThat(d.cause()).isEqualTo("quiet");
    }

    @Test
    void quietTicksOfALargerClusterSlowDownWithItsSizeSoEachNodeOrdersAsFewRoundsAsAtFourNodes() {
        GossipDecision d = choose(quiet(10));
        assertThat(d.mode()).isEqualTo(GossipMode.CONSERVATIVE);
        assertThat(d.tickMillis()).isEqualTo(Math.round(TICK * 2 * 10 / 4.0));
        assertThat(choose(new GossipConditions(10, 0, 1, 0, -1, false)).tickMillis())
                .as("with work the configured period")
                .isEqualTo(TICK);
    }

    @Test
    void anActiveJobOrARunningTaskKeepsTheConfiguredPeriodSoFailoverIsNotSlowed() {
        for (GossipConditions c : new GossipConditions[] {
            new GossipConditions(4, 0, 1, 0, -1, false),
            new GossipConditions(4, 0, 0, 2, -1, false),
            new GossipConditions(10, 0, 1, 0, -1, true)
        }) {
            GossipDecision d = choose(c);
            assertThat(d.mode()).as("%s", c).isEqualTo(GossipMode.NORMAL);
            assertThat(d.intervalMillis()).isEqualTo(PERIOD);
            assertThat(d.tickMillis()).isEqualTo(TICK);
            assertThat(d.antiEntropyMillis()).isEqualTo(GossipModePolicy.BASE_ANTI_ENTROPY_MILLIS);
            assertThat(d.cause()).isEqualTo("work");
        }
    }

    @Test
    void aSilentPeerStillUpInTheScheduleMeansRepairAtHalfThePeriodEvenWithWork() {
        GossipDecision d = choose(new GossipConditions(4, 1, 3, 1, NOW, true));
        assertThat(d.mode()).isEqualTo(GossipMode.AGGRESSIVE);
        assertThat(d.intervalMillis()).isEqualTo(250);
        assertThat(d.tickMillis()).as("ticks never faster than configured").isEqualTo(TICK);
        assertThat(d.reason()).isEqualTo("repair: 1 of 3 peers silent");
    }

    @Test
    void lowEnergyWithoutWorkIsEmergencyClampedToTheMaximum() {
        GossipDecision d = choose(new GossipConditions(4, 0, 0, 0, -1, true));
        assertThat(d.mode()).isEqualTo(GossipMode.EMERGENCY);
        assertThat(d.intervalMillis()).isEqualTo(2_000);
        assertThat(d.tickMillis()).isEqualTo(4_000);
    }

    @Test
    void aRecentSubmissionKeepsNormalUntilTheQuietPeriodHasPassed() {
        long submitted = NOW - GossipModePolicy.QUIET_AFTER_MILLIS + 1;
        assertThat(choose(new GossipConditions(4, 0, 0, 0, submitted, false)).mode())
                .isEqualTo(GossipMode.NORMAL);
        assertThat(choose(new GossipConditions(4, 0, 0, 0, submitted - 1, false))
                        .mode())
                .isEqualTo(GossipMode.CONSERVATIVE);
    }

    @Test
    void largerQuietClustersSlowDownInProportionToTheirSizeWithinTheBounds() {
        assertThat(choose(quiet(6)).intervalMillis()).isEqualTo(1_500);
        assertThat(choose(quiet(10)).intervalMillis()).isEqualTo(2_000);
        assertThat(GossipModePolicy.choose(quiet(10), PERIOD, TICK, new GossipSettings(250, 10_000), NOW)
                        .intervalMillis())
                .isEqualTo(2_500);
    }

    @Test
    void theMinimumBoundsTheAggressiveInterval() {
        GossipDecision d = GossipModePolicy.choose(
                new GossipConditions(4, 1, 0, 0, -1, false), PERIOD, TICK, new GossipSettings(400, 2000), NOW);
        assertThat(d.intervalMillis()).isEqualTo(400);
    }
}
