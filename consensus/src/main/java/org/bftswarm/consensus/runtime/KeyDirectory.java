package org.bftswarm.consensus.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.crypto.VerifyingKey;

/**
 * A directory of Ed25519 keys, one pair per principal: {@code <id>.pub} (hex public key, shared with
 * everyone) and {@code <id>.seed} (hex private seed, only on the principal's own host). Replicas are
 * 0..n-1, clients 1000 and up (common brief: principal ids).
 */
public final class KeyDirectory {
    private final Path dir;

    public KeyDirectory(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Writes fresh key pairs for replicas 0..n-1 and clients 1000..1000+clients-1. */
    public static KeyDirectory generate(Path dir, int replicas, int clients, SecureRandom random) throws IOException {
        Files.createDirectories(dir);
        KeyDirectory kd = new KeyDirectory(dir);
        for (int id = 0; id < replicas; id++) {
            kd.write(id, SigningKey.generate(random));
        }
        for (int c = 0; c < clients; c++) {
            kd.write(KeyRegistry.FIRST_CLIENT_ID + c, SigningKey.generate(random));
        }
        return kd;
    }

    private void write(int id, SigningKey key) throws IOException {
        HexFormat hex = HexFormat.of();
        Files.writeString(dir.resolve(id + ".pub"), hex.formatHex(key.verifyingKey().bytes()) + "\n");
        Files.writeString(dir.resolve(id + ".seed"), hex.formatHex(key.seed()) + "\n");
    }

    /** The private key of {@code id}; IOException naming the file when missing or not 32 hex bytes. */
    public SigningKey signingKey(int id) throws IOException {
        Path f = dir.resolve(id + ".seed");
        return SigningKey.fromSeed(readHex32(f));
    }

    /** Every {@code <id>.pub} in the directory. */
    public KeyRegistry registry() throws IOException {
        Map<Integer, VerifyingKey> keys = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.pub")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                int id;
                try {
                    id = Integer.parseInt(name.substring(0, name.length() - 4));
                } catch (NumberFormatException e) {
                    throw new IOException("unexpected key file name " + f);
                }
                keys.put(id, VerifyingKey.of(readHex32(f)));
            }
        }
        if (keys.isEmpty()) {
            throw new IOException("no *.pub key files in " + dir);
        }
        return KeyRegistry.of(keys);
    }

    private static byte[] readHex32(Path f) throws IOException {
        String text = Files.readString(f, StandardCharsets.UTF_8).trim();
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException e) {
            throw new IOException(f + ": not hex");
        }
        if (raw.length != 32) {
            throw new IOException(f + ": expected 32 bytes, got " + raw.length);
        }
        return raw;
    }
}
