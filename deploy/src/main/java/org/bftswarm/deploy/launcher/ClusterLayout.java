package org.bftswarm.deploy.launcher;

import java.nio.file.Path;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.node.config.ClientRegistry;

/**
 * Where a cluster keeps its files under its data directory D (the launcher ↔ node contract):
 * {@code D/keys/} (node key pairs), {@code D/clients/} (client key pairs), {@code D/api-token}, {@code
 * D/node-<i>/} (node i's own state),
 * {@code D/logs/node-<i>.log} (its stdout and stderr) and {@code D/run/node-<i>.pid}. Pure path
 * arithmetic; nothing here touches the disk.
 */
public record ClusterLayout(Path dataDir) {

    public ClusterLayout {
        Invariants.check(dataDir != null && dataDir.isAbsolute(), "data directory must be absolute, got %s", dataDir);
        dataDir = dataDir.normalize();
    }

    public Path keysDir() {
        return dataDir.resolve("keys");
    }

    /** Client key files: {@code D/clients/<name>.key} and {@code .pub}, among them {@code admin}. */
    public Path clientsDir() {
        return dataDir.resolve(ClientRegistry.CLIENTS_DIR);
    }

    public Path tokenFile() {
        return dataDir.resolve("api-token");
    }

    public Path nodeDir(int id) {
        return dataDir.resolve("node-" + id);
    }

    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    public Path logFile(int id) {
        return logsDir().resolve("node-" + id + ".log");
    }

    public Path runDir() {
        return dataDir.resolve("run");
    }

    public Path pidFile(int id) {
        return runDir().resolve("node-" + id + ".pid");
    }
}
