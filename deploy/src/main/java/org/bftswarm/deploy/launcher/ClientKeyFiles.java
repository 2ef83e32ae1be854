package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.bftswarm.crypto.KeyFileException;
import org.bftswarm.crypto.KeyFiles;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.node.config.ClientEntry;
import org.bftswarm.node.config.ClientRegistry;

/**
 * Client key files: {@code NAME.key} holds the Ed25519 seed (mode 0600, see {@link KeyFiles}) and
 * {@code NAME.pub} beside it the public key; the client's name is the file's name without
 * {@code .key}. By default they live in {@code <dataDir>/clients/}, where {@code up} makes the local
 * administrator's pair {@code admin.key}/{@code admin.pub} once. A key file readable by group or
 * others is refused, with the {@code chmod 600} fix in the message; no key file is ever overwritten.
 */
public final class ClientKeyFiles {
    public static final String PRIVATE_SUFFIX = ".key";
    public static final String PUBLIC_SUFFIX = ".pub";

    private ClientKeyFiles() {}

    /** Where the private key of client {@code name} is by default: {@code <dataDir>/clients/NAME.key}. */
    public static Path defaultPath(ClusterLayout layout, String name) {
        return layout.clientsDir().resolve(name + PRIVATE_SUFFIX);
    }

    /** The local administrator's private key file, {@code <dataDir>/clients/admin.key}. */
    public static Path adminKey(ClusterLayout layout) {
        return defaultPath(layout, ClientRegistry.ADMIN);
    }

    /** The public key file beside {@code keyFile}: {@code x.key} → {@code x.pub}, else {@code x} → {@code x.pub}. */
    public static Path publicPathFor(Path keyFile) {
        String file = keyFile.getFileName().toString();
        String stem = file.endsWith(PRIVATE_SUFFIX) ? file.substring(0, file.length() - PRIVATE_SUFFIX.length()) : file;
        return keyFile.resolveSibling(stem + PUBLIC_SUFFIX);
    }

    /** The client name a key file stands for: its file name without {@code .key}. */
    public static String nameOf(Path keyFile) {
        String file = keyFile.getFileName().toString();
        return file.endsWith(PRIVATE_SUFFIX) ? file.substring(0, file.length() - PRIVATE_SUFFIX.length()) : file;
    }

    /** Writes a new key pair for {@code keyFile} and its {@code .pub}; refuses when either exists. */
    public static SigningKey create(Path keyFile, SecureRandom random) throws IOException {
        Path publicFile = publicPathFor(keyFile);
        for (Path existing : new Path[] {keyFile, publicFile}) {
            if (Files.exists(existing)) {
                throw new KeyFileException(
                        existing, "key file " + existing + " already exists; refusing to overwrite it");
            }
        }
        Path parent = keyFile.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        SigningKey key = SigningKey.generate(random);
        KeyFiles.writePrivate(keyFile, key);
        KeyFiles.writePublic(publicFile, key.verifyingKey());
        return key;
    }

    /**
     * Makes the local administrator's key pair when its private key does not exist yet (true when it
     * was made now); rewrites a missing {@code admin.pub} from an existing {@code admin.key}.
     */
    public static boolean ensureAdmin(ClusterLayout layout, SecureRandom random) throws IOException {
        Path key = adminKey(layout);
        if (!Files.exists(key)) {
            create(key, random);
            return true;
        }
        if (!Files.exists(publicPathFor(key))) {
            KeyFiles.writePublic(publicPathFor(key), KeyFiles.readPrivate(key).verifyingKey());
        }
        return false;
    }

    /**
     * Loads a client's private key: its name from the file name, the key by {@link KeyFiles#readPrivate}
     * (which refuses group- or world-readable files). A file name that is not a valid client name is
     * refused too, since the cluster could not know the client.
     */
    public static ClientKey load(Path keyFile) throws IOException {
        String name = nameOf(keyFile);
        if (!ClientEntry.isValidName(name)) {
            throw new KeyFileException(
                    keyFile,
                    "client key file " + keyFile + ": \"" + name + "\" is not a client name (the file is NAME"
                            + PRIVATE_SUFFIX + ", NAME 1-32 lower-case letters, digits, '_' or '-')");
        }
        return new ClientKey(name, KeyFiles.readPrivate(keyFile));
    }

    /**
     * The key file the CLI signs with: {@code explicit} (from {@code --client-key}) when given, else the
     * local admin key when it exists.
     */
    public static Optional<Path> choose(Path explicit, ClusterLayout layout) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        Path admin = adminKey(layout);
        return Files.exists(admin) ? Optional.of(admin) : Optional.empty();
    }
}
