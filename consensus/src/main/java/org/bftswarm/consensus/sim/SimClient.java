package org.bftswarm.consensus.sim;

import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.core.ClientCore;

/** One simulated closed-loop client: its real {@link ClientCore} and the operation it has outstanding. */
final class SimClient {
    final int id;
    final ClientCore core;
    byte[] outstanding;
    /** The last request it signed, and one to re-send once idle (a duplicate of a completed request). */
    Signed last;

    Signed replay;

    SimClient(int id, ClientCore core) {
        this.id = id;
        this.core = core;
    }
}
