package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bftswarm.crypto.KeyDirectory;
import org.bftswarm.crypto.KeyFiles;
import org.bftswarm.crypto.VerifyingKey;

/** Every node's public key from the cluster's key directory, by node id: what a client checks answers with. */
public final class NodeKeys {
    private NodeKeys() {}

    /** The configuration's node keys when it carries them, else the key directory's {@code .pub} files. */
    public static List<VerifyingKey> load(ClusterTarget target) throws IOException {
        Optional<List<VerifyingKey>> configured = target.config().configuredNodeKeys();
        if (configured.isPresent()) {
            return configured.get();
        }
        KeyDirectory keys = KeyDirectory.at(target.layout().keysDir());
        List<VerifyingKey> out = new ArrayList<>();
        for (int i = 0; i < target.config().n(); i++) {
            out.add(KeyFiles.readPublic(keys.publicKeyFile(i)));
        }
        return out;
    }

    /**
     * The check of a signed write's answer against f+1 replicas' reply certificates; the keys are loaded
     * only when an answer is checked.
     */
    public static ApiClient.WriteCheck writes(ClusterTarget target) {
        return (jobId, answer) -> {
            List<VerifyingKey> keys;
            try {
                keys = load(target);
            } catch (IOException e) {
                return Optional.of("cannot load the node keys to check the answer: " + e.getMessage());
            }
            return new WriteCertificateCheck(
                            target.config().swarm(), target.config().f(), keys)
                    .problem(jobId, answer);
        };
    }

    /** Verified reads of {@code target} through {@code api}, accepting what f+1 nodes sign. */
    public static VerifiedReads reads(ClusterTarget target, ApiClient api) {
        return new VerifiedReads(
                api,
                target.config().swarm(),
                () -> load(target),
                target.config().f());
    }
}
