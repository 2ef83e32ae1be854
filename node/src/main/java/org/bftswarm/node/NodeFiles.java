package org.bftswarm.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bftswarm.crypto.KeyDirectory;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/**
 * The on-disk layout a node reads, shared with the launcher ({@code bftswarm up} makes the keys
 * and the token once, nodes only read them, so they never race): {@code D/keys/node-<i>.key|.pub}
 * (crypto {@link KeyDirectory}), {@code D/api-token}, and the node's own directory
 * {@code D/node-<i>/} with the consensus log ({@code consensus.journal}, {@code consensus.checkpoint.db}),
 * {@code state.db} and {@code logs/}.
 */
public record NodeFiles(Path dataDir, int nodeId) {
    public static final String KEYS = "keys";
    public static final String API_TOKEN = "api-token";

    public Path keysDir() {
        return dataDir.resolve(KEYS);
    }

    public Path tokenFile() {
        return dataDir.resolve(API_TOKEN);
    }

    public Path nodeDir() {
        return dataDir.resolve("node-" + nodeId);
    }

    /** Base path of the consensus log (the log adds its own extensions). */
    public Path consensusLog() {
        return nodeDir().resolve("consensus");
    }

    public Path stateFile() {
        return nodeDir().resolve("state.db");
    }

    /** What a node loads before it starts: its key, every node's public key, client keys, the token. */
    public record Loaded(
            SigningKey signingKey,
            List<VerifyingKey> nodeKeys,
            Map<Integer, VerifyingKey> clientKeys,
            String apiToken) {}

    /** Loads keys and token, failing with a message that names the missing or bad file. */
    public Loaded load(int n) {
        return load(n, Optional.empty());
    }

    /**
     * The same, with every node's public key from the configuration when it carries them: then this
     * node reads only its own private key (which must match its configured public key) and no other
     * node's key file; otherwise every node's {@code .pub} file is read from the key directory.
     */
    public Loaded load(int n, Optional<List<VerifyingKey>> configuredNodeKeys) {
        KeyDirectory keys = KeyDirectory.at(keysDir());
        requireFile(keys.privateKeyFile(nodeId), "private key of node " + nodeId);
        SigningKey signing;
        List<VerifyingKey> nodeKeys = new ArrayList<>();
        Map<Integer, VerifyingKey> clients = new TreeMap<>();
        try {
            signing = keys.loadSigningKey(nodeId);
            if (configuredNodeKeys.isPresent()) {
                nodeKeys.addAll(configuredNodeKeys.get());
            } else {
                for (int i = 0; i < n; i++) {
                    requireFile(keys.publicKeyFile(i), "public key of node " + i);
                    nodeKeys.add(keys.loadVerifyingKey(i));
                }
            }
            clients.putAll(keys.loadClientKeys());
        } catch (IOException | RuntimeException e) {
            throw new NodeStartupException("cannot load keys from " + keysDir() + ": " + e.getMessage(), e);
        }
        if (nodeKeys.size() != n) {
            throw new NodeStartupException(
                    "the configuration carries " + nodeKeys.size() + " node keys for " + n + " nodes");
        }
        if (!signing.verifyingKey().equals(nodeKeys.get(nodeId))) {
            throw new NodeStartupException(
                    configuredNodeKeys.isPresent()
                            ? "the private key " + keys.privateKeyFile(nodeId) + " does not match nodes.list[" + nodeId
                                    + "].publicKey in the configuration (its public key is "
                                    + signing.verifyingKey().hex()
                                    + ")"
                            : keys.publicKeyFile(nodeId) + " does not match " + keys.privateKeyFile(nodeId));
        }
        requireFile(tokenFile(), "API token");
        String token;
        try {
            token = Files.readString(tokenFile(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new NodeStartupException("cannot read API token " + tokenFile() + ": " + e.getMessage(), e);
        }
        if (token.isEmpty()) {
            throw new NodeStartupException("API token file " + tokenFile() + " is empty");
        }
        return new Loaded(signing, List.copyOf(nodeKeys), clients, token);
    }

    private void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new NodeStartupException("missing " + what + ": " + file
                    + " (run `./bftswarm up` once with the same --config/--data; it creates keys and the API token;"
                    + " on a host of its own, `./bftswarm keygen --node " + nodeId + "` makes this node's key)");
        }
    }
}
