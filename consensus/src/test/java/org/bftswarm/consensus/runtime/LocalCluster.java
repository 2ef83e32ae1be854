package org.bftswarm.consensus.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bftswarm.consensus.core.ReplicaConfig;
import org.bftswarm.consensus.storage.ReplicaLog;
import org.bftswarm.crypto.KeyDirectory;

/** n replica runtimes in this JVM on 127.0.0.1 free ports, for runtime and client tests. */
final class LocalCluster implements AutoCloseable {
    final ClusterSpec spec;
    final KeyDirectory keys;
    final Path dir;
    final List<ReplicaRuntime> replicas = new ArrayList<>();
    final List<HashChainStateMachine> machines = new ArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    LocalCluster(Path dir, int n, int clients) throws IOException {
        this.dir = dir;
        List<InetSocketAddress> addrs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            addrs.add(new InetSocketAddress("127.0.0.1", freePort()));
        }
        this.spec = new ClusterSpec("test-swarm", addrs);
        this.keys = ReplicaProcessCluster.generateKeys(dir.resolve("keys"), n, clients);
        for (int i = 0; i < n; i++) {
            replicas.add(null);
            machines.add(null);
        }
    }

    ReplicaRuntime start(int id) throws IOException {
        ReplicaConfig cfg = ReplicaConfig.defaults(
                        spec.swarm(), spec.n(), id, keys.loadSigningKey(id), keys.loadRegistry(spec.n()))
                .withCheckpoints(8, 32)
                .withTimers(1_000, 2_000, 200);
        HashChainStateMachine sm = new HashChainStateMachine();
        RuntimeSettings settings = RuntimeSettings.defaults();
        ReplicaLog log = settings.openLog(dir.resolve("data").resolve("replica-" + id));
        ReplicaRuntime r = new ReplicaRuntime(spec, cfg, sm, log, settings, events::add).start();
        replicas.set(id, r);
        machines.set(id, sm);
        return r;
    }

    void stop(int id) {
        ReplicaRuntime r = replicas.get(id);
        if (r != null) {
            r.close();
            replicas.set(id, null);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < replicas.size(); i++) {
            stop(i);
        }
    }
}
