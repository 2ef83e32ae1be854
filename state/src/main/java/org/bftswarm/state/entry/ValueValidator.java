package org.bftswarm.state.entry;

import java.util.Optional;

/**
 * Schema check for the value of an authenticated entry (e.g. a heartbeat register must decode and
 * name its owner). Returns an error description, or empty when the value is acceptable.
 */
@FunctionalInterface
public interface ValueValidator {
    ValueValidator ACCEPT_ALL = entry -> Optional.empty();

    Optional<String> problem(SignedEntry entry);
}
