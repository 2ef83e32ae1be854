package org.bftswarm.state.hazelcast;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.MapEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.MapClearedListener;
import com.hazelcast.map.listener.MapEvictedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bftswarm.state.entry.EntryKey;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.store.SignedEntryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries signed entries between nodes over an embedded Hazelcast member (DESIGN.md, "Cluster state
 * (CRDT)"): own entries are published to an IMap keyed by EntryKey; an entry listener feeds every
 * received value through the store's verify-then-join; on formation the node pulls the map and
 * pushes its own entries, and pushes them again whenever a member joins (anti-entropy). The owner
 * re-publishes its entry when someone overwrites, removes or clears its key. Formation runs on a background thread:
 * nothing local waits for Hazelcast, and nothing safety-critical depends on it.
 */
public final class HazelcastDissemination implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastDissemination.class);

    private final HazelcastSettings settings;
    private final int nodeId;
    private final SignedEntryStore store;
    private final CountDownLatch formed = new CountDownLatch(1);
    private final AtomicLong repairs = new AtomicLong();
    private volatile HazelcastInstance instance;
    private volatile IMap<String, byte[]> map;
    private volatile boolean closed;
    private volatile long formationMillis = -1;

    public HazelcastDissemination(HazelcastSettings settings, int nodeId, SignedEntryStore store) {
        this.settings = settings;
        this.nodeId = nodeId;
        this.store = store;
        store.addListener(this::publishIfOwn);
    }

    /** Starts forming in the background and returns at once. */
    public void start() {
        Thread t = new Thread(this::form, "state-hz-form-" + nodeId);
        t.setDaemon(true);
        t.start();
    }

    private void form() {
        long started = System.nanoTime();
        try {
            HazelcastInstance hz = Hazelcast.newHazelcastInstance(HazelcastConfigFactory.memberConfig(settings, nodeId));
            synchronized (this) {
                if (closed) {
                    hz.getLifecycleService().terminate();
                    return;
                }
                instance = hz;
            }
            IMap<String, byte[]> m = hz.getMap(HazelcastConfigFactory.ENTRIES_MAP);
            m.addEntryListener(new Listener(), true);
            hz.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    pushOwnEntries();
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    pushOwnEntries(); // a departed member may have held the only copy of a partition
                }
            });
            for (byte[] value : m.values()) {
                store.offer(value);
            }
            map = m;
            pushOwnEntries();
            formationMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            LOG.info("node {} state member {} formed in {} ms with {} members", nodeId, settings.address(),
                    formationMillis, hz.getCluster().getMembers().size());
            formed.countDown();
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error("node {} state member {} failed to form; continuing local-only", nodeId, settings.address(), e);
            }
        }
    }

    private void publishIfOwn(SignedEntry entry) {
        IMap<String, byte[]> m = map;
        if (m != null && entry.key().owner() == nodeId && !closed) {
            publish(m, entry);
        }
    }

    private void publish(IMap<String, byte[]> m, SignedEntry entry) {
        try {
            m.setAsync(entry.key().asString(), entry.encode()).exceptionally(err -> {
                LOG.debug("publish of {} failed: {}", entry.key(), err.toString());
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debug("publish of {} failed: {}", entry.key(), e.toString());
        }
    }

    private void pushOwnEntries() {
        IMap<String, byte[]> m = map;
        if (m == null || closed) {
            return;
        }
        for (SignedEntry e : store.ownedBy(nodeId)) {
            publish(m, e);
        }
    }

    /** Receives every map change; removals and clears of our keys are undone by re-publishing. */
    private final class Listener implements EntryAddedListener<String, byte[]>, EntryUpdatedListener<String, byte[]>,
            EntryRemovedListener<String, byte[]>, EntryEvictedListener<String, byte[]>, MapClearedListener,
            MapEvictedListener {
        @Override
        public void entryAdded(EntryEvent<String, byte[]> event) {
            received(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, byte[]> event) {
            repairOwnKey(event.getKey(), null);
        }

        @Override
        public void entryEvicted(EntryEvent<String, byte[]> event) {
            repairOwnKey(event.getKey(), null);
        }

        @Override
        public void mapCleared(MapEvent event) {
            repairAll();
        }

        @Override
        public void mapEvicted(MapEvent event) {
            repairAll();
        }

        @Override
        public void entryUpdated(EntryEvent<String, byte[]> event) {
            received(event.getKey(), event.getValue());
        }
    }

    private void received(String mapKey, byte[] value) {
        if (closed) {
            return;
        }
        store.offer(value);
        repairOwnKey(mapKey, value);
    }

    private void repairAll() {
        if (!closed && map != null) {
            repairs.incrementAndGet();
            pushOwnEntries();
        }
    }

    /** If the map now holds anything but our current entry under one of our keys (null = removed), put ours back. */
    private void repairOwnKey(String mapKey, byte[] value) {
        Optional<EntryKey> key = EntryKey.parse(mapKey);
        if (closed || key.isEmpty() || key.get().owner() != nodeId) {
            return;
        }
        Optional<SignedEntry> own = store.get(key.get());
        IMap<String, byte[]> m = map;
        if (own.isPresent() && m != null) {
            byte[] ours = own.get().encode();
            if (!Arrays.equals(ours, value)) {
                repairs.incrementAndGet();
                publish(m, own.get());
            }
        }
    }

    public boolean awaitFormed(long timeout, TimeUnit unit) throws InterruptedException {
        return formed.await(timeout, unit);
    }

    public boolean isFormed() {
        return formed.getCount() == 0 && !closed;
    }

    /** Members currently visible, 0 before formation. */
    public int memberCount() {
        HazelcastInstance hz = instance;
        try {
            return hz == null || closed ? 0 : hz.getCluster().getMembers().size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Milliseconds from start() to a formed member with the map pulled, or -1. */
    public long formationMillis() {
        return formationMillis;
    }

    /** Times this node re-published one of its own entries after someone overwrote it. */
    public long repairs() {
        return repairs.get();
    }

    /** Test/bench access to the raw map (e.g. to inject forged bytes); null before formation. */
    public IMap<String, byte[]> rawMap() {
        return map;
    }

    /** Graceful leave. */
    @Override
    public void close() {
        stop(false);
    }

    /** Abrupt stop, as a crash would look to the other members. */
    public void terminate() {
        stop(true);
    }

    private void stop(boolean abrupt) {
        HazelcastInstance hz;
        synchronized (this) {
            closed = true;
            hz = instance;
            instance = null;
            map = null;
        }
        if (hz != null) {
            if (abrupt) {
                hz.getLifecycleService().terminate();
            } else {
                hz.shutdown();
            }
        }
    }
}
