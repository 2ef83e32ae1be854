package org.bftswarm.sim;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.SchedulerConfig;
import org.bftswarm.orchestrator.clients.ClientPolicy;
import org.bftswarm.orchestrator.clients.ClientRole;

/**
 * The signing clients of one simulated run: {@code user-0} (admin) and the other users (submitters)
 * and one {@code reader}, each with an Ed25519 key derived from the seed (the seed of the key is
 * SHA-256 of {@code "user-k" + seed}, or {@code "reader" + seed}), so a seed replays exactly. Their
 * {@link ClientPolicy} (bearer tokens allowed, as by default: no honest party of the run uses one)
 * goes into every replica's scheduler config. A forger's key is derived the same way and is in no
 * policy.
 */
final class SimClients {
    static final String SWARM = SchedulerConfig.DEFAULT_SWARM;
    static final String READER = "reader";

    private final TreeMap<String, SigningKey> keys = new TreeMap<>();
    private final TreeMap<String, ClientPolicy.Client> clients = new TreeMap<>();
    private final long seed;

    SimClients(long seed, int users) {
        this.seed = seed;
        for (int k = 0; k < users; k++) {
            add(userName(k), k == 0 ? ClientRole.ADMIN : ClientRole.SUBMITTER);
        }
        add(READER, ClientRole.READER);
    }

    static String userName(int k) {
        return "user-" + k;
    }

    private void add(String name, ClientRole role) {
        SigningKey key = derive(name, seed);
        keys.put(name, key);
        clients.put(name, new ClientPolicy.Client(key.verifyingKey().hex(), role));
    }

    /** A key from {@code SHA-256(label + seed)}. */
    static SigningKey derive(String label, long seed) {
        byte[] digest =
                Digest.sha256((label + seed).getBytes(StandardCharsets.UTF_8)).bytes();
        return SigningKey.fromSeed(digest);
    }

    SigningKey keyOf(String name) {
        return keys.get(name);
    }

    ClientPolicy policy() {
        return new ClientPolicy(SWARM, clients, true);
    }
}
