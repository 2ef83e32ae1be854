package org.bftswarm.sim;

import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.Reply;

/**
 * One closed-loop client of the scheduler simulation (a user or a node's worker): it submits one
 * operation at a time through its own PBFT client and hears the f+1-accepted reply.
 */
abstract class SimActor {
    final int clientId;
    /** The operation in flight and whether it is a deliberate lie (Byzantine worker). */
    Operation outstanding;

    boolean outstandingBogus;

    SimActor(int clientId) {
        this.clientId = clientId;
    }

    /** The next operation to submit now, or null. Sets {@link #outstandingBogus} for lies. */
    abstract Operation next(SimContext ctx);

    /** The accepted reply to {@code op}. */
    abstract void accepted(SimContext ctx, Operation op, Reply reply);

    /** True when nothing this actor still owes could change what the checkers count. */
    abstract boolean settled(SimContext ctx);

    abstract String progress();
}
