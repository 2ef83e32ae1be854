package org.bftswarm.deploy.launcher;

import org.bftswarm.crypto.Invariants;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.node.config.ClientEntry;

/** A client's name (as in the {@code clients:} section) and the private key it signs its operations with. */
public record ClientKey(String name, SigningKey key) {

    public ClientKey {
        Invariants.check(ClientEntry.isValidName(name), "bad client name %s", name);
        Invariants.check(key != null, "client %s has no key", name);
    }
}
