package org.bftswarm.node.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.bftswarm.crypto.VerifyingKey;

/**
 * Resolves the {@code clients:} section into {@link ClientEntry} records in configuration order.
 * Rules: every entry has a {@code name} matching {@link ClientEntry#NAME}, unique in the list; a
 * {@code publicKey} of 64 hex characters that is an admissible Ed25519 point (see {@link
 * VerifyingKey#of(byte[])}), not shared with another entry (a key identifies one client); and a
 * {@code role} among {@link ClientEntry#ROLES}. Each problem is reported at the field path, e.g.
 * {@code clients[1].role}; entries with a problem are left out. Pure: no I/O.
 */
final class ClientsResolver {
    private final BiConsumer<String, String> error;

    private ClientsResolver(BiConsumer<String, String> error) {
        this.error = error;
    }

    /** The valid entries of {@code given} (null = no section); {@code error} receives (path, message). */
    static List<ClientEntry> resolve(List<ConfigDocument.Client> given, BiConsumer<String, String> error) {
        return given == null ? List.of() : new ClientsResolver(error).entries(given);
    }

    private List<ClientEntry> entries(List<ConfigDocument.Client> given) {
        List<ClientEntry> entries = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            ConfigDocument.Client client = given.get(i);
            String path = LocatedTree.element("clients", i);
            String name = name(client.name(), path, names, i);
            String key = publicKey(client.publicKey(), path, name, keys, given, i);
            String role = role(client.role(), path, name);
            if (name != null && key != null && role != null) {
                entries.add(new ClientEntry(name, key, role));
            }
        }
        return List.copyOf(entries);
    }

    private String name(String name, String path, Map<String, Integer> seen, int index) {
        String at = LocatedTree.child(path, "name");
        if (name == null) {
            error.accept(at, "missing: every client needs a `name`, e.g. `name: alice`");
            return null;
        }
        if (!ClientEntry.isValidName(name)) {
            error.accept(
                    at,
                    "\"" + name + "\" is not a valid client name: use 1-32 lower-case letters, digits, '_' or '-',"
                            + " starting with a letter or digit");
            return null;
        }
        Integer earlier = seen.putIfAbsent(name, index);
        if (earlier != null) {
            error.accept(
                    at, "client \"" + name + "\" is already defined at clients[" + earlier + "]: names are unique");
            return null;
        }
        return name;
    }

    private String publicKey(
            String hex,
            String path,
            String name,
            Map<String, Integer> seen,
            List<ConfigDocument.Client> all,
            int index) {
        String at = LocatedTree.child(path, "publicKey");
        String who = name != null ? "client \"" + name + "\"" : "this client";
        if (hex == null) {
            error.accept(
                    at, "missing: " + who + " needs a `publicKey` (64 hex characters; `./bftswarm client keygen`)");
            return null;
        }
        if (hex.length() != 2 * VerifyingKey.LENGTH || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            error.accept(
                    at,
                    "the public key of " + who + " must be " + 2 * VerifyingKey.LENGTH + " hex characters (got "
                            + hex.length() + " characters"
                            + (hex.length() == 2 * VerifyingKey.LENGTH ? ", not all hex" : "")
                            + ")");
            return null;
        }
        String normalised;
        try {
            normalised = VerifyingKey.fromHex(hex).hex();
        } catch (IllegalArgumentException e) {
            error.accept(
                    at,
                    "the public key of " + who + " is not a valid Ed25519 public key (off the curve, non-canonical"
                            + " or of small order)");
            return null;
        }
        Integer earlier = seen.putIfAbsent(normalised, index);
        if (earlier != null) {
            String other = all.get(earlier).name();
            error.accept(
                    at,
                    who + " has the same public key as clients[" + earlier + "]"
                            + (other != null ? " (\"" + other + "\")" : "") + ": every client needs its own key");
            return null;
        }
        return normalised;
    }

    private String role(String role, String path, String name) {
        String at = LocatedTree.child(path, "role");
        String choices = String.join(", ", ClientEntry.ROLES);
        if (role == null) {
            error.accept(
                    at,
                    "missing: " + (name != null ? "client \"" + name + "\"" : "every client") + " needs a"
                            + " `role`, one of " + choices);
            return null;
        }
        if (!ClientEntry.ROLES.contains(role)) {
            error.accept(at, "must be one of " + choices + " (got \"" + role + "\")");
            return null;
        }
        return role;
    }
}
