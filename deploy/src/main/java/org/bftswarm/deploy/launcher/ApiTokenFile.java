package org.bftswarm.deploy.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The cluster's API bearer token in {@code <dataDir>/api-token} (every API
 * write needs it). Made once, 256 random bits in URL-safe base64, in a file readable by
 * its owner only (0600); kept across {@code down}/{@code up} so scripts keep working.
 */
public final class ApiTokenFile {
    static final int TOKEN_BYTES = 32;

    private ApiTokenFile() {}

    /** Returns the token in {@code file}, making the file first when it does not exist. */
    public static String ensure(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            byte[] raw = new byte[TOKEN_BYTES];
            random.nextBytes(raw);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException raced) {
                // another `up` made it first: use theirs
            }
        }
        return read(file);
    }

    /** Reads the token; a clear {@link IOException} when the file is missing or empty. */
    public static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(
                    "no API token at " + file + " (run `./bftswarm up` first, with the same --config/--data)");
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new IOException("API token file " + file + " is empty; delete it and run `./bftswarm up`");
        }
        return token;
    }
}
