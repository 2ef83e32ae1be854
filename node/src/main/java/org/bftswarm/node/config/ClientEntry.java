package org.bftswarm.node.config;

import java.util.List;
import java.util.regex.Pattern;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.VerifyingKey;

/**
 * One client identity of the {@code clients:} section: a name (1-32 of lower-case letters, digits,
 * '_' and '-', starting with a letter or digit), the 64 hex characters of its Ed25519 public key,
 * and its role ({@code admin}, {@code submitter} or {@code reader}). The public key is stored in
 * lower case; which operations each role may sign is the scheduler's rule, checked on operations the
 * client signed itself.
 */
public record ClientEntry(String name, String publicKeyHex, String role) {

    public static final String ADMIN = "admin";
    public static final String SUBMITTER = "submitter";
    public static final String READER = "reader";
    /** Every role, strongest first. */
    public static final List<String> ROLES = List.of(ADMIN, SUBMITTER, READER);

    /** What a client name must look like. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public ClientEntry {
        Invariants.check(name != null && isValidName(name), "bad client name %s", name);
        Invariants.check(
                publicKeyHex != null && publicKeyHex.length() == 2 * VerifyingKey.LENGTH,
                "client %s: public key is not %d hex characters",
                name,
                2 * VerifyingKey.LENGTH);
        Invariants.check(ROLES.contains(role), "client %s: unknown role %s", name, role);
    }

    /** True when {@code name} may name a client. */
    public static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    /** The client's public key (admitted when the configuration was resolved). */
    public VerifyingKey publicKey() {
        return VerifyingKey.fromHex(publicKeyHex);
    }
}
