package org.bftswarm.node;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bftswarm.api.ApiConfig;
import org.bftswarm.api.ApiServer;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.consensus.client.ClientNetwork;
import org.bftswarm.consensus.client.ClientOptions;
import org.bftswarm.consensus.core.Quorums;
import org.bftswarm.consensus.core.ReplicaConfig;
import org.bftswarm.consensus.runtime.ClusterSpec;
import org.bftswarm.consensus.runtime.ReplicaRuntime;
import org.bftswarm.consensus.runtime.ReplicaStatus;
import org.bftswarm.consensus.runtime.RuntimeSettings;
import org.bftswarm.consensus.storage.ReplicaLog;
import org.bftswarm.consensus.transport.TransportConfig;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ConsensusSettings;
import org.bftswarm.node.config.ResolvedNode;
import org.bftswarm.node.energy.EnergyMetrics;
import org.bftswarm.node.energy.EnergyReport;
import org.bftswarm.node.energy.EnergySampler;
import org.bftswarm.node.energy.HostEnergyProbes;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.Tick;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.state.ClusterStateNode;
import org.bftswarm.state.StateNodeConfig;
import org.bftswarm.state.hazelcast.HazelcastSettings;
import org.bftswarm.state.view.NodeCapacity;
import org.bftswarm.state.view.NodeCounter;
import org.bftswarm.state.view.NodeUsage;
import org.bftswarm.worker.TaskOutcome;
import org.bftswarm.worker.agent.DockerUnreachableException;
import org.bftswarm.worker.agent.TaskExecutor;
import org.bftswarm.worker.agent.WorkerLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bftswarm node: the PBFT replica running the scheduler, the
 * node's consensus clients, the CRDT cluster-state member with heartbeats and failure detection,
 * the worker loop over a {@link TaskExecutor}, and the HTTP API over a {@link NodeClusterPort} (its
 * event stream also on the node's own WebSocket port).
 * Start-up orders RegisterNode, waits until the local replica has executed past it, reconciles
 * leftover containers and starts the worker; a maintenance thread orders Ticks, acts on suspicions
 * and publishes usage. {@link #close()} stops API, worker, consensus and state in that order.
 *
 * <p>Threads: the replica's core thread alone executes operations on the {@link Scheduler}; the
 * API, worker loop and maintenance thread only query it, and every scheduler query and
 * {@code execute} hold the scheduler's own lock and return immutable views, so no reader sees a
 * half-applied operation. Scheduler listeners (event stream, worker wake-up) only enqueue.
 */
public final class NodeRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);
    private static final long MAINTENANCE_MILLIS = 200;
    /**
     * Failure-detector evaluations while there is work ({@code normal} or {@code aggressive}): a dead
     * peer is suspected within this of its timeout rather than within a maintenance period, which was up
     * to a tenth of the kill → running-elsewhere budget. A quiet node evaluates every
     * {@link #MAINTENANCE_MILLIS}.
     */
    static final long BUSY_LIVENESS_MILLIS = 25;

    private static final long CATCH_UP_MILLIS = 30_000;
    private static final long CLOCK_SLACK_MILLIS = 2_500;
    /** How often the gossip mode is chosen again (a job submitted meanwhile is seen within this). */
    private static final long GOSSIP_CHOICE_MILLIS = 1_000;
    /** An unchanged usage record is written again this often (a changed one within a second). */
    private static final long USAGE_REFRESH_MILLIS = 10_000;
    /** How often power is sampled, and how often the figures are published to the other nodes. */
    private static final long ENERGY_SAMPLE_MILLIS = 2_000;

    private static final long ENERGY_PUBLISH_MILLIS = 10_000;

    private final NodeSettings settings;
    private final int id;
    private final int n;
    private final ResolvedNode me;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Scheduler scheduler;
    private ReplicaRuntime replica;
    private ClusterStateNode state;
    private OperationClient ops;
    private WorkerLoop worker;
    private final EnergySampler energy;
    private LivenessMonitor liveness;
    private ApiServer api;
    private final EventBridge events = new EventBridge();
    private ScheduledExecutorService maintenance;
    private CompletableFuture<Reply> tickInFlight = CompletableFuture.completedFuture(null);
    private long lastClockAdvance = System.currentTimeMillis();
    private long lastClock = -1;
    private long lastUsageCheck;
    private long lastEnergySample;
    private long lastEnergyPublish;
    private long lastUsageWrite;
    private NodeUsage lastUsage;
    private long lastGossipChoice;
    private volatile GossipDecision gossip;
    private volatile boolean closed;

    private NodeRuntime(NodeSettings settings) {
        this.settings = settings;
        this.id = settings.nodeId();
        this.n = settings.config().n();
        this.me = settings.config().node(id);
        this.energy = new EnergySampler(
                id,
                new HostEnergyProbes(),
                settings.config().energy().tdp(),
                me.capacity().cpus());
        this.scheduler = new Scheduler(
                SchedulerSettings.of(settings.config(), settings.dataDir()),
                settings.config().mining());
        this.gossip = new GossipDecision(
                GossipMode.NORMAL,
                settings.config().heartbeat().periodMs(),
                settings.tickMillis(),
                GossipModePolicy.BASE_ANTI_ENTROPY_MILLIS,
                "starting");
    }

    /** Starts the node; throws {@link NodeStartupException} (with everything opened closed again) on failure. */
    public static NodeRuntime start(NodeSettings settings) {
        NodeRuntime node = new NodeRuntime(settings);
        try {
            node.startAll();
            return node;
        } catch (RuntimeException | IOException e) {
            node.close();
            if (e instanceof NodeStartupException s) {
                throw s;
            }
            if (e instanceof DockerUnreachableException d) {
                throw new NodeStartupException(d.getMessage(), d);
            }
            throw new NodeStartupException("node " + settings.nodeId() + " failed to start: " + e, e);
        }
    }

    private void startAll() throws IOException {
        ByzantineBanner.announce(id, settings.faults());
        ClusterConfig config = settings.config();
        NodeFiles files = new NodeFiles(settings.dataDir(), id);
        NodeFiles.Loaded keys = files.load(n, config.configuredNodeKeys());
        PortCheck.requireFree(me.host(), me.consensusPort(), "consensus of node " + id);
        PortCheck.requireFree(me.host(), me.httpPort(), "HTTP API of node " + id);
        PortCheck.requireFree(me.host(), me.wsPort(), "WebSocket events of node " + id);
        if (settings.gossip()) {
            PortCheck.requireFree(me.host(), me.statePort(), "cluster state (Hazelcast) of node " + id);
        }
        Files.createDirectories(files.nodeDir());
        KeyRegistry registry = NodePrincipalIds.registry(keys.nodeKeys(), keys.clientKeys());
        String swarm = config.swarm();

        Optional<HazelcastSettings> hz = Optional.empty();
        if (settings.gossip()) {
            List<String> members = config.nodes().stream()
                    .map(r -> r.host() + ":" + r.statePort())
                    .toList();
            hz = Optional.of(new HazelcastSettings(swarm, me.host(), me.statePort(), members));
        }
        state = opened(ClusterStateNode.open(new StateNodeConfig(
                swarm, id, keys.signingKey(), NodePrincipalIds.nodeRegistry(keys.nodeKeys()), files.stateFile(), hz)));

        List<InetSocketAddress> replicas = new ArrayList<>();
        config.nodes().forEach(r -> replicas.add(new InetSocketAddress(r.host(), r.consensusPort())));
        ClusterSpec spec = new ClusterSpec(swarm, replicas);
        ConsensusSettings c = config.consensus();
        ReplicaConfig rc = ReplicaConfig.defaults(swarm, n, id, keys.signingKey(), registry)
                .withBatching(c.batchMaxSize(), c.batchMaxDelayMs())
                .withCheckpoints(c.checkpointInterval(), Math.max(c.watermarkWindow(), 2 * c.checkpointInterval()))
                .withTimers(c.requestTimeoutMs(), 2_000, 200);
        RuntimeSettings rs = RuntimeSettings.defaults();
        ReplicaLog log = rs.openLog(files.consensusLog());
        replica = new ReplicaRuntime(spec, rc, scheduler, log, rs, line -> LOG.info("consensus: {}", line));
        opened.push(replica);
        replica.start();

        ClientNetwork network = opened(new ClientNetwork(spec, registry, TransportConfig.defaults(), 1));
        ops = opened(new OperationClient(
                network,
                id,
                keys.signingKey(),
                new ClientOptions(500, 2_000, 20_000),
                new ClientOptions(500, 2_000, 9_000)));
        TaskExecutor executor = opened(
                FaultyExecutors.wrap(settings.executors(), settings.faults()).open(swarm, id, files.nodeDir()));
        worker = opened(new WorkerLoop(swarm, id, scheduler, executor, ops::asNode, this::countOutcome));
        scheduler.addListener(events);
        scheduler.addListener(e -> worker.wake());
        liveness = new LivenessMonitor(
                id,
                n,
                scheduler,
                state,
                ops,
                LivenessMonitor.detectorSettings(config.heartbeat(), config.gossip()),
                System::currentTimeMillis);

        ClaimedCapacity claimed = ClaimedCapacity.of(me.capacity(), settings.faults());
        state.writer()
                .capacity(
                        new NodeCapacity(id, claimed.cpus() * 1000L, claimed.memoryMb() << 20, me.labels()),
                        System.currentTimeMillis());
        state.startHeartbeats(config.heartbeat().periodMs(), System::currentTimeMillis);

        List<String> urls = config.nodes().stream()
                .map(r -> "http://" + r.host() + ":" + r.httpPort())
                .toList();
        Supplier<EnergyJson> energyReport = () -> EnergyReport.of(
                config.energy(),
                n,
                i -> state.view().energy(i),
                i -> Optional.ofNullable(state.view().nodes().get(i))
                        .map(soft -> soft.counters().getOrDefault(NodeCounter.TASKS_SUCCEEDED, 0L))
                        .orElse(0L));
        NodeClusterPort port = new NodeClusterPort(
                id,
                n,
                scheduler,
                ops,
                replica::status,
                urls,
                state,
                executor,
                events,
                reg -> {
                    NodeMetrics.bind(reg, n, replica, network, scheduler, state, worker, this::gossip);
                    EnergyMetrics.bind(reg, n, energy, energyReport);
                },
                new ReadSigner(swarm, id, keys.signingKey()),
                new ApiLies(id, settings.faults()),
                new DataLimits(config.api().maxModuleBytes(), config.api().maxDatasetBytes()),
                this::gossip,
                energyReport);
        api = new ApiServer(port, ApiConfig.of(me.host(), me.httpPort(), me.wsPort(), keys.apiToken()));
        opened.push(api);
        api.start();

        maintenance = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "node-" + id + "-maintenance");
            t.setDaemon(true);
            return t;
        });
        maintenance.execute(this::joinCluster);
        maintenance.scheduleWithFixedDelay(
                this::maintain, MAINTENANCE_MILLIS, MAINTENANCE_MILLIS, TimeUnit.MILLISECONDS);
        maintenance.schedule(this::livenessPass, MAINTENANCE_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info(
                "node {} of swarm {} up: API {}, consensus {}:{}, state {}:{}{}",
                id,
                swarm,
                api.baseUrl(),
                me.host(),
                me.consensusPort(),
                me.host(),
                me.statePort(),
                settings.gossip() ? "" : " (gossip off)");
    }

    private <T extends AutoCloseable> T opened(T resource) {
        opened.push(resource);
        return resource;
    }

    /** RegisterNode until ordered, wait until the local replica executed past it, then start the worker. */
    private void joinCluster() {
        long sentAt = System.currentTimeMillis();
        ClaimedCapacity claimed = ClaimedCapacity.of(me.capacity(), settings.faults());
        if (claimed.inflated(me.capacity())) {
            LOG.warn(
                    "BYZANTINE node {}: inflate-capacity: registering {} CPUs and {} MiB (configured: {} and {})",
                    id,
                    claimed.cpus(),
                    claimed.memoryMb(),
                    me.capacity().cpus(),
                    me.capacity().memoryMb());
        }
        RegisterNode op = new RegisterNode(id, claimed.cpus(), claimed.memoryMb(), me.labels());
        while (!closed) {
            try {
                Reply r = ops.asNode(op).get();
                LOG.info("node {} registered: {} {}", id, r.outcome(), r.code());
                if (r.outcome() == Reply.Outcome.REJECTED) {
                    LOG.error("node {} registration rejected: {} {}", id, r.code(), r.detail());
                }
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                LOG.warn("node {} registration not ordered yet ({}); retrying", id, e.getMessage());
            }
        }
        long deadline = System.currentTimeMillis() + CATCH_UP_MILLIS;
        while (!closed
                && scheduler.clockMillis() < sentAt - CLOCK_SLACK_MILLIS
                && System.currentTimeMillis() < deadline) {
            sleep(50);
        }
        if (closed) {
            return;
        }
        worker.start();
        ready.countDown();
        LOG.info("node {} ready (executed up to {})", id, replica.status().lastExecuted());
    }

    private void maintain() {
        try {
            long now = System.currentTimeMillis();
            ReplicaStatus s = replica.status();
            events.observeView(s.view(), Quorums.primaryOf(s.view(), n));
            long clock = scheduler.clockMillis();
            if (clock != lastClock) {
                lastClock = clock;
                lastClockAdvance = now;
            }
            if (now - lastGossipChoice >= GOSSIP_CHOICE_MILLIS) {
                lastGossipChoice = now;
                chooseGossip(now);
            }
            long tickMillis = gossip.tickMillis();
            boolean primary = Quorums.primaryOf(s.view(), n) == id;
            boolean idle = now - lastClockAdvance >= 3 * tickMillis;
            if (ready.getCount() == 0
                    && tickInFlight.isDone()
                    && (primary || idle)
                    && now - lastClockAdvance >= tickMillis) {
                tickInFlight = ops.asNode(new Tick());
            }
            if (settings.faults().contains(NodeFault.SUSPECT_EVERYONE)) {
                liveness.suspectEveryone();
            }
            if (now - lastEnergySample >= ENERGY_SAMPLE_MILLIS) {
                lastEnergySample = now;
                energy.sample(now, worker.runningContainerIds());
                if (now - lastEnergyPublish >= ENERGY_PUBLISH_MILLIS) {
                    lastEnergyPublish = now;
                    state.writer().energy(energy.record(), now);
                }
            }
            if (now - lastUsageCheck >= 1_000) {
                lastUsageCheck = now;
                long[] reserved = worker.reservedMilliCpusAndMemoryMb();
                NodeUsage usage = new NodeUsage(id, reserved[0], reserved[1] << 20, worker.runningCount());
                // signed, gossiped and persisted: written when it changed, else refreshed now and then
                if (!usage.equals(lastUsage) || now - lastUsageWrite >= USAGE_REFRESH_MILLIS) {
                    lastUsage = usage;
                    lastUsageWrite = now;
                    state.writer().usage(usage, now);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("node {} maintenance pass failed", id, e);
        }
    }

    /** One failure-detector evaluation, then the next one after the period the gossip mode calls for. */
    private void livenessPass() {
        try {
            liveness.tick();
        } catch (RuntimeException e) {
            LOG.warn("node {} liveness pass failed", id, e);
        }
        GossipMode mode = gossip.mode();
        boolean busy = mode == GossipMode.NORMAL || mode == GossipMode.AGGRESSIVE;
        try {
            maintenance.schedule(
                    this::livenessPass, busy ? BUSY_LIVENESS_MILLIS : MAINTENANCE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    /** Measures the conditions, lets {@link GossipModePolicy} choose, and applies its interval and tick. */
    private void chooseGossip(long now) {
        int active = 0;
        long lastSubmission = -1;
        for (JobView j : scheduler.jobs()) {
            if (!j.status().isTerminal()) {
                active++;
            }
            lastSubmission = Math.max(lastSubmission, j.submittedAtMillis());
        }
        GossipConditions conditions =
                new GossipConditions(n, liveness.silentUpPeers(), active, worker.runningCount(), lastSubmission, false);
        ClusterConfig config = settings.config();
        GossipDecision next = GossipModePolicy.choose(
                conditions, config.heartbeat().periodMs(), settings.tickMillis(), config.gossip(), now);
        if (next.mode() != gossip.mode() || next.intervalMillis() != gossip.intervalMillis()) {
            LOG.info(
                    "node {} gossip {} -> {} (heartbeat every {} ms): {}",
                    id,
                    gossip.mode().label(),
                    next.mode().label(),
                    next.intervalMillis(),
                    next.reason());
        }
        gossip = next;
        state.heartbeatInterval(next.intervalMillis());
        state.dissemination().ifPresent(d -> d.antiEntropyEvery(next.antiEntropyMillis()));
    }

    /** The gossip mode in force, its interval and why. */
    public GossipDecision gossip() {
        return gossip;
    }

    private void countOutcome(TaskOutcome o) {
        long now = System.currentTimeMillis();
        state.writer().count(NodeCounter.TASKS_RUN, 1, now);
        state.writer().count(o.succeeded() ? NodeCounter.TASKS_SUCCEEDED : NodeCounter.TASKS_FAILED, 1, now);
        MiningReport.of(o.detail()).ifPresent(m -> {
            state.writer().count(NodeCounter.MINED_HASHES, m.hashes(), now);
            state.writer().count(NodeCounter.MINING_MILLIS, m.millis(), now);
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the node has registered and its worker runs. */
    public boolean awaitReady(long timeout, TimeUnit unit) throws InterruptedException {
        return ready.await(timeout, unit);
    }

    public int nodeId() {
        return id;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public ReplicaStatus status() {
        return replica.status();
    }

    /** The replica's fatal error, or null while it is healthy. */
    public Throwable failure() {
        return replica == null ? null : replica.failure();
    }

    public String apiUrl() {
        return api.baseUrl();
    }

    public ClusterStateNode state() {
        return state;
    }

    /** Stops API, worker, liveness, state and consensus; idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        while (!opened.isEmpty()) {
            AutoCloseable c = opened.pop();
            try {
                c.close();
            } catch (Exception | Error e) {
                LOG.warn("node {}: closing {} failed: {}", id, c.getClass().getSimpleName(), e.toString());
            }
        }
        LOG.info("node {} stopped", id);
    }
}
