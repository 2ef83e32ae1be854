package org.bftswarm.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks {@code Authorization: Bearer <token>} against the cluster's API token (every API write needs
 * it; the receiving node then signs the operation, so the caller trusts that node). Both sides are
 * hashed with SHA-256 and compared with {@link MessageDigest#isEqual}, so the time taken reveals
 * neither the token's content nor its length.
 */
final class BearerAuth {
    private static final String SCHEME = "bearer ";

    private final byte[] expectedDigest;

    BearerAuth(String token) {
        Objects.requireNonNull(token, "token");
        if (token.isBlank()) {
            throw new IllegalArgumentException("API token must not be blank");
        }
        this.expectedDigest = sha256(token);
    }

    /** True when the header carries the expected bearer token. */
    boolean allows(String authorizationHeader) {
        if (authorizationHeader == null
                || authorizationHeader.length() <= SCHEME.length()
                || !authorizationHeader
                        .substring(0, SCHEME.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(SCHEME)) {
            MessageDigest.isEqual(expectedDigest, sha256(""));
            return false;
        }
        String presented = authorizationHeader.substring(SCHEME.length()).trim();
        return MessageDigest.isEqual(expectedDigest, sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
