package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bftswarm.crypto.KeyDirectory;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/**
 * The check {@code up} makes when the configuration carries every node's public key: it starts the
 * nodes from keys that {@code keygen} made, never makes one itself (a key it made could not match the
 * configuration), so each node's private key must be in the key directory and match its configured
 * public key.
 */
final class ConfiguredNodeKeys {
    private ConfiguredNodeKeys() {}

    /** The first problem with the local private keys of the configured nodes, or null when there is none. */
    static String problem(ClusterTarget target) {
        List<VerifyingKey> configured = target.config().configuredNodeKeys().orElseThrow();
        KeyDirectory keys = KeyDirectory.at(target.layout().keysDir());
        for (int id = 0; id < configured.size(); id++) {
            Path file = keys.privateKeyFile(id);
            if (!Files.isRegularFile(file)) {
                return "the configuration carries node public keys, but node " + id + "'s private key " + file
                        + " is missing: run `./bftswarm keygen --node " + id
                        + "` where the node runs (with the same --data)";
            }
            SigningKey key;
            try {
                key = keys.loadSigningKey(id);
            } catch (IOException e) {
                return e.getMessage();
            }
            if (!key.verifyingKey().equals(configured.get(id))) {
                return "node " + id + "'s private key " + file + " does not match nodes.list[" + id
                        + "].publicKey (its public key is " + key.verifyingKey().hex() + ")";
            }
        }
        return null;
    }
}
