package org.bftswarm.consensus.runtime;

import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.consensus.client.ReplyChannel;
import org.bftswarm.consensus.codec.InboundVerifier;
import org.bftswarm.consensus.codec.SignatureCache;
import org.bftswarm.consensus.codec.Verified;
import org.bftswarm.consensus.core.Effect;
import org.bftswarm.consensus.core.PersistedState;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.consensus.core.Replica;
import org.bftswarm.consensus.core.ReplicaConfig;
import org.bftswarm.consensus.storage.ReplicaLog;
import org.bftswarm.consensus.transport.DropCounters;
import org.bftswarm.consensus.transport.EnvelopeGate;
import org.bftswarm.consensus.transport.FrameServer;
import org.bftswarm.consensus.transport.InboundDispatcher;
import org.bftswarm.consensus.transport.PeerLink;
import org.bftswarm.consensus.transport.Pipelines;
import org.bftswarm.crypto.EnvelopeVerifier;
import org.bftswarm.crypto.KeyRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one PBFT replica core against the real world (the thin runtime around the pure {@link Replica}):
 * TCP in and out, signature checks on a small pool, one core thread that steps verified messages and
 * ticks from the wall clock, and the outbox contract of CORE-API.md: all {@code Persist} effects of the
 * outboxes queued meanwhile go to the durable {@link ReplicaLog} in one group commit (by default one
 * append to a CRC-framed journal; a new stable checkpoint is a MapDB transaction) before any message
 * of those outboxes is sent. Replies
 * go back on the connection the client's request arrived on, authenticated by that connection's
 * {@link ReplyChannel} MAC when the client set one up, else signed; either way each reply carries the
 * replica's {@code ReplyCertificate} signature, so f+1 of them prove a result to a third party.
 */
