package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.bftswarm.node.config.CapacitySettings;
import org.junit.jupiter.api.Test;

class ClaimedCapacityTest {
    private static final CapacitySettings CONFIGURED = new CapacitySettings(4, 2048);

    @Test
    void anHonestNodeClaimsExactlyItsConfiguredCapacity() {
        ClaimedCapacity c = ClaimedCapacity.of(CONFIGURED, Set.of(NodeFault.FAKE_RESULTS));
        assertThat(c).isEqualTo(new ClaimedCapacity(4, 2048));
        assertThat(c.inflated(CONFIGURED)).isFalse();
    }

    @Test
    void inflateCapacityClaimsAThousandTimesTheConfiguredCpusAndMemory() {
        ClaimedCapacity c = ClaimedCapacity.of(CONFIGURED, Set.of(NodeFault.INFLATE_CAPACITY));
        assertThat(c).isEqualTo(new ClaimedCapacity(4_000, 2_048_000));
        assertThat(c.inflated(CONFIGURED)).isTrue();
    }
}
