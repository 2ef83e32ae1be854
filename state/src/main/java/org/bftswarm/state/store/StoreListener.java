package org.bftswarm.state.store;

import org.bftswarm.state.entry.SignedEntry;

/** Notified after an entry was applied to the store; must not block (called on writer threads). */
@FunctionalInterface
public interface StoreListener {
    void applied(SignedEntry entry);
}