public final class ReplicaRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplicaRuntime.class);
    private static final Object WAKE = new Object();
    /** Longest a restarted replica reports itself recovering (its log may hold a vote the cluster dropped). */
    private static final long RECOVERY_WAIT_MILLIS = 60_000;
    /** Recomputing the published state digest: when execution goes quiet, or every 10 s under load. */
    private final DigestRefresh digestRefresh = new DigestRefresh();

    private long recoveringTo;
    private long recoveryDeadline;

    private final ClusterSpec cluster;
    private final ReplicaConfig config;
    private final ReplicatedStateMachine stateMachine;
    private final ReplicaLog log;
    private final RuntimeSettings settings;
    private final Consumer<String> events;
    private final DropCounters drops;
    private final BlockingQueue<Object> coreQueue;
    private final EventLoopGroup loops;
    private final InboundDispatcher inbound;
    private final InboundPipeline pipeline;
    private final ExecutorService replySigners;
    private final List<PeerLink> peers = new ArrayList<>();
    private final EffectPerformer performer;
    private final Thread coreThread;
    private FrameServer server;
    private Replica core;
    private volatile boolean running;
    private volatile ReplicaStatus status;
    private volatile Throwable failure;

    public ReplicaRuntime(
            ClusterSpec cluster,
            ReplicaConfig config,
            ReplicatedStateMachine stateMachine,
            ReplicaLog log,
            RuntimeSettings settings,
            Consumer<String> events) {
        this.cluster = cluster;
        this.config = config;
        this.stateMachine = stateMachine;
        this.log = log;
        this.settings = settings;
        this.events = events;
        String name = "replica-" + config.id();
        this.drops = new DropCounters(name);
        this.coreQueue = new ArrayBlockingQueue<>(settings.transport().inboundQueueFrames());
        KeyRegistry keys = config.keys();
        EnvelopeGate gate = new EnvelopeGate(
                new EnvelopeVerifier(cluster.swarm(), keys),
                drops,
                sender -> sender < cluster.n(),
                100_000,
                settings.replayHorizonMillis());
        InboundVerifier verifier =
                new InboundVerifier(cluster.swarm(), keys, cluster.n(), new SignatureCache(200_000), config.id());
        this.pipeline = new InboundPipeline(
                gate,
                verifier,
                coreQueue,
                new ReplyChannelTable(cluster.swarm(), config.id(), config.key(), drops),
                new EnvelopeVerifier(cluster.swarm(), keys),
                new FirstCopyDeferral(config.id(), cluster.n(), this::currentPrimary),
                new LateVoteFilter(this::lastExecuted));
        this.loops = Pipelines.newEventLoops(name, 1);
        this.inbound = new InboundDispatcher(
                name, settings.verifyWorkers(), settings.transport().inboundQueueFrames(), pipeline, drops);
        AtomicInteger n = new AtomicInteger();
        this.replySigners = Executors.newFixedThreadPool(settings.replySigners(), r -> {
            Thread t = new Thread(r, name + "-reply-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (int r = 0; r < cluster.n(); r++) {
            peers.add(
                    r == config.id()
                            ? null
                            : new PeerLink("replica-" + r, cluster.address(r), settings.transport(), loops, inbound));
        }
        this.performer =
                new EffectPerformer(cluster.swarm(), config, log, peers, pipeline, replySigners, events, drops);
        this.coreThread = new Thread(this::runCore, name + "-core");
    }

    /** Recovers from the durable log, binds the configured address, connects to peers, starts the core. */
    public synchronized ReplicaRuntime start() throws IOException {
        long now = System.currentTimeMillis();
        PersistedState ps = log.load();
        boolean fresh = ps.view() == 0 && ps.stable() == null && ps.slots().isEmpty();
        core = fresh ? new Replica(config, stateMachine) : Replica.recover(config, stateMachine, ps, now);
        recoveringTo = ps.slots().entrySet().stream()
                .filter(e -> e.getValue().myCommit() != null)
                .mapToLong(Map.Entry::getKey)
                .max()
                .orElse(0);
        recoveryDeadline = now + RECOVERY_WAIT_MILLIS;
        LOG.info(
                "replica {} {} at view {} (stable {}, {} slots)",
                config.id(),
                fresh ? "starting fresh" : "recovered",
                core.view(),
                core.stableCheckpoint(),
                ps.slots().size());
        publishStatus(true);
        server = new FrameServer(cluster.address(config.id()), settings.transport(), loops, inbound).start();
        peers.stream().filter(p -> p != null).forEach(PeerLink::start);
        running = true;
        coreThread.start();
        events.accept("LISTENING " + config.id() + " " + server.port());
        return this;
    }

    /**
     * Tick period while the replica is {@link Replica#quiescent()}: waking every millisecond with nothing
     * to time cost an idle node more CPU than anything but persistence. Well below the retransmission
     * interval (200 ms), so checkpoint and agreement resends keep their cadence.
     */
    static final long QUIESCENT_TICK_MILLIS = 50;

    private void runCore() {
        List<Effect> effects = new ArrayList<>();
        long lastTick = 0;
        try {
            effects.addAll(core.drain());
            while (running) {
                long wait = core.quiescent()
                        ? Math.max(settings.tickMillis(), QUIESCENT_TICK_MILLIS)
                        : settings.tickMillis();
                Object ev = coreQueue.poll(wait, TimeUnit.MILLISECONDS);
                for (int handled = 0; ev != null && handled < 1024; handled++) {
                    if (ev instanceof Verified v) {
                        effects.addAll(core.step(v, System.currentTimeMillis()));
                    }
                    ev = coreQueue.poll();
                }
                if (ev instanceof Verified v) {
                    effects.addAll(core.step(v, System.currentTimeMillis()));
                }
                long now = System.currentTimeMillis();
                if (now - lastTick >= settings.tickMillis()) {
                    effects.addAll(core.tick(now));
                    lastTick = now;
                }
                if (!effects.isEmpty()) {
                    performer.submit(effects);
                    effects = new ArrayList<>();
                }
                if (performer.failure() != null) {
                    throw new IllegalStateException("persistence failed", performer.failure());
                }
                boolean refresh = digestRefresh.due(now, core.lastExecuted(), status.digestAtExecuted());
                publishStatus(refresh);
                if (refresh) {
                    digestRefresh.refreshed(now);
                }
            }
        } catch (Throwable t) {
            failure = t;
            running = false;
            LOG.error("replica {} core thread failed; the replica stops", config.id(), t);
            events.accept("FAILED " + config.id() + " " + t);
        }
    }

    private void publishStatus(boolean withDigest) {
        ReplicaStatus prior = status;
        String digest = prior == null ? "" : prior.stateDigestHex();
        long digestAt = prior == null ? -1 : prior.digestAtExecuted();
        if (prior == null || (withDigest && core.lastExecuted() != prior.digestAtExecuted())) {
            digest = stateMachine.digest().hex(); // only when something was executed since the last one
            digestAt = core.lastExecuted();
        }
        if (recoveringTo > 0
                && (core.lastExecuted() >= recoveringTo || System.currentTimeMillis() > recoveryDeadline)) {
            if (core.lastExecuted() < recoveringTo) {
                LOG.warn(
                        "replica {} gave up waiting to re-execute up to {} (at {})",
                        config.id(),
                        recoveringTo,
                        core.lastExecuted());
            }
            recoveringTo = 0;
        }
        status = new ReplicaStatus(
                config.id(),
                core.view(),
                core.inViewChange(),
                core.lastExecuted(),
                core.stableCheckpoint(),
                digest,
                digestAt,
                performer.executedRequests(),
                recoveringTo);
    }

    /** The primary of the current view, or -1 before start and during a view change. */
    private int currentPrimary() {
        ReplicaStatus s = status;
        return s == null || s.inViewChange() ? -1 : Quorums.primaryOf(s.view(), cluster.n());
    }

    private long lastExecuted() {
        ReplicaStatus s = status;
        return s == null ? 0 : s.lastExecuted();
    }

    /** PREPARE/COMMIT votes that arrived after their batch executed, set aside unverified. */
    public long lateVotes() {
        return pipeline.lateVotes();
    }

    /** Client requests this replica left unverified on arrival (not designated, not primary). */
    public long deferredRequests() {
        return pipeline.deferredRequests();
    }

    /** Request signatures the core checked at execution for lack of designated vouchers. */
    public long requestsVerifiedAtExecution() {
        return core == null ? 0 : core.requestsVerifiedAtExecution();
    }

    /** Latest status; the digest part is refreshed once a second by the core thread (when something executed). */
    public ReplicaStatus status() {
        return status;
    }

    public DropCounters drops() {
        return drops;
    }

    /** Authentic messages handed to the core so far, by type. */
    public Map<String, Long> acceptedMessages() {
        return pipeline.acceptedByType();
    }

    /** Snapshots installed by state transfer so far (a restart's own checkpoint copy not counted). */
    public long stateTransfers() {
        return performer.stateTransfers();
    }

    /** Bytes of the snapshot the last state transfer installed, 0 before the first. */
    public long lastStateTransferBytes() {
        return performer.lastTransferBytes();
    }

    /** Durable-log commits so far (group commits: each covers every outbox queued meanwhile). */
    public long commits() {
        return performer.commits();
    }

    /** The core thread's fatal error, or null while it is healthy. */
    public Throwable failure() {
        return failure;
    }

    public int port() {
        return server.port();
    }

    @Override
    public synchronized void close() {
        running = false;
        coreQueue.offer(WAKE);
        try {
            coreThread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) {
            server.close();
        }
        performer.close();
        peers.stream().filter(p -> p != null).forEach(PeerLink::close);
        inbound.close();
        replySigners.shutdownNow();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        log.close();
    }
}
