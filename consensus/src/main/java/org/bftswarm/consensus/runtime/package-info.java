/**
 * The replica runtime: {@link ReplicaRuntime} wires the pure core to TCP,
 * the durable log (an append-only CRC-framed journal, stable checkpoints in MapDB) and the wall clock
 * with these threads: Netty I/O (framing only), a small
 * verification pool (envelope signature, swarm, sender, replay window, then the core's
 * {@code InboundVerifier} for roles and embedded signatures), ONE core thread (step and 1 ms ticks),
 * a persistence thread (group commit of all queued outboxes, then their sends, in order) and a reply
 * pool (reply MACs or signatures). {@link ReplicaMain} runs one replica
 * as a process; {@link ReplicaProcessCluster} starts several on
 * loopback; {@link ConsensusBench} measures them.
 */
package org.bftswarm.consensus.runtime;
