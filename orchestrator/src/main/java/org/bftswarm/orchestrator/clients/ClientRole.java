package org.bftswarm.orchestrator.clients;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user client may do: {@code admin} everything; {@code submitter} submit jobs, and cancel and
 * read the logs of its own; {@code reader} read only.
 */
public enum ClientRole {
    ADMIN,
    SUBMITTER,
    READER;

    public static Optional<ClientRole> parse(String name) {
        for (ClientRole r : values()) {
            if (r.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean maySubmit() {
        return this != READER;
    }

    /** May cancel (or read the logs of) a job submitted by {@code owner}, when this client is {@code self}. */
    public boolean mayManage(String self, String owner) {
        return this == ADMIN || (this == SUBMITTER && self.equals(owner));
    }
}
