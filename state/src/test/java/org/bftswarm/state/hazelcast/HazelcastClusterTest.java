package org.bftswarm.state.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bftswarm.crypto.Digest;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.StateNodeConfig;
import org.bftswarm.state.TestKeys;
import org.bftswarm.state.entry.EntryKey;
import org.bftswarm.state.entry.EntryKind;
import org.bftswarm.state.entry.InvalidReason;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.view.Heartbeat;
import org.bftswarm.state.view.NodeCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Three embedded Hazelcast members in one JVM on 127.0.0.1 (distinct ports) carrying signed
 * entries: views converge, forged topic messages are rejected and counted by every receiver, a dead
 * member does not slow the others, and a restarted member serves its MapDB view before Hazelcast
 * re-forms.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HazelcastClusterTest {
    private static final String SWARM = "hz-test-swarm";
    private static final int BASE_PORT = 27_311;
    private static final int N = 3;
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Path dir;
    private final ClusterStateNode[] nodes = new ClusterStateNode[N];

    private StateNodeConfig config(int node) {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            members.add("127.0.0.1:" + (BASE_PORT + i));
        }
        HazelcastSettings hz = new HazelcastSettings(SWARM, "127.0.0.1", BASE_PORT + node, members);
        return new StateNodeConfig(
                SWARM,
                node,
                TestKeys.key(node),
                TestKeys.registry(N),
                dir.resolve("node-" + node + ".db"),
                Optional.of(hz));
    }

    @BeforeAll
    void formCluster() throws Exception {
        dir = Files.createTempDirectory("bftswarm-state-hz");
        for (int i = 0; i < N; i++) {
            nodes[i] = ClusterStateNode.open(config(i));
        }
        for (ClusterStateNode node : nodes) {
            assertThat(node.dissemination().orElseThrow().awaitFormed(60, TimeUnit.SECONDS))
                    .isTrue();
        }
        awaitTrue("all members see " + N, () -> allMembersSee(N));
    }

    @AfterAll
    void stopCluster() {
        for (ClusterStateNode node : nodes) {
            if (node != null) {
                node.dissemination().ifPresent(HazelcastDissemination::terminate);
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void writesOnEachMemberConvergeToEqualViewsOnAllMembers() {
        long now = System.currentTimeMillis();
        for (ClusterStateNode node : nodes) {
            node.writer().heartbeat(1, now);
            node.writer().count(NodeCounter.TASKS_RUN, node.nodeId() + 1, now);
        }
        awaitTrue(
                "views converge",
                () -> converged() && nodes[0].view().heartbeats().size() == N);
        for (ClusterStateNode node : nodes) {
            assertThat(node.view().counter(NodeCounter.TASKS_RUN).value()).isEqualTo(1 + 2 + 3);
            assertThat(node.invalidEntries().total()).isZero();
        }
    }

    @Test
    @Order(2)
    void forgedEntryPublishedOnTheTopicIsRejectedAndCountedByEveryOtherMemberAndChangesNoView() {
        nodes[1].writer().heartbeat(2, System.currentTimeMillis());
        awaitTrue(
                "heartbeat 2 everywhere",
                () -> converged()
                        && nodes[2].view().heartbeat(1).map(Heartbeat::seq).orElse(-1L) == 2);
        EntryKey victim = new EntryKey(1, EntryKind.REGISTER, Heartbeat.ENTRY_NAME);
        Heartbeat fake = new Heartbeat(1, 999, System.currentTimeMillis() + 60_000);
        // claims signer 1 but is signed with node 2's key: a forgery framing node 1
        byte[] sig =
                TestKeys.key(2).sign(SignedEntry.signingBytes(SWARM, 1, victim, fake.timestampMillis(), fake.encode()));
        SignedEntry forged = new SignedEntry(1, victim, fake.timestampMillis(), fake.encode(), sig);
        nodes[0].dissemination().orElseThrow().publishRaw(forged.encode());
        nodes[0].dissemination().orElseThrow().publishRaw(new byte[] {1, 2, 3});

        awaitTrue(
                "every other member counted the forgery",
                () -> nodes[1].invalidEntries().count(1, InvalidReason.BAD_SIGNATURE) >= 1
                        && nodes[2].invalidEntries().count(1, InvalidReason.BAD_SIGNATURE) >= 1);
        for (ClusterStateNode node : nodes) {
            assertThat(node.view().heartbeat(1).orElseThrow().seq()).isEqualTo(2);
        }
        assertThat(converged()).isTrue();
    }

    @Test
    @Order(3)
    void writesKeepFlowingWithinASecondAndAHalfWhileAMemberIsDeadButNotYetRemoved() {
        nodes[2].dissemination().orElseThrow().terminate();
        long now = System.currentTimeMillis();
        nodes[0].writer().heartbeat(10, now);
        long started = System.nanoTime();
        awaitTrue(
                "node 1 hears node 0",
                () -> nodes[1].view().heartbeat(0).map(Heartbeat::seq).orElse(-1L) == 10);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMillis).as("propagation with a dead member still listed").isLessThan(1_500);
    }

    @Test
    @Order(4)
    void restartedMemberServesItsPersistedViewBeforeHazelcastFormsThenRejoins() throws Exception {
        Digest before = nodes[2].store().digest();
        nodes[2].close();

        nodes[2] = ClusterStateNode.open(config(2));
        boolean formedAtRead = nodes[2].dissemination().orElseThrow().isFormed();
        Digest atRestart = nodes[2].store().digest();
        assertThat(formedAtRead).as("read happened before formation").isFalse();
        assertThat(atRestart).isEqualTo(before);
        assertThat(nodes[2].view().heartbeats()).hasSize(N);

        assertThat(nodes[2].dissemination().orElseThrow().awaitFormed(60, TimeUnit.SECONDS))
                .isTrue();
        nodes[0].writer().count(NodeCounter.TASKS_SUCCEEDED, 5, System.currentTimeMillis());
        awaitTrue(
                "rejoined member converges",
                () -> allMembersSee(N) && converged() && nodes[2].view().counter(0, NodeCounter.TASKS_SUCCEEDED) == 5);
    }

    private boolean allMembersSee(int count) {
        for (ClusterStateNode node : nodes) {
            if (node.dissemination().orElseThrow().memberCount() != count) {
                return false;
            }
        }
        return true;
    }

    private boolean converged() {
        Digest first = nodes[0].store().digest();
        for (ClusterStateNode node : nodes) {
            if (!node.store().digest().equals(first)) {
                return false;
            }
        }
        return true;
    }

    private static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
