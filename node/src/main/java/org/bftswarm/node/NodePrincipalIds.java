package org.bftswarm.node;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.orchestrator.NodePrincipals;

/**
 * Which principal ids node {@code i} signs with, all under its one node key (the
 * scheme the orchestrator's {@code NodePrincipals} authorises): replica {@code i}; client
 * {@code 1000 + i} for its worker's reports and liveness operations; and a pool of {@value #API_POOL_SIZE}
 * client ids {@code 10000 + 64·i + k} for API submissions, because a PBFT client has one request outstanding
 * at a time. Every replica derives the same registry from the same node keys, so the mapping is a
 * deterministic function of the key files.
 */
public final class NodePrincipalIds {
    /** First client id of node principals ({@code 1000 + i}), as the scheduler expects. */
    public static final int NODE_CLIENT_BASE = 1000;
    /** First id of the API client pools (the scheduler's definition). */
    public static final int API_POOL_BASE = NodePrincipals.API_POOL_BASE;
    /** Id stride between two nodes' API pools. */
    public static final int API_POOL_STRIDE = NodePrincipals.API_POOL_STRIDE;
    /** Client ids per node for API submissions. */
    public static final int API_POOL_SIZE = NodePrincipals.API_POOL_SIZE;

    private NodePrincipalIds() {}

    /** The client id node {@code node}'s worker reports with. */
    public static int nodeClientId(int node) {
        checkNode(node);
        return NODE_CLIENT_BASE + node;
    }

    /** The {@code k}-th API client id of node {@code node}. */
    public static int apiClientId(int node, int k) {
        checkNode(node);
        Invariants.check(k >= 0 && k < API_POOL_SIZE, "API pool index %s outside 0..%s", k, API_POOL_SIZE - 1);
        return NodePrincipals.apiClientId(node, k);
    }

    /** The node whose key signs for {@code principal}, if the principal is one of the derived ids. */
    public static OptionalInt ownerOf(int principal, int n) {
        if (principal >= 0 && principal < n) {
            return OptionalInt.of(principal);
        }
        if (principal >= NODE_CLIENT_BASE && principal < NODE_CLIENT_BASE + n) {
            return OptionalInt.of(principal - NODE_CLIENT_BASE);
        }
        return NodePrincipals.apiPoolOwner(principal, n);
    }

    /**
     * The registry every replica and client uses: each node key under all of that node's ids, plus
     * {@code extraClients} (client keys from files) except those whose id is reserved here.
     */
    public static KeyRegistry registry(List<VerifyingKey> nodeKeys, Map<Integer, VerifyingKey> extraClients) {
        int n = nodeKeys.size();
        Invariants.check(n >= 1 && API_POOL_BASE + API_POOL_STRIDE * n < Integer.MAX_VALUE, "bad node count %s", n);
        TreeMap<Integer, VerifyingKey> keys = new TreeMap<>();
        extraClients.forEach((id, key) -> {
            if (id >= KeyRegistry.FIRST_CLIENT_ID && ownerOf(id, n).isEmpty()) {
                keys.put(id, key);
            }
        });
        for (int node = 0; node < n; node++) {
            VerifyingKey key = nodeKeys.get(node);
            keys.put(node, key);
            keys.put(nodeClientId(node), key);
            for (int k = 0; k < API_POOL_SIZE; k++) {
                keys.put(apiClientId(node, k), key);
            }
        }
        return KeyRegistry.of(keys);
    }

    /** Only the replica keys 0..n-1 (what the CRDT store verifies entries against). */
    public static KeyRegistry nodeRegistry(List<VerifyingKey> nodeKeys) {
        TreeMap<Integer, VerifyingKey> keys = new TreeMap<>();
        for (int node = 0; node < nodeKeys.size(); node++) {
            keys.put(node, nodeKeys.get(node));
        }
        return KeyRegistry.of(keys);
    }

    private static void checkNode(int node) {
        Invariants.check(node >= 0 && node < KeyRegistry.FIRST_CLIENT_ID, "node id %s outside 0..999", node);
    }
}
