package org.bftswarm.node.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.crypto.KeyFiles;
import org.bftswarm.crypto.VerifyingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client identities every replica authorises signed operations against: the configuration's
 * {@code clients:} plus, when the file {@code <dataDir>/clients/admin.pub} exists (written once by
 * {@code ./bftswarm up}), a client {@code {name: admin, role: admin}} with that key. When the
 * configuration already names a client {@code admin}, or gives that key to another client, the file
 * is ignored (with a warning) and the configuration wins. Keyed by name in a {@link TreeMap}, so iteration is
 * deterministic.
 *
 * <p>Rule: every node must see the same registry, since replicas that disagree on a client's key or
 * role would disagree on whether its operation executes. All nodes started by one {@code up} share
 * the data directory and so the admin key file; a cluster spread over several hosts must list its
 * clients (its admin too) in the configuration instead.
 */
public final class ClientRegistry {
    /** The directory under the cluster's data directory that holds client key files. */
    public static final String CLIENTS_DIR = "clients";
    /** The name (and role) of the local administrator made by {@code up}. */
    public static final String ADMIN = ClientEntry.ADMIN;
    /** The public key file of the local administrator, relative to the data directory. */
    public static final Path ADMIN_PUBLIC_KEY = Path.of(CLIENTS_DIR, ADMIN + ".pub");

    private static final Logger LOG = LoggerFactory.getLogger(ClientRegistry.class);

    private ClientRegistry() {}

    /**
     * The registry of a cluster whose data directory (the one holding {@code keys/} and
     * {@code node-<i>/}) is {@code dataDir}. Throws when the admin key file exists but does not hold a
     * valid public key, so a node never starts with a registry its peers may not share.
     */
    public static SortedMap<String, ClientEntry> load(ClusterConfig config, Path dataDir) throws IOException {
        SortedMap<String, ClientEntry> registry = new TreeMap<>();
        for (ClientEntry client : config.clients()) {
            registry.put(client.name(), client);
        }
        Path adminFile = dataDir.resolve(ADMIN_PUBLIC_KEY);
        if (Files.exists(adminFile)) {
            if (registry.containsKey(ADMIN)) {
                LOG.warn(
                        "the configuration names a client \"{}\", so the local admin key {} is ignored",
                        ADMIN,
                        adminFile);
            } else {
                VerifyingKey key = KeyFiles.readPublic(adminFile);
                String holder = holderOf(registry, key.hex());
                if (holder != null) {
                    LOG.warn(
                            "the local admin key {} is the key of configured client \"{}\"; ignored (a key"
                                    + " identifies one client)",
                            adminFile,
                            holder);
                } else {
                    registry.put(ADMIN, new ClientEntry(ADMIN, key.hex(), ClientEntry.ADMIN));
                }
            }
        }
        return Collections.unmodifiableSortedMap(registry);
    }

    private static String holderOf(SortedMap<String, ClientEntry> registry, String keyHex) {
        for (ClientEntry client : registry.values()) {
            if (client.publicKeyHex().equals(keyHex)) {
                return client.name();
            }
        }
        return null;
    }
}
