package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import org.junit.jupiter.api.Test;

/** The {@code gossip:} section: bounds of the adaptive heartbeat interval, strictly checked. */
class GossipSectionTest {

    @Test
    void withoutTheSectionTheBoundsAre250And2000Ms() {
        assertThat(valid("swarm: demo").gossip()).isEqualTo(new GossipSettings(250, 2000));
    }

    @Test
    void bothBoundsAreRead() {
        GossipSettings g = valid("swarm: demo", "gossip:", "  minIntervalMs: 100", "  maxIntervalMs: 5000")
                .gossip();
        assertThat(g).isEqualTo(new GossipSettings(100, 5000));
    }

    @Test
    void defaultBoundsWidenToIncludeALongConfiguredPeriod() {
        GossipSettings g = valid("swarm: demo", "heartbeat:", "  periodMs: 3000", "  suspicionTimeoutMs: 12000")
                .gossip();
        assertThat(g).isEqualTo(new GossipSettings(250, 3000));
    }

    @Test
    void aMinimumAboveTheHeartbeatPeriodIsRejectedWhereItIsWritten() {
        ConfigReport report = parse("swarm: demo", "gossip:", "  minIntervalMs: 600");
        errorAt(report, "gossip.minIntervalMs", 3, 18);
    }

    @Test
    void aMaximumBelowTheHeartbeatPeriodIsRejectedWhereItIsWritten() {
        ConfigReport report = parse("swarm: demo", "gossip:", "  maxIntervalMs: 400");
        errorAt(report, "gossip.maxIntervalMs", 3, 18);
    }

    @Test
    void zeroIsRejected() {
        ConfigReport report = parse("swarm: demo", "gossip:", "  minIntervalMs: 0");
        errorAt(report, "gossip.minIntervalMs", 3, 18);
    }

    @Test
    void anUnknownKeyInTheSectionIsRejected() {
        ConfigReport report = parse("swarm: demo", "gossip:", "  maxIntervalMS: 400");
        assertThat(report.valid()).isFalse();
        assertThat(report.errors().get(0).format()).contains("maxIntervalMS");
    }
}
