package org.bftswarm.orchestrator;

import java.util.OptionalInt;
import org.bftswarm.orchestrator.clients.ClientRole;

/**
 * Who an operation comes from, as the scheduler authorises it: the authenticated consensus client id
 * and, for an operation a user signed end to end, that client's name and role.
 */
record Requester(int clientId, String client, ClientRole role) {

    static Requester consensusClient(int clientId) {
        return new Requester(clientId, null, null);
    }

    boolean signed() {
        return client != null;
    }

    /** {@code client:NAME}, {@code token@NODE} (a node's API on behalf of a bearer token), {@code node N}. */
    String label(NodePrincipals principals) {
        if (signed()) {
            return "client:" + client;
        }
        OptionalInt apiOwner = NodePrincipals.apiPoolOwner(clientId, principals.clusterSize());
        if (apiOwner.isPresent()) {
            return "token@" + apiOwner.getAsInt();
        }
        OptionalInt node = principals.nodeOf(clientId);
        return node.isPresent() ? "node " + node.getAsInt() : "client " + clientId;
    }
}
