package org.bftswarm.consensus.sim;

import java.util.List;
import java.util.Set;
import org.bftswarm.consensus.api.ReplicatedStateMachine;

/**
 * What a simulated run replicates and what its clients do (the hash
 * chain for consensus alone; the orchestrator's tests plug in the scheduler with a fake executor).
 * The {@link Simulation} owns the network, the replicas, faults and every client's
 * {@code ClientCore}; a workload supplies the state machine each replica incarnation runs, decides what
 * each closed-loop client submits next and how it reacts to the accepted result, and judges at the
 * end what the run must have achieved. All randomness must come from {@link SimContext#random()} so
 * a seed replays exactly.
 */
public interface SimWorkload {

    /**
     * State-transfer chunk size the replicas use. The consensus-only runs use tiny 128-byte chunks so
     * that every transfer is multi-chunk; a workload with a larger state may need more (see the core's
     * restart-on-newer-checkpoint behaviour noted in the scheduler simulation's report).
     */
    default int stateChunkBytes() {
        return 128;
    }

    /** The largest snapshot the replicas accept by state transfer (1 MiB unless a workload's state needs more). */
    default int maxSnapshotBytes() {
        return 1 << 20;
    }

    /** Client ids (each at least {@code KeyRegistry.FIRST_CLIENT_ID}, distinct); fixed for the run. */
    List<Integer> clientIds();

    /** A fresh state machine for replica {@code replica}: at start and again at every restart. */
    ReplicatedStateMachine newStateMachine(int replica);

    /** Called once, after the replicas exist and before virtual time starts. */
    void start(SimContext ctx);

    /** Called once per step, before clients are polled (e.g. fake workers observe their replica). */
    default void step(SimContext ctx) {}

    /** The next operation client {@code clientId} submits now, or null; asked only when it is idle. */
    byte[] nextOperation(SimContext ctx, int clientId);

    /** Client {@code clientId} accepted {@code result} (f+1 matching replies) for {@code operation}. */
    void completed(SimContext ctx, int clientId, long requestNumber, byte[] operation, byte[] result);

    /** The network healed and every crashed replica restarted: from now on the liveness bound runs. */
    void healed(SimContext ctx);

    /** True when everything the workload expects has happened (checked only after healing). */
    boolean finished(SimContext ctx);

    /** Human-readable progress, printed when the liveness bound is missed. */
    String progress(SimContext ctx);

    /**
     * Whether the run, once finished, must also wait for every correct replica to reach the same last
     * executed seq and state digest (within the liveness bound after the heal), or fail for liveness.
     */
    default boolean replicasMustConverge() {
        return false;
    }

    /**
     * Replicas the workload cuts off from the other replicas now, also after the heal (clients still reach
     * them): a scripted partition on top of the scenario's random ones. Asked for every message between
     * replicas, so it must be cheap. None by default.
     */
    default Set<Integer> isolatedReplicas() {
        return Set.of();
    }

    /** Workload-specific safety violations found at the end of the run (empty when none). */
    default List<String> finalViolations(SimContext ctx) {
        return List.of();
    }
}
