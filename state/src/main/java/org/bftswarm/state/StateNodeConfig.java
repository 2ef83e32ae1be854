package org.bftswarm.state;

import java.nio.file.Path;
import java.util.Optional;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.state.hazelcast.HazelcastSettings;

/**
 * Everything a {@link ClusterStateNode} needs: swarm name, own id and key, the registry of node
 * keys, the MapDB file, optional Hazelcast settings (absent = local only) and how often the local
 * copy is committed to disk.
 */
public record StateNodeConfig(
        String swarm,
        int nodeId,
        SigningKey signingKey,
        KeyRegistry keys,
        Path dataFile,
        Optional<HazelcastSettings> hazelcast,
        long flushIntervalMillis) {
    public static final long DEFAULT_FLUSH_INTERVAL_MILLIS = 50;

    public StateNodeConfig {
        Invariants.check(swarm != null && !swarm.isBlank(), "swarm name required");
        Invariants.check(nodeId >= 0, "node id must be non-negative");
        Invariants.check(
                signingKey != null && keys != null && dataFile != null && hazelcast != null,
                "key, registry, data file and hazelcast option required");
        Invariants.check(flushIntervalMillis > 0, "flush interval must be positive");
    }

    public StateNodeConfig(
            String swarm,
            int nodeId,
            SigningKey signingKey,
            KeyRegistry keys,
            Path dataFile,
            Optional<HazelcastSettings> hazelcast) {
        this(swarm, nodeId, signingKey, keys, dataFile, hazelcast, DEFAULT_FLUSH_INTERVAL_MILLIS);
    }
}
