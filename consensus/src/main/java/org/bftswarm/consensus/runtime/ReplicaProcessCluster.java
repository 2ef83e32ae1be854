package org.bftswarm.consensus.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bftswarm.crypto.KeyDirectory;
import org.bftswarm.crypto.KeyRegistry;

/**
 * n replica processes on 127.0.0.1 (free ports found by binding port 0), each a {@link ReplicaMain}
 * JVM started with this JVM's java and class path. Used by the real-process tests and the consensus
 * benchmark. {@link #close} kills every process it started.
 */
public final class ReplicaProcessCluster implements AutoCloseable {
    private final Path dir;
    private final ClusterSpec spec;
    private final KeyDirectory keys;
    private final List<String> jvmArgs;
    private final List<String> replicaArgs;
    private final ReplicaProcess[] processes;

    private ReplicaProcessCluster(
            Path dir, ClusterSpec spec, KeyDirectory keys, List<String> jvmArgs, List<String> replicaArgs) {
        this.dir = dir;
        this.spec = spec;
        this.keys = keys;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.replicaArgs = List.copyOf(replicaArgs);
        this.processes = new ReplicaProcess[spec.n()];
    }

    /** Generates keys for n replicas and {@code clients} clients and picks n free loopback ports. */
    public static ReplicaProcessCluster create(
            Path dir, String swarm, int n, int clients, List<String> jvmArgs, List<String> replicaArgs)
            throws IOException {
        List<InetSocketAddress> addrs = new ArrayList<>();
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                held.add(s); // hold all until every port is chosen, so no two are equal
                addrs.add(new InetSocketAddress("127.0.0.1", s.getLocalPort()));
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        KeyDirectory keys = generateKeys(dir.resolve("keys"), n, clients);
        return new ReplicaProcessCluster(dir, new ClusterSpec(swarm, addrs), keys, jvmArgs, replicaArgs);
    }

    /** Makes key pairs for replicas 0..n-1 and clients 1000..1000+clients-1 in {@code dir}. */
    static KeyDirectory generateKeys(Path dir, int n, int clients) throws IOException {
        SecureRandom random = new SecureRandom();
        KeyDirectory keys = KeyDirectory.at(dir);
        keys.ensureNodes(n, random);
        for (int c = 0; c < clients; c++) {
            keys.ensure(KeyRegistry.FIRST_CLIENT_ID + c, random);
        }
        return keys;
    }

    public ClusterSpec spec() {
        return spec;
    }

    public KeyDirectory keys() {
        return keys;
    }

    public ReplicaProcess process(int id) {
        return processes[id];
    }

    /** Starts (or restarts, with its data directory kept) replica {@code id}. */
    public ReplicaProcess start(int id) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ReplicaMain.class.getName());
        cmd.addAll(List.of(
                "--id",
                Integer.toString(id),
                "--cluster",
                spec.addressList(),
                "--swarm",
                spec.swarm(),
                "--keys",
                keys.dir().toString(),
                "--data",
                dir.resolve("data-" + id).toString(),
                "--status-ms",
                "100"));
        cmd.addAll(replicaArgs);
        processes[id] = new ReplicaProcess(id, cmd);
        return processes[id];
    }

    public void startAll() throws IOException {
        for (int i = 0; i < spec.n(); i++) {
            start(i);
        }
    }

    /** Waits until every live replica printed LISTENING; throws with their output on timeout. */
    public void awaitListening(long timeoutMillis) throws InterruptedException {
        for (ReplicaProcess p : processes) {
            if (p != null) {
                await("replica " + p.id() + " listening", timeoutMillis, () -> p.printed("LISTENING"));
            }
        }
    }

    /** Polls {@code condition} every 20 ms until true or the timeout; AssertionError-free: IllegalStateException. */
    public void await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "timed out after " + timeoutMillis + " ms waiting for " + what + "\n" + describe());
            }
            Thread.sleep(20);
        }
    }

    /** CPU time used so far by all live replica processes together. */
    public long replicaCpuNanos() {
        long sum = 0;
        for (ReplicaProcess p : processes) {
            if (p != null && p.isAlive()) {
                sum += Math.max(0, p.cpuNanos());
            }
        }
        return sum;
    }

    /** Each replica's liveness, status and last output lines, for failure messages. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        for (ReplicaProcess p : processes) {
            if (p == null) {
                continue;
            }
            b.append("replica ")
                    .append(p.id())
                    .append(p.isAlive() ? " alive" : " dead")
                    .append(" view=")
                    .append(p.status("view"))
                    .append(" executed=")
                    .append(p.status("executed"))
                    .append(" stable=")
                    .append(p.status("stable"))
                    .append(" digest=")
                    .append(p.status("digest"))
                    .append('\n');
            List<String> out = p.output();
            for (String line : out.subList(Math.max(0, out.size() - 8), out.size())) {
                b.append("    | ").append(line).append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        for (ReplicaProcess p : processes) {
            if (p != null) {
                try {
                    p.kill9();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
