package org.bftswarm.consensus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bftswarm.consensus.client.ClientNetwork;
import org.bftswarm.consensus.client.ClientOptions;
import org.bftswarm.consensus.client.ConsensusTimeoutException;
import org.bftswarm.consensus.client.ServiceProxy;
import org.bftswarm.consensus.transport.TransportConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Four replica runtimes in one JVM over real loopback TCP, driven by the real client. */
class ReplicaRuntimeTest {
    @TempDir
    Path dir;

    private static void await(String what, long seconds, BooleanSupplier ok) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!ok.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void operationsAreOrderedOnceAndEveryReplicaReachesTheSameDigest() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 4, 2)) {
            for (int i = 0; i < 4; i++) {
                c.start(i);
            }
            try (ClientNetwork net =
                            new ClientNetwork(c.spec, c.keys.loadRegistry(c.spec.n()), TransportConfig.defaults(), 1);
                    ServiceProxy p =
                            new ServiceProxy(net, 1000, c.keys.loadSigningKey(1000), ClientOptions.defaults())) {
                Set<Long> counts = new HashSet<>();
                for (int i = 0; i < 40; i++) {
                    counts.add(ByteBuffer.wrap(p.invoke(new byte[] {(byte) i})).getLong());
                }
                assertThat(counts)
                        .as("each op executed exactly once, in order")
                        .hasSize(40)
                        .contains(40L);
                assertThat(net.allChannelsReady())
                        .as("replies travel on MAC'd reply channels")
                        .isTrue();
                assertThat(net.drops().total()).as("no reply was rejected").isZero();
            }
            // A replica that started late may catch up by state transfer instead of executing every
            // batch itself; either way its state must reflect each of the 40 operations exactly once.
            await(
                    "every replica's state reflects all 40 requests",
                    20,
                    () -> c.machines.stream().allMatch(m -> m != null && m.count() == 40));
            await(
                    "digests agree",
                    10,
                    () -> c.replicas.stream()
                                    .map(r -> r.status().digestAtExecuted() + ":"
                                            + r.status().stateDigestHex())
                                    .distinct()
                                    .count()
                            == 1);
        }
    }

    @Test
    void aClientGetsAClearTimeoutWhenNoQuorumAnswers() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 4, 1)) {
            c.start(0); // one replica of four: no quorum can form
            try (ClientNetwork net =
                            new ClientNetwork(c.spec, c.keys.loadRegistry(c.spec.n()), TransportConfig.defaults(), 1);
                    ServiceProxy p = new ServiceProxy(
                            net, 1000, c.keys.loadSigningKey(1000), new ClientOptions(100, 200, 800))) {
                assertThatThrownBy(() -> p.invoke(new byte[0]))
                        .isInstanceOf(ConsensusTimeoutException.class)
                        .hasMessageContaining("matching replies within");
            }
        }
    }

    private static long count(byte[] reply) {
        return ByteBuffer.wrap(reply).getLong();
    }

    @Test
    void stoppingThePrimaryInstallsANewViewAndNoAcknowledgedOperationIsLost() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 4, 1)) {
            for (int i = 0; i < 4; i++) {
                c.start(i);
            }
            try (ClientNetwork net =
                            new ClientNetwork(c.spec, c.keys.loadRegistry(c.spec.n()), TransportConfig.defaults(), 1);
                    ServiceProxy p = new ServiceProxy(
                            net, 1000, c.keys.loadSigningKey(1000), new ClientOptions(200, 1_000, 20_000))) {
                for (int i = 0; i < 10; i++) {
                    p.invoke(new byte[] {1});
                }
                c.stop(0); // primary of view 0
                long last = 0;
                for (int i = 0; i < 10; i++) {
                    last = count(p.invoke(new byte[] {2}));
                }
                assertThat(last)
                        .as("20 acknowledged operations, none lost or repeated")
                        .isEqualTo(20);
                await(
                        "a backup reports view >= 1",
                        10,
                        () -> c.replicas.get(1).status().view() >= 1);
            }
        }
    }

    @Test
    void aRestartedReplicaRecoversFromItsLogAndCatchesUp() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 4, 1)) {
            for (int i = 0; i < 4; i++) {
                c.start(i);
            }
            try (ClientNetwork net =
                            new ClientNetwork(c.spec, c.keys.loadRegistry(c.spec.n()), TransportConfig.defaults(), 1);
                    ServiceProxy p =
                            new ServiceProxy(net, 1000, c.keys.loadSigningKey(1000), ClientOptions.defaults())) {
                for (int i = 0; i < 5; i++) {
                    p.invoke(new byte[] {1});
                }
                c.stop(3);
                for (int i = 0; i < 40; i++) { // several checkpoints (K = 8) without replica 3
                    p.invoke(new byte[] {2});
                }
                c.start(3);
                for (int i = 0; i < 20; i++) {
                    p.invoke(new byte[] {3});
                }
            }
            await(
                    "replica 3 caught up",
                    30,
                    () -> c.replicas.get(3).status().lastExecuted()
                            == c.replicas.get(0).status().lastExecuted());
            await(
                    "digests agree",
                    10,
                    () -> c.replicas.stream()
                                    .map(r -> r.status().digestAtExecuted() + ":"
                                            + r.status().stateDigestHex())
                                    .distinct()
                                    .count()
                            == 1);
        }
    }

    @Test
    void aRestartedClusterReportsRecoveringUntilEachReplicaReExecutedWhatItHadCommitted() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 4, 1)) {
            for (int i = 0; i < 4; i++) {
                c.start(i);
            }
            try (ClientNetwork net =
                            new ClientNetwork(c.spec, c.keys.loadRegistry(c.spec.n()), TransportConfig.defaults(), 1);
                    ServiceProxy p =
                            new ServiceProxy(net, 1000, c.keys.loadSigningKey(1000), ClientOptions.defaults())) {
                for (int i = 0; i < 13; i++) { // a stable checkpoint at 8 (K = 8) and committed slots above it
                    p.invoke(new byte[] {4});
                }
            }
            await(
                    "every replica executed the 13th",
                    10,
                    () -> c.replicas.stream().allMatch(r -> r.status().lastExecuted() >= 13));
            for (int i = 0; i < 4; i++) {
                c.stop(i);
            }
            ReplicaStatus alone = c.start(0).status(); // no peer yet: it cannot commit anything again
            assertThat(alone.recoveringTo()).isGreaterThan(alone.stableCheckpoint());
            assertThat(alone.recovering()).as("%s", alone.line()).isTrue();
            long before = alone.recoveringTo();
            for (int i = 1; i < 4; i++) {
                c.start(i);
            }
            await(
                    "no replica recovering",
                    30,
                    () -> c.replicas.stream().noneMatch(r -> r.status().recovering()));
            assertThat(c.replicas.get(0).status().lastExecuted()).isGreaterThanOrEqualTo(before);
        }
    }

    @Test
    void aReplicaKeepsServingAfterHostileBytesAndCountsThem() throws Exception {
        try (LocalCluster c = new LocalCluster(dir, 4, 1)) {
            for (int i = 0; i < 4; i++) {
                c.start(i);
            }
            Random random = new Random(1);
            for (int i = 0; i < 20; i++) {
                try (Socket s = new Socket("127.0.0.1", c.spec.address(0).getPort())) {
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    byte[] junk = new byte[1 + random.nextInt(300)];
                    random.nextBytes(junk);
                    out.writeInt(junk.length);
                    out.write(junk);
                    out.flush();
                } catch (IOException ignored) {
                    // the replica may close the connection first
                }
            }
            await("junk counted", 10, () -> c.replicas.get(0).drops().total() >= 20);
            try (ClientNetwork net =
                            new ClientNetwork(c.spec, c.keys.loadRegistry(c.spec.n()), TransportConfig.defaults(), 1);
                    ServiceProxy p =
                            new ServiceProxy(net, 1000, c.keys.loadSigningKey(1000), ClientOptions.defaults())) {
                assertThat(count(p.invoke(new byte[0]))).isEqualTo(1);
            }
        }
    }
}
