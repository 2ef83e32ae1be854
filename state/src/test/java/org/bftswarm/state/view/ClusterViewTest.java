package org.bftswarm.state.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.TreeMap;
import org.bftswarm.crypto.InvariantViolation;
import org.bftswarm.state.TestKeys;
import org.bftswarm.state.entry.EntryKey;
import org.bftswarm.state.entry.EntryKind;
import org.bftswarm.state.entry.EntryVerifier;
import org.bftswarm.state.entry.InvalidEntryCounter;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.store.LocalWriter;
import org.bftswarm.state.store.SignedEntryStore;
import org.junit.jupiter.api.Test;

/** Typed records written by one node read back identically from another node's store. */
class ClusterViewTest {
    private static final String SWARM = "view-swarm";

    private static SignedEntryStore store() {
        return new SignedEntryStore(
                new EntryVerifier(SWARM, TestKeys.registry(3), new StateSchemas()), new InvalidEntryCounter());
    }

    @Test
    void typedRecordsWrittenOnOneNodeAreReadOnAnotherAfterDelivery() {
        SignedEntryStore a = store();
        SignedEntryStore b = store();
        a.addListener(e -> b.offer(e.encode()));
        NodeStateWriter writer = new NodeStateWriter(new LocalWriter(SWARM, 1, TestKeys.key(1), a));
        TreeMap<String, String> labels = new TreeMap<>();
        labels.put("zone", "edge-1");
        writer.heartbeat(5, 1_000);
        writer.capacity(new NodeCapacity(1, 2_000, 4L << 30, labels), 1_000);
        writer.usage(new NodeUsage(1, 350, 1L << 29, 3), 1_001);
        writer.count(NodeCounter.TASKS_RUN, 4, 1_002);
        writer.count(NodeCounter.TASKS_RUN, 2, 1_003);
        writer.count(NodeCounter.TASKS_FAILED, 1, 1_003);
        writer.count(NodeCounter.CONTAINER_CPU_MILLIS, 1_500, 1_004);

        ClusterView view = new ClusterView(b);
        assertThat(view.heartbeat(1)).contains(new Heartbeat(1, 5, 1_000));
        assertThat(view.capacity(1).orElseThrow().labels()).containsEntry("zone", "edge-1");
        assertThat(view.usage(1)).contains(new NodeUsage(1, 350, 1L << 29, 3));
        assertThat(view.counter(1, NodeCounter.TASKS_RUN)).isEqualTo(6);
        assertThat(view.counter(NodeCounter.TASKS_RUN).value()).isEqualTo(6);
        NodeSoftState state = view.nodes().get(1);
        assertThat(state.counters())
                .containsEntry(NodeCounter.TASKS_FAILED, 1L)
                .containsEntry(NodeCounter.TASKS_SUCCEEDED, 0L)
                .containsEntry(NodeCounter.CONTAINER_CPU_MILLIS, 1_500L);
        assertThat(b.digest()).isEqualTo(a.digest());
    }

    @Test
    void clusterCounterSumsEveryNodesOwnComponent() {
        SignedEntryStore shared = store();
        for (int n = 0; n < 3; n++) {
            new NodeStateWriter(new LocalWriter(SWARM, n, TestKeys.key(n), shared))
                    .count(NodeCounter.TASKS_SUCCEEDED, n + 1, 10);
        }
        assertThat(new ClusterView(shared).counter(NodeCounter.TASKS_SUCCEEDED).value())
                .isEqualTo(6);
    }

    @Test
    void laterHeartbeatWinsEvenWhenTheLocalClockSteppedBack() {
        SignedEntryStore s = store();
        NodeStateWriter writer = new NodeStateWriter(new LocalWriter(SWARM, 2, TestKeys.key(2), s));
        writer.heartbeat(1, 5_000);
        writer.heartbeat(2, 4_000); // clock went backwards: the entry timestamp is still bumped
        assertThat(new ClusterView(s).heartbeat(2).orElseThrow().seq()).isEqualTo(2);
    }

    @Test
    void registersViewIsAnLwwMapWithOwnersAsWriters() {
        SignedEntryStore s = store();
        new NodeStateWriter(new LocalWriter(SWARM, 0, TestKeys.key(0), s)).heartbeat(1, 77);
        var reg = new ClusterView(s).registers().get("0/1/heartbeat").orElseThrow();
        assertThat(reg.stamp().writer()).isZero();
        assertThat(reg.stamp().timestamp()).isEqualTo(77);
    }

    @Test
    void aNodeCannotSignKeysOfAnotherOwner() {
        SignedEntryStore s = store();
        NodeStateWriter writer = new NodeStateWriter(new LocalWriter(SWARM, 0, TestKeys.key(0), s));
        assertThatThrownBy(() -> writer.usage(new NodeUsage(1, 0, 0, 0), 1)).isInstanceOf(InvariantViolation.class);
        assertThatThrownBy(() -> SignedEntry.sign(
                        SWARM, 0, new EntryKey(1, EntryKind.REGISTER, "x"), 1, new byte[0], TestKeys.key(0)))
                .isInstanceOf(InvariantViolation.class);
    }
}
