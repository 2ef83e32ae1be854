package org.bftswarm.tests.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.bftswarm.consensus.client.ClientNetwork;
import org.bftswarm.consensus.client.ClientOptions;
import org.bftswarm.consensus.client.ServiceProxy;
import org.bftswarm.consensus.runtime.ReplicaProcess;
import org.bftswarm.consensus.runtime.ReplicaProcessCluster;
import org.bftswarm.consensus.transport.TransportConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four replica processes on 127.0.0.1 under client load, with SIGKILL faults. Every
 * operation is acknowledged only after f+1 matching replies, and the service's reply is its operation
 * count, so "no acknowledged operation lost and none executed twice" is checkable from the outside:
 * after the load stops, one more operation must return exactly (acknowledged + 1).
 */
@Timeout(80)
@Tag("processes")
class ConsensusProcessFaultsTest {
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    private ReplicaProcessCluster cluster;
    private ClientNetwork network;

    @BeforeEach
    void startReplicas() throws Exception {
        cluster = ReplicaProcessCluster.create(
                dir,
                "process-test",
                4,
                CLIENTS + 1,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                List.of("--checkpoint-interval", "16", "--window", "64", "--request-timeout-ms", "1000"));
        cluster.startAll();
        cluster.awaitListening(30_000);
        network = new ClientNetwork(
                cluster.spec(), cluster.keys().loadRegistry(cluster.spec().n()), TransportConfig.defaults(), 1);
    }

    @AfterEach
    void cleanUp() {
        if (network != null) {
            network.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private long finalCount() throws Exception {
        int probe = 1000 + CLIENTS;
        try (ServiceProxy p = new ServiceProxy(
                network, probe, cluster.keys().loadSigningKey(probe), new ClientOptions(300, 1_000, 20_000))) {
            return ByteBuffer.wrap(p.invoke(new byte[0])).getLong();
        }
    }

    private static void assertEveryAcknowledgedResultDistinct(LoadGenerator load) {
        List<Long> results = load.results();
        assertThat(new HashSet<>(results))
                .as("no operation count acknowledged twice")
                .hasSize(results.size());
    }

    @Test
    void killingThePrimaryInstallsANewViewAndLosesNoAcknowledgedOperation() throws Exception {
        try (LoadGenerator load = new LoadGenerator(network, cluster.keys(), CLIENTS)) {
            cluster.await("load running", 30_000, () -> load.acknowledged() >= 100);
            cluster.process(0).kill9(); // primary of view 0
            long atKill = load.acknowledged();
            cluster.await(
                    "a new view installed on every live replica",
                    30_000,
                    () -> IntStream.of(1, 2, 3)
                            .allMatch(i -> cluster.process(i).statusLong("view") >= 1
                                    && "false".equals(cluster.process(i).status("viewchange"))));
            cluster.await("throughput resumed in the new view", 30_000, () -> load.acknowledged() >= atKill + 100);
            load.stop();
            assertThat(load.failure()).as("no client invocation failed").isNull();
            assertEveryAcknowledgedResultDistinct(load);
            assertThat(finalCount())
                    .as("every acknowledged operation executed exactly once")
                    .isEqualTo(load.acknowledged() + 1);
        }
    }

    @Test
    void aBackupKilledAndRestartedCatchesUpToTheSameStateDigest() throws Exception {
        ReplicaProcess backup = cluster.process(3);
        try (LoadGenerator load = new LoadGenerator(network, cluster.keys(), CLIENTS)) {
            cluster.await("load running", 30_000, () -> load.acknowledged() >= 50);
            backup.kill9();
            long stableAtKill = cluster.process(0).statusLong("stable");
            cluster.await(
                    "three more checkpoints without the backup",
                    40_000,
                    () -> cluster.process(0).statusLong("stable") >= stableAtKill + 3 * 16);
            ReplicaProcess restarted = cluster.start(3);
            cluster.await(
                    "restarted backup reaches the stable checkpoint it missed",
                    40_000,
                    () -> restarted.statusLong("executed") >= stableAtKill + 3 * 16);
            load.stop();
            assertThat(load.failure()).as("no client invocation failed").isNull();
            assertEveryAcknowledgedResultDistinct(load);
            assertThat(finalCount()).isEqualTo(load.acknowledged() + 1);
        }
        cluster.await(
                "all four replicas executed the same sequence",
                30_000,
                () -> IntStream.range(0, 4)
                                .mapToLong(i -> cluster.process(i).statusLong("executed"))
                                .distinct()
                                .count()
                        == 1);
        cluster.await(
                "all four replicas report the same state digest",
                10_000,
                () -> IntStream.range(0, 4)
                                .mapToObj(i -> cluster.process(i).status("digest_at") + ":"
                                        + cluster.process(i).status("digest"))
                                .distinct()
                                .count()
                        == 1);
        assertThat(cluster.process(3).output())
                .as("the restarted backup installed a checkpoint by state transfer")
                .anyMatch(line -> line.startsWith("STATE_INSTALLED 3 "));
    }
}
