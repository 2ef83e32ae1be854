package org.bftswarm.state;

import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.bftswarm.crypto.Invariants;
import org.bftswarm.state.entry.EntryKey;
import org.bftswarm.state.entry.EntryVerifier;
import org.bftswarm.state.entry.InvalidEntryCounter;
import org.bftswarm.state.entry.Verdict;
import org.bftswarm.state.hazelcast.HazelcastDissemination;
import org.bftswarm.state.persist.MapDbEntryLog;
import org.bftswarm.state.store.LocalWriter;
import org.bftswarm.state.store.SignedEntryStore;
import org.bftswarm.state.store.StoreListener;
import org.bftswarm.state.view.ClusterView;
import org.bftswarm.state.view.Heartbeat;
import org.bftswarm.state.view.NodeEnergy;
import org.bftswarm.state.view.NodeStateWriter;
import org.bftswarm.state.view.NodeUsage;
import org.bftswarm.state.view.StateSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's cluster-state service: loads the signed entries
 * it knew from MapDB, serves reads and own writes at once, commits changes to MapDB in the
 * background, and gossips through Hazelcast once (and if) that forms.
 */
public final class ClusterStateNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStateNode.class);

    private final StateNodeConfig config;
    private final SignedEntryStore store;
    private final ClusterView view;
    private final NodeStateWriter writer;
    private final MapDbEntryLog log;
    private final ScheduledExecutorService flusher;
    /**
     * Heartbeats and usage records are persisted at most this often: a restarted node only needs its
     * own last heartbeat sequence number roughly (entries are ordered by their stamps, not by it), peers'
     * heartbeats are stale after a restart anyway, and usage is rewritten within seconds; committing each
     * one cost more CPU than anything else on an idle node.
     */
    static final long HEARTBEAT_PERSIST_MILLIS = 10_000;

    /** Own thread: a slow MapDB commit on the flusher must never delay a heartbeat. */
    private final ScheduledExecutorService heartbeatTimer;

    private final ConcurrentSkipListSet<EntryKey> dirty = new ConcurrentSkipListSet<>();
    private final Optional<HazelcastDissemination> dissemination;
    private final AtomicLong droppedOnLoad = new AtomicLong();
    private volatile boolean closed;
    private ScheduledFuture<?> heartbeats;
    private final AtomicLong heartbeatSeq = new AtomicLong();
    private long heartbeatIntervalMillis;
    private LongSupplier heartbeatClock;
    /** {@link #deferred} entries applied but not yet persisted: written every {@link #HEARTBEAT_PERSIST_MILLIS}. */
    private final ConcurrentSkipListSet<EntryKey> dirtyHeartbeats = new ConcurrentSkipListSet<>();

    private long heartbeatsPersistedAt;

    private ClusterStateNode(StateNodeConfig config) {
        this.config = config;
        EntryVerifier verifier = new EntryVerifier(config.swarm(), config.keys(), new StateSchemas());
        this.store = new SignedEntryStore(verifier, new InvalidEntryCounter());
        this.log = MapDbEntryLog.open(config.dataFile());
        for (byte[] bytes : log.loadAll()) {
            Verdict v = verifier.verify(bytes);
            if (v instanceof Verdict.Accepted ok) {
                store.offer(ok.entry());
            } else {
                droppedOnLoad.incrementAndGet();
                LOG.warn("dropped invalid entry from local file {}: {}", config.dataFile(), v);
            }
        }
        this.view = new ClusterView(store);
        this.writer = new NodeStateWriter(new LocalWriter(config.swarm(), config.nodeId(), config.signingKey(), store));
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "state-mapdb-" + config.nodeId());
            t.setDaemon(true);
            return t;
        });
        this.heartbeatTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "state-heartbeat-" + config.nodeId());
            t.setDaemon(true);
            t.setPriority(Thread.MAX_PRIORITY);
            return t;
        });
        store.addListener(e -> (deferred(e.key()) ? dirtyHeartbeats : dirty).add(e.key()));
        flusher.scheduleWithFixedDelay(
                () -> flushDirty(false),
                config.flushIntervalMillis(),
                config.flushIntervalMillis(),
                TimeUnit.MILLISECONDS);
        this.dissemination = config.hazelcast().map(s -> new HazelcastDissemination(s, config.nodeId(), store));
    }

    /** Opens the local copy (synchronously) and starts Hazelcast formation (in the background). */
    public static ClusterStateNode open(StateNodeConfig config) {
        ClusterStateNode node = new ClusterStateNode(config);
        node.dissemination.ifPresent(HazelcastDissemination::start);
        return node;
    }

    /**
     * Heartbeats, usage and energy records: superseded within seconds, so persisted only every few seconds
     * (each peer's energy record arrives every 10 s, and committing MapDB for each of them made the
     * persistence thread the largest CPU user of a quiet 10-node cluster).
     */
    static boolean deferred(EntryKey key) {
        return key.name().equals(Heartbeat.ENTRY_NAME)
                || key.name().equals(NodeUsage.ENTRY_NAME)
                || key.name().equals(NodeEnergy.ENTRY_NAME);
    }

    /** Stages and commits what changed; heartbeats only when {@code all} or their persist period passed. */
    private void flushDirty(boolean all) {
        try {
            boolean any = false;
            for (EntryKey key = dirty.pollFirst(); key != null; key = dirty.pollFirst()) {
                store.get(key).ifPresent(log::stage);
                any = true;
            }
            long now = System.currentTimeMillis();
            if (all || now - heartbeatsPersistedAt >= HEARTBEAT_PERSIST_MILLIS) {
                heartbeatsPersistedAt = now;
                for (EntryKey key = dirtyHeartbeats.pollFirst(); key != null; key = dirtyHeartbeats.pollFirst()) {
                    store.get(key).ifPresent(log::stage);
                    any = true;
                }
            }
            if (any) {
                log.commit();
            }
        } catch (RuntimeException e) {
            LOG.error("node {} failed to persist state entries", config.nodeId(), e);
        }
    }

    /** Commits everything applied so far to MapDB; returns when durable. */
    public void flush() {
        try {
            flusher.submit(() -> flushDirty(true)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("flush failed", e);
        }
    }

    public int nodeId() {
        return config.nodeId();
    }

    public SignedEntryStore store() {
        return store;
    }

    public ClusterView view() {
        return view;
    }

    public NodeStateWriter writer() {
        return writer;
    }

    public InvalidEntryCounter invalidEntries() {
        return store.invalidEntries();
    }

    public Optional<HazelcastDissemination> dissemination() {
        return dissemination;
    }

    /**
     * Publishes this node's heartbeat every {@code periodMillis} (config default 500 ms) with
     * sequence numbers continuing from the last persisted heartbeat; returns at once. Each heartbeat
     * announces the interval until the next one (see {@link #heartbeatInterval(long)}).
     */
    public synchronized void startHeartbeats(long periodMillis, LongSupplier clockMillis) {
        Invariants.check(periodMillis > 0, "heartbeat period must be positive");
        Invariants.check(heartbeatClock == null, "heartbeats already started");
        heartbeatSeq.set(view.heartbeat(config.nodeId()).map(h -> h.seq() + 1).orElse(0L));
        heartbeatIntervalMillis = periodMillis;
        heartbeatClock = clockMillis;
        scheduleHeartbeat(0);
    }

    /**
     * Changes the heartbeat period. A longer one takes effect after the next heartbeat (which
     * announces it before the gap grows); a shorter one sends a heartbeat now, announcing it, so
     * peers never wait on the old, longer schedule.
     */
    public synchronized void heartbeatInterval(long millis) {
        Invariants.check(millis > 0, "heartbeat period must be positive");
        long before = heartbeatIntervalMillis;
        heartbeatIntervalMillis = millis;
        if (heartbeatClock != null && millis < before && heartbeats != null && heartbeats.cancel(false)) {
            scheduleHeartbeat(0);
        }
    }

    /** The heartbeat period in force (0 before heartbeats started). */
    public synchronized long heartbeatInterval() {
        return heartbeatIntervalMillis;
    }

    private synchronized void scheduleHeartbeat(long delayMillis) {
        if (closed) {
            return;
        }
        heartbeats = heartbeatTimer.schedule(this::beat, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        long interval;
        synchronized (this) {
            interval = heartbeatIntervalMillis;
        }
        try {
            writer.heartbeat(heartbeatSeq.getAndIncrement(), heartbeatClock.getAsLong(), (int) interval);
        } catch (RuntimeException e) {
            LOG.error("node {} failed to publish heartbeat", config.nodeId(), e);
        }
        scheduleHeartbeat(interval);
    }

    /** Entries in the local file that failed verification when loaded. */
    public long droppedOnLoad() {
        return droppedOnLoad.get();
    }

    /** Registers a listener for every applied entry (e.g. to feed a FailureDetector). */
    public void addListener(StoreListener listener) {
        store.addListener(listener);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        synchronized (this) {
            if (heartbeats != null) {
                heartbeats.cancel(false);
                heartbeats = null;
            }
        }
        heartbeatTimer.shutdownNow();
        dissemination.ifPresent(HazelcastDissemination::close);
        flush();
        flusher.shutdown();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.close();
    }
}
