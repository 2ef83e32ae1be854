package org.bftswarm.consensus.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bftswarm.consensus.client.ReplyCertificate;
import org.bftswarm.consensus.client.ReplyChannel;
import org.bftswarm.consensus.codec.Codec;
import org.bftswarm.consensus.codec.Message;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.consensus.core.Effect;
import org.bftswarm.consensus.core.PersistOp;
import org.bftswarm.consensus.core.ReplicaConfig;
import org.bftswarm.consensus.storage.ReplicaLog;
import org.bftswarm.consensus.transport.Connection;
import org.bftswarm.consensus.transport.DropCounters;
import org.bftswarm.consensus.transport.PeerLink;
import org.bftswarm.crypto.RateLimitedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out core outboxes in the order CORE-API.md demands: first every {@code Persist} in one group
 * commit of the {@link ReplicaLog} (by default one append of CRC-framed records to the journal, plus a
 * MapDB transaction when a checkpoint becomes stable; commit before the message leaves: Castro
 * &amp; Liskov TOCS 2002, section 4.3), then sends in outbox order; client replies are MAC'd (reply
 * channel) or signed on the reply pool. It runs on its own thread with group commit: every outbox
 * queued while a commit was in progress shares the next commit, so the core thread never waits for
 * the disk and the commit rate does not cap the request rate. Messages still leave only after the
 * commit that covers them.
 */
final class EffectPerformer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EffectPerformer.class);
    private static final RateLimitedLog PROTOCOL_DROPS = new RateLimitedLog(LOG, 1_000);

    private final String swarm;
    private final ReplicaConfig config;
    private final ReplicaLog log;
    private final List<PeerLink> peers;
    private final InboundPipeline pipeline;
    private final ExecutorService replySigners;
    private final Consumer<String> events;
    private final DropCounters drops;
    private volatile long executedRequests;
    private volatile long stateTransfers;
    private volatile long lastTransferBytes;
    private long protocolDrops;
    private final BlockingQueue<List<Effect>> queue = new ArrayBlockingQueue<>(4_096);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private volatile long commits;
    private volatile long outboxes;

    EffectPerformer(
            String swarm,
            ReplicaConfig config,
            ReplicaLog log,
            List<PeerLink> peers,
            InboundPipeline pipeline,
            ExecutorService replySigners,
            Consumer<String> events,
            DropCounters drops) {
        this.swarm = swarm;
        this.config = config;
        this.log = log;
        this.peers = peers;
        this.pipeline = pipeline;
        this.replySigners = replySigners;
        this.events = events;
        this.drops = drops;
        this.thread = new Thread(this::run, "replica-" + config.id() + "-persist");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues one outbox (the list is taken over); blocks only when 4096 outboxes are already waiting. */
    void submit(List<Effect> effects) throws InterruptedException {
        if (failure != null) {
            throw new IllegalStateException("persistence failed", failure);
        }
        queue.put(effects);
    }

    private void run() {
        List<List<Effect>> batch = new ArrayList<>();
        try {
            while (running) {
                List<Effect> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                List<PersistOp> ops = new ArrayList<>();
                for (List<Effect> outbox : batch) {
                    for (Effect e : outbox) {
                        if (e instanceof Effect.Persist p) {
                            ops.add(p.op());
                        }
                    }
                }
                if (!ops.isEmpty()) {
                    log.apply(ops); // one commit for every queued outbox, before anything in them leaves
                    commits++;
                }
                for (List<Effect> outbox : batch) {
                    perform(outbox);
                }
                outboxes += batch.size();
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            failure = t;
            LOG.error("replica {}: persisting or sending failed; nothing more leaves this replica", config.id(), t);
        }
    }

    /** The persistence thread's fatal error, or null. */
    Throwable failure() {
        return failure;
    }

    long commits() {
        return commits;
    }

    long outboxes() {
        return outboxes;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void perform(List<Effect> effects) {
        for (Effect e : effects) {
            if (e instanceof Effect.Send s) {
                PeerLink link = s.to() >= 0 && s.to() < peers.size() ? peers.get(s.to()) : null;
                if (link != null) {
                    link.send(frame(s.message()));
                }
            } else if (e instanceof Effect.Broadcast b) {
                byte[] frame = frame(b.message());
                for (PeerLink link : peers) {
                    if (link != null) {
                        link.send(frame);
                    }
                }
            } else if (e instanceof Effect.SendReply r) {
                reply(r);
            } else if (e instanceof Effect.Executed x) {
                executedRequests += x.requests();
            } else if (e instanceof Effect.CheckpointTaken c) {
                events.accept("CHECKPOINT " + config.id() + " " + c.seq() + " "
                        + c.stateDigest().hex());
            } else if (e instanceof Effect.ViewInstalled v) {
                LOG.info("replica {} installed view {}", config.id(), v.view());
                events.accept("VIEW " + config.id() + " " + v.view());
            } else if (e instanceof Effect.StateInstalled st) {
                if (st.transferred()) {
                    stateTransfers++;
                    lastTransferBytes = st.snapshotBytes();
                    LOG.info(
                            "replica {} installed state at {} by state transfer: {} snapshot bytes in {} chunks",
                            config.id(),
                            st.seq(),
                            st.snapshotBytes(),
                            st.chunks());
                } else {
                    LOG.info(
                            "replica {} installed state at {} from its own checkpoint: {} snapshot bytes",
                            config.id(),
                            st.seq(),
                            st.snapshotBytes());
                }
                events.accept("STATE_INSTALLED " + config.id() + " " + st.seq() + " "
                        + st.stateDigest().hex());
            } else if (e instanceof Effect.Dropped d) {
                protocolDrops++;
                PROTOCOL_DROPS.warn(
                        "replica {}: protocol dropped a message from {}: {} ({} so far)",
                        config.id(),
                        d.sender(),
                        d.reason(),
                        protocolDrops);
            }
        }
    }

    private byte[] frame(Signed message) {
        return message.envelope(swarm).encode();
    }

    private void reply(Effect.SendReply r) {
        Connection c = pipeline.clientConnection(r.clientId());
        if (c == null || !c.isOpen()) {
            return; // the client retransmits to every replica; the reply is re-sent from the reply cache
        }
        ReplyChannel channel = pipeline.replyChannels().channel(c);
        try {
            if (channel != null) {
                replySigners.execute(() -> {
                    byte[] body = Codec.encodeBody(certified(r.reply())); // signed outside the channel lock
                    synchronized (channel) { // counter order == wire order
                        c.send(channel.seal(config.id(), body));
                    }
                });
            } else {
                replySigners.execute(
                        () -> c.send(frame(Signed.sign(swarm, config.key(), config.id(), certified(r.reply())))));
            }
        } catch (RejectedExecutionException shuttingDown) {
            // closing
        }
    }

    /** The reply with this replica's {@link ReplyCertificate} signature: transferable, unlike the channel MAC. */
    private Message.Reply certified(Message.Reply reply) {
        return reply.withSignature(ReplyCertificate.sign(swarm, config.id(), config.key(), reply));
    }

    long executedRequests() {
        return executedRequests;
    }

    /** Snapshots installed by state transfer (not from the replica's own checkpoint) so far. */
    long stateTransfers() {
        return stateTransfers;
    }

    /** Size of the snapshot the last state transfer installed, 0 before the first. */
    long lastTransferBytes() {
        return lastTransferBytes;
    }

    DropCounters drops() {
        return drops;
    }
}
