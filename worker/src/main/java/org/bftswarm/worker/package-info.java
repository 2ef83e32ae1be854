/**
 * The node agent's Docker side: running the task attempts the replicated scheduler placed on this node.
 *
 * <p>{@link ContainerRunner} turns a {@link TaskLaunch}
 * (one attempt the local replica assigns to this node) into an auto-removing container with
 * labels {@code bftswarm.swarm/.node/.task/.attempt}, CPU and memory limits and network
 * {@code none} by default; it captures exit code and output before auto-removal, kills on timeout
 * or request, and reports to a {@link TaskObserver} a
 * {@link TaskOutcome} carrying at most 64 KiB of output plus the SHA-256 of
 * all of it. Full logs stay on the node in a bounded {@link TaskLogStore}. A launch's stdin (a data
 * job's slice) is written by a {@link StdinFeed} and then closed, so the process reads end of file.
 * On start, the {@link Reconciler} adopts labelled containers still assigned
 * here and kills the rest ({@link ReconcilePlan} decides, purely); an adopted container's stdin is
 * not sent again. No image is
 * ever pulled: a missing one fails the attempt with {@code IMAGE_MISSING}.
 *
 * <p>The agent decides nothing about placement: what to run comes from the replicated scheduler.
 */
package org.bftswarm.worker;
