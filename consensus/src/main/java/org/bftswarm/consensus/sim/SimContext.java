package org.bftswarm.consensus.sim;

import java.util.SplittableRandom;
import org.bftswarm.consensus.api.ReplicatedStateMachine;

/** What a {@link SimWorkload} may see of a running simulation: time, the seeded PRNG, replicas and clients. */
public interface SimContext {

    /** Virtual time in milliseconds. */
    long now();

    /** The run's one seeded PRNG. */
    SplittableRandom random();

    /** Number of replicas. */
    int n();

    /** True unless the replica is Byzantine. */
    boolean correct(int replica);

    /** The state machine of the replica's current incarnation, or null while it is crashed. */
    ReplicatedStateMachine stateMachine(int replica);

    /** Highest sequence number the replica has executed, or -1 while it is crashed. */
    long lastExecuted(int replica);

    /** True while the client has a request outstanding. */
    boolean busy(int clientId);

    /** True once the network has healed. */
    boolean healed();
}
