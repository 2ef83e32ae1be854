package org.bftswarm.node;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.bftswarm.crypto.KeyDirectory;
import org.bftswarm.node.config.CapacitySettings;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ConsensusSettings;
import org.bftswarm.node.config.HeartbeatSettings;
import org.bftswarm.node.config.PortRange;
import org.bftswarm.node.config.ResolvedNode;
import org.bftswarm.node.config.TestingSettings;

/**
 * An in-JVM cluster of {@link NodeRuntime}s on 127.0.0.1 with free ports, keys and token made the
 * way {@code bftswarm up} makes them, and the {@link FakeTaskExecutor}.
 */
final class TestCluster implements AutoCloseable {
    static final String TOKEN = "test-token-0123456789";

    final ClusterConfig config;
    final Path dataDir;
    final List<NodeRuntime> nodes = new ArrayList<>();

    TestCluster(Path dataDir, int n) throws IOException {
        this.dataDir = dataDir;
        KeyDirectory.at(dataDir.resolve(NodeFiles.KEYS)).ensureNodes(n, new SecureRandom());
        Files.writeString(dataDir.resolve(NodeFiles.API_TOKEN), TOKEN + "\n");
        List<ResolvedNode> resolved = new ArrayList<>();
        Map<String, String> labels = new TreeMap<>();
        labels.put("zone", "test");
        for (int i = 0; i < n; i++) {
            resolved.add(new ResolvedNode(
                    i,
                    "127.0.0.1",
                    freePort(),
                    freePort(),
                    freePort(),
                    freePort(),
                    new CapacitySettings(4, 4096),
                    new TreeMap<>(labels)));
        }
        this.config = new ClusterConfig(
                "nodetest",
                resolved,
                true,
                resolved.get(0).httpPort(),
                resolved.get(0).wsPort(),
                new PortRange(20000, 20999),
                false,
                dataDir.toString(),
                new ConsensusSettings(64, 2, 32, 2000, 128),
                HeartbeatSettings.DEFAULTS,
                new CapacitySettings(4, 4096),
                new TreeMap<>(labels));
    }

    TestCluster start() throws InterruptedException {
        return start(Map.of());
    }

    /**
     * Starts every node, node {@code i} showing {@code faults.get(i)} if present; with any fault the
     * configuration says {@code testing.allowByzantine: true}, as a real test cluster's must.
     */
    TestCluster start(Map<Integer, NodeFault> faults) throws InterruptedException {
        ClusterConfig cfg = faults.isEmpty() ? config : config.withTesting(new TestingSettings(true));
        for (int i = 0; i < config.n(); i++) {
            NodeSettings settings =
                    new NodeSettings(cfg, i, dataDir, false, (swarm, id, dir) -> new FakeTaskExecutor(), 300);
            nodes.add(NodeRuntime.start(faults.containsKey(i) ? settings.withFault(faults.get(i)) : settings));
        }
        for (NodeRuntime node : nodes) {
            if (!node.awaitReady(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("node " + node.nodeId() + " not ready in 30 s");
            }
        }
        return this;
    }

    String url(int node) {
        return nodes.get(node).apiUrl();
    }

    private static final Set<Integer> TAKEN = new HashSet<>();

    /**
     * A port that binds now, chosen below the kernel's ephemeral range (32768 and up here), so the
     * outgoing connections of nodes already started cannot grab it before its node binds it.
     */
    private static synchronized int freePort() throws IOException {
        Random random = new Random();
        for (int tries = 0; tries < 1000; tries++) {
            int port = 21_000 + random.nextInt(11_000);
            if (TAKEN.contains(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                TAKEN.add(port);
                return s.getLocalPort();
            } catch (IOException busy) {
                // try another
            }
        }
        throw new IOException("no free port in 21000..32000");
    }

    @Override
    public void close() {
        nodes.forEach(NodeRuntime::close);
    }
}
