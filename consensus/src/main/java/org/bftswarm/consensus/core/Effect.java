package org.bftswarm.consensus.core;

import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;

/**
 * What the replica core asks its runtime to do (etcd-raft style "Ready" outbox). Contract: every
 * {@link Persist} in an outbox is durable before any {@link Send}, {@link Broadcast} or
 * {@link SendReply} of the same outbox is performed; sends keep outbox order per destination.
 */
public sealed interface Effect {
    /** Send to one replica. */
    record Send(int to, Signed message) implements Effect {}

    /** Send to every other replica. */
    record Broadcast(Signed message) implements Effect {}

    /** Make durable (see {@link DurableStore}). */
    record Persist(PersistOp op) implements Effect {}

    /** Deliver a reply to a client; the runtime authenticates it (signature or authenticated channel). */
    record SendReply(int clientId, Message.Reply reply) implements Effect {}

    /** Informational: batch seq was executed. */
    record Executed(long seq, long view, Digest batchDigest, int requests) implements Effect {}

    /** Informational: a checkpoint was taken at seq with this state digest. */
    record CheckpointTaken(long seq, Digest stateDigest) implements Effect {}

    /** Informational: a view became active. */
    record ViewInstalled(long view) implements Effect {}

    /**
     * Informational: a certified snapshot of {@code snapshotBytes} was verified and installed, fetched by
     * state transfer in {@code chunks} chunks, or (chunks 0) the replica's own copy taken before a restart.
     */
    record StateInstalled(long seq, Digest stateDigest, int snapshotBytes, int chunks) implements Effect {
        /** True when the snapshot came from other replicas, not from this replica's own checkpoint. */
        public boolean transferred() {
            return chunks > 0;
        }
    }

    /** Informational: a verified message was dropped by protocol rules (count and log, rate-limited). */
    record Dropped(int sender, String reason) implements Effect {}
}
