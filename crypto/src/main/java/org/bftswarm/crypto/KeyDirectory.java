package org.bftswarm.crypto;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.TreeMap;

/**
 * A directory of principal key files, used by the launcher to make each key once and by nodes to
 * load theirs. Layout: {@code node-<id>.key}/{@code node-<id>.pub} for node ids 0..n-1 and
 * {@code client-<id>.key}/{@code client-<id>.pub} for client ids (>= {@value KeyRegistry#FIRST_CLIENT_ID}),
 * in the {@link KeyFiles} format. The directory itself is created owner-only (0700).
 */
public final class KeyDirectory {
    private final Path dir;

    private KeyDirectory(Path dir) {
        this.dir = dir;
    }

    /** A handle on {@code dir} (not created until keys are made). */
    public static KeyDirectory at(Path dir) {
        return new KeyDirectory(dir);
    }

    /** The directory. */
    public Path dir() {
        return dir;
    }

    /** Private key file of principal {@code id}. */
    public Path privateKeyFile(int id) {
        return dir.resolve(prefix(id) + id + ".key");
    }

    /** Public key file of principal {@code id}. */
    public Path publicKeyFile(int id) {
        return dir.resolve(prefix(id) + id + ".pub");
    }

    /**
     * Makes the key pair of {@code id} if its private key file is missing; (re)writes a missing
     * public file from the private key; checks an existing public file matches. Returns the key.
     */
    public SigningKey ensure(int id, SecureRandom random) throws IOException {
        createDirectory();
        Path priv = privateKeyFile(id);
        Path pub = publicKeyFile(id);
        SigningKey key;
        if (Files.exists(priv)) {
            key = KeyFiles.readPrivate(priv);
        } else {
            if (Files.exists(pub)) {
                throw new KeyFileException(
                        pub,
                        "public key " + pub + " exists without its private key " + priv
                                + "; remove it or restore the private key");
            }
            key = SigningKey.generate(random);
            KeyFiles.writePrivate(priv, key);
        }
        if (Files.exists(pub)) {
            VerifyingKey onDisk = KeyFiles.readPublic(pub);
            if (!onDisk.equals(key.verifyingKey())) {
                throw new KeyFileException(pub, "public key " + pub + " does not match private key " + priv);
            }
        } else {
            KeyFiles.writePublic(pub, key.verifyingKey());
        }
        return key;
    }

    /** Ensures keys for node ids 0..n-1 (making only the missing ones) and returns their registry. */
    public KeyRegistry ensureNodes(int n, SecureRandom random) throws IOException {
        if (n < 1 || n >= KeyRegistry.FIRST_CLIENT_ID) {
            throw new IllegalArgumentException(
                    "node count must be 1.." + (KeyRegistry.FIRST_CLIENT_ID - 1) + ", got " + n);
        }
        TreeMap<Integer, VerifyingKey> keys = new TreeMap<>();
        for (int id = 0; id < n; id++) {
            keys.put(id, ensure(id, random).verifyingKey());
        }
        return KeyRegistry.of(keys);
    }

    /** Loads the private key of {@code id} (permission-checked). */
    public SigningKey loadSigningKey(int id) throws IOException {
        return KeyFiles.readPrivate(privateKeyFile(id));
    }

    /** Loads the public key of {@code id}. */
    public VerifyingKey loadVerifyingKey(int id) throws IOException {
        return KeyFiles.readPublic(publicKeyFile(id));
    }

    /** Registry of the public keys of nodes 0..n-1 plus every {@code client-<id>.pub} in the directory. */
    public KeyRegistry loadRegistry(int n) throws IOException {
        TreeMap<Integer, VerifyingKey> keys = new TreeMap<>();
        for (int id = 0; id < n; id++) {
            keys.put(id, loadVerifyingKey(id));
        }
        keys.putAll(loadClientKeys());
        return KeyRegistry.of(keys);
    }

    /** Every {@code client-<id>.pub} in the directory by client id (none when the directory is missing). */
    public Map<Integer, VerifyingKey> loadClientKeys() throws IOException {
        TreeMap<Integer, VerifyingKey> keys = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (name.matches("client-[0-9]{1,9}\\.pub")) {
                    int id = Integer.parseInt(name.substring("client-".length(), name.length() - ".pub".length()));
                    if (id >= KeyRegistry.FIRST_CLIENT_ID) {
                        keys.put(id, KeyFiles.readPublic(p));
                    }
                }
            }
        }
        return keys;
    }

    private void createDirectory() throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(
                    dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
    }

    private static String prefix(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("principal ids are non-negative, got " + id);
        }
        return KeyRegistry.isNodeId(id) ? "node-" : "client-";
    }
}
