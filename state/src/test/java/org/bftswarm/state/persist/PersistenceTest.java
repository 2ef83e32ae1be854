package org.bftswarm.state.persist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.StateNodeConfig;
import org.bftswarm.state.TestKeys;
import org.bftswarm.state.entry.EntryKey;
import org.bftswarm.state.entry.EntryKind;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.view.Heartbeat;
import org.bftswarm.state.view.NodeCounter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local copy survives close and reopen through MapDB, and a tampered file entry is dropped. */
class PersistenceTest {
    private static final String SWARM = "persist-swarm";

    private static StateNodeConfig config(int node, Path file) {
        return new StateNodeConfig(SWARM, node, TestKeys.key(node), TestKeys.registry(3), file, Optional.empty());
    }

    @Test
    void reopenedNodeHasTheSameEntriesAndViews(@TempDir Path dir) {
        Path file = dir.resolve("state.db");
        byte[] before;
        try (ClusterStateNode node = ClusterStateNode.open(config(0, file))) {
            node.writer().heartbeat(9, 1_000);
            node.writer().count(NodeCounter.TASKS_RUN, 3, 1_001);
            // an entry learned from a peer is persisted too
            try (ClusterStateNode peer = ClusterStateNode.open(config(1, dir.resolve("peer.db")))) {
                peer.writer().heartbeat(4, 900);
                node.store().offer(peer.store().ownedBy(1).get(0).encode());
            }
            before = node.store().canonicalBytes();
        }
        try (ClusterStateNode reopened = ClusterStateNode.open(config(0, file))) {
            assertThat(reopened.store().canonicalBytes()).isEqualTo(before);
            assertThat(reopened.view().heartbeat(0)).contains(new Heartbeat(0, 9, 1_000));
            assertThat(reopened.view().heartbeat(1)).contains(new Heartbeat(1, 4, 900));
            assertThat(reopened.view().counter(0, NodeCounter.TASKS_RUN)).isEqualTo(3);
            // own writes continue from the persisted component
            assertThat(reopened.writer().count(NodeCounter.TASKS_RUN, 1, 1_002)).isEqualTo(4);
            assertThat(reopened.droppedOnLoad()).isZero();
        }
    }

    @Test
    void entryTamperedOnDiskIsDroppedOnLoad(@TempDir Path dir) {
        Path file = dir.resolve("state.db");
        try (ClusterStateNode node = ClusterStateNode.open(config(0, file))) {
            node.writer().heartbeat(1, 1_000);
        }
        try (MapDbEntryLog log = MapDbEntryLog.open(file)) {
            byte[] bytes = log.loadAll().get(0);
            bytes[bytes.length - 1] ^= 1;
            var entry = new SignedEntry(
                    0,
                    new EntryKey(0, EntryKind.REGISTER, "heartbeat"),
                    1_000,
                    new Heartbeat(0, 1, 1_000).encode(),
                    Arrays.copyOfRange(bytes, bytes.length - 64, bytes.length));
            log.stage(entry);
            log.commit();
        }
        try (ClusterStateNode reopened = ClusterStateNode.open(config(0, file))) {
            assertThat(reopened.droppedOnLoad()).isEqualTo(1);
            assertThat(reopened.view().heartbeat(0)).isEmpty();
        }
    }
}
