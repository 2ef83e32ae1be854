package org.bftswarm.consensus.sim;

import org.bftswarm.consensus.core.ClientCore;

/** One simulated closed-loop client. */
final class SimClient {
    final int id;
    final ClientCore core;
    long completed;
    long target = Long.MAX_VALUE;
    long nextSubmitAt;
    long submittedAt;

    SimClient(int id, ClientCore core) {
        this.id = id;
        this.core = core;
    }

    boolean finished() {
        return completed >= target;
    }
}
