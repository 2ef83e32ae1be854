package org.bftswarm.orchestrator.clients;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.VerifyingKey;

/**
 * Who may sign operations, identical on every replica: the swarm name signatures are bound to, each
 * client's public key and role, and whether operations signed by a node on behalf of a bearer-token
 * holder are accepted at all. Keys are parsed once, here.
 */
public final class ClientPolicy {
    /** One known client: its public key (64 hex digits) and role. */
    public record Client(String publicKeyHex, ClientRole role) {}

    private final String swarm;
    private final SortedMap<String, Client> clients;
    private final Map<String, VerifyingKey> keys;
    private final boolean allowToken;

    public ClientPolicy(String swarm, SortedMap<String, Client> clients, boolean allowToken) {
        Invariants.check(swarm != null && !swarm.isEmpty(), "client policy without a swarm name");
        this.swarm = swarm;
        this.clients = Collections.unmodifiableSortedMap(new TreeMap<>(clients));
        TreeMap<String, VerifyingKey> parsed = new TreeMap<>();
        this.clients.forEach((name, c) -> parsed.put(name, VerifyingKey.fromHex(c.publicKeyHex())));
        this.keys = Collections.unmodifiableMap(parsed);
        this.allowToken = allowToken;
    }

    /** No clients, tokens allowed: every write comes through a node. */
    public static ClientPolicy none(String swarm) {
        return new ClientPolicy(swarm, new TreeMap<>(), true);
    }

    public String swarm() {
        return swarm;
    }

    public SortedMap<String, Client> clients() {
        return clients;
    }

    public boolean allowToken() {
        return allowToken;
    }

    public Optional<ClientRole> roleOf(String client) {
        return Optional.ofNullable(clients.get(client)).map(Client::role);
    }

    public Optional<VerifyingKey> keyOf(String client) {
        return Optional.ofNullable(keys.get(client));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientPolicy p
                && p.swarm.equals(swarm)
                && p.clients.equals(clients)
                && p.allowToken == allowToken;
    }

    @Override
    public int hashCode() {
        return swarm.hashCode() * 31 + clients.hashCode() + (allowToken ? 1 : 0);
    }

    @Override
    public String toString() {
        return "ClientPolicy[swarm=" + swarm + ", clients=" + clients.keySet() + ", allowToken=" + allowToken + "]";
    }
}
