package org.bftswarm.consensus.client;

import org.bftswarm.crypto.Invariants;

/**
 * Client timing: first retransmission after {@code retransmitMinMillis}, doubling up to
 * {@code retransmitMaxMillis}; the whole invocation fails with {@link ConsensusTimeoutException}
 * after {@code invokeTimeoutMillis} (a PBFT client retransmits until
 * f+1 replicas answer alike: Castro &amp; Liskov, OSDI '99, section 4.1).
 */
public record ClientOptions(long retransmitMinMillis, long retransmitMaxMillis, long invokeTimeoutMillis) {
    public ClientOptions {
        Invariants.check(
                retransmitMinMillis >= 1 && retransmitMaxMillis >= retransmitMinMillis,
                "bad retransmit backoff %s..%s",
                retransmitMinMillis,
                retransmitMaxMillis);
        Invariants.check(
                invokeTimeoutMillis >= retransmitMinMillis, "invoke timeout %s too small", invokeTimeoutMillis);
    }

    public static ClientOptions defaults() {
        return new ClientOptions(1_000, 4_000, 30_000);
    }

    public ClientOptions withInvokeTimeout(long millis) {
        return new ClientOptions(retransmitMinMillis, retransmitMaxMillis, millis);
    }
}
