package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.crypto.KeyDirectory;
import org.bftswarm.crypto.KeyFiles;
import org.bftswarm.crypto.VerifyingKey;

/** Every node's public key from the cluster's key directory, by node id: what a client checks answers with. */
public final class NodeKeys {
    private NodeKeys() {}

    public static List<VerifyingKey> load(ClusterTarget target) throws IOException {
        KeyDirectory keys = KeyDirectory.at(target.layout().keysDir());
        List<VerifyingKey> out = new ArrayList<>();
        for (int i = 0; i < target.config().n(); i++) {
            out.add(KeyFiles.readPublic(keys.publicKeyFile(i)));
        }
        return out;
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
