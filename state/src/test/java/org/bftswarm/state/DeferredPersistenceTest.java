package org.bftswarm.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.bftswarm.state.entry.EntryKey;
import org.bftswarm.state.entry.EntryKind;
import org.bftswarm.state.view.Heartbeat;
import org.bftswarm.state.view.NodeCapacity;
import org.bftswarm.state.view.NodeEnergy;
import org.bftswarm.state.view.NodeUsage;
import org.junit.jupiter.api.Test;

/** Only records superseded within seconds wait for the periodic commit; everything else is committed at once. */
class DeferredPersistenceTest {
    private static EntryKey register(String name) {
        return new EntryKey(1, EntryKind.REGISTER, name);
    }

    @Test
    void heartbeatsUsageAndEnergyAreDeferredCapacityIsNot() {
        assertThat(ClusterStateNode.deferred(register(Heartbeat.ENTRY_NAME))).isTrue();
        assertThat(ClusterStateNode.deferred(register(NodeUsage.ENTRY_NAME))).isTrue();
        assertThat(ClusterStateNode.deferred(register(NodeEnergy.ENTRY_NAME))).isTrue();
        assertThat(ClusterStateNode.deferred(register(NodeCapacity.ENTRY_NAME))).isFalse();
    }
}
