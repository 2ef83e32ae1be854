package org.bftswarm.state.hazelcast;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import com.hazelcast.topic.Message;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.store.SignedEntryStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries signed entries between nodes over an embedded Hazelcast member
 * as a best-effort broadcast plus anti-entropy: every own entry is published on an ITopic
 * (no global ordering, so a publish is a direct send to each member and no partition owner sits on
 * the write path: a frozen member can never stall the heartbeats of the others); every received
 * message goes through the store's verify-then-join. Lost messages are repaired by anti-entropy: a
 * member that forms asks everyone to re-send (sync topic), members re-send their own entries when a
 * member joins, and every member re-sends its own entries periodically. Formation runs on a
 * background thread: nothing local waits for Hazelcast, and nothing safety-critical depends on it.
 */
public final class HazelcastDissemination implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HazelcastDissemination.class);
    /** Default period of the unconditional re-send of own entries (repairs dropped messages). */
    public static final long ANTI_ENTROPY_MILLIS = 3_000;
    /** Sync requests answered at most this often (a noisy member cannot make us flood). */
    static final long SYNC_ANSWER_MIN_GAP_MILLIS = 300;

    private final HazelcastSettings settings;
    private final int nodeId;
    private final SignedEntryStore store;
    private final CountDownLatch formed = new CountDownLatch(1);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong lastSyncAnswer = new AtomicLong(Long.MIN_VALUE / 2);
    private final ScheduledExecutorService antiEntropy;
    private volatile HazelcastInstance instance;
    private volatile ITopic<byte[]> entries;
    private volatile boolean closed;
    private volatile long formationMillis = -1;
    private volatile long antiEntropyMillis = ANTI_ENTROPY_MILLIS;

    public HazelcastDissemination(HazelcastSettings settings, int nodeId, SignedEntryStore store) {
        this.settings = settings;
        this.nodeId = nodeId;
        this.store = store;
        this.antiEntropy = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "state-hz-sync-" + nodeId);
            t.setDaemon(true);
            return t;
        });
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
            HazelcastInstance hz =
                    Hazelcast.newHazelcastInstance(HazelcastConfigFactory.memberConfig(settings, nodeId));
            synchronized (this) {
                if (closed) {
                    hz.getLifecycleService().terminate();
                    return;
                }
                instance = hz;
            }
            ITopic<byte[]> topic = hz.getTopic(HazelcastConfigFactory.ENTRIES_TOPIC);
            topic.addMessageListener(this::receivedEntry);
            ITopic<byte[]> sync = hz.getTopic(HazelcastConfigFactory.SYNC_TOPIC);
            sync.addMessageListener(this::receivedSyncRequest);
            hz.getCluster().addMembershipListener(new MembershipListener() {
                @Override
                public void memberAdded(MembershipEvent event) {
                    // the newcomer's listener may register just after this event: send now and once more later
                    pushOwnEntries();
                    schedule(HazelcastDissemination.this::pushOwnEntries, 1_000);
                }

                @Override
                public void memberRemoved(MembershipEvent event) {
                    // nothing to repair: every member holds a full copy
                }
            });
            entries = topic;
            pushOwnEntries();
            sync.publish(new byte[0]);
            schedule(this::antiEntropyRound, antiEntropyMillis);
            formationMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            LOG.info(
                    "node {} state member {} formed in {} ms with {} members",
                    nodeId,
                    settings.address(),
                    formationMillis,
                    hz.getCluster().getMembers().size());
            formed.countDown();
        } catch (RuntimeException e) {
            if (!closed) {
                LOG.error(
                        "node {} state member {} failed to form; continuing local-only", nodeId, settings.address(), e);
            }
        }
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            antiEntropy.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void receivedEntry(Message<byte[]> message) {
        if (closed || message.getMessageObject() == null || isLocal(message)) {
            return;
        }
        received.incrementAndGet();
        store.offer(message.getMessageObject());
    }

    private void receivedSyncRequest(Message<byte[]> message) {
        if (closed || isLocal(message)) {
            return;
        }
        long now = System.nanoTime() / 1_000_000;
        long last = lastSyncAnswer.get();
        if (now - last >= SYNC_ANSWER_MIN_GAP_MILLIS && lastSyncAnswer.compareAndSet(last, now)) {
            schedule(this::pushOwnEntries, 0);
        }
    }

    private static boolean isLocal(Message<byte[]> message) {
        return message.getPublishingMember() != null
                && message.getPublishingMember().localMember();
    }

    private void publishIfOwn(SignedEntry entry) {
        if (entry.key().owner() == nodeId) {
            publish(entry.encode());
        }
    }

    private void publish(byte[] encoded) {
        ITopic<byte[]> topic = entries;
        if (topic == null || closed) {
            return;
        }
        try {
            topic.publish(encoded);
            published.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.debug("publish failed: {}", e.toString());
        }
    }

    /**
     * Sets the period of the unconditional re-send (default {@link #ANTI_ENTROPY_MILLIS}); the round
     * already scheduled keeps its time, every later one uses the new period.
     */
    public void antiEntropyEvery(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("anti-entropy period must be positive: " + millis);
        }
        antiEntropyMillis = millis;
    }

    /** The period of the unconditional re-send in force. */
    public long antiEntropyMillis() {
        return antiEntropyMillis;
    }

    private void antiEntropyRound() {
        pushOwnEntries();
        if (!closed) {
            schedule(this::antiEntropyRound, antiEntropyMillis);
        }
    }

    private void pushOwnEntries() {
        try {
            for (SignedEntry e : store.ownedBy(nodeId)) {
                publish(e.encode());
            }
        } catch (RuntimeException e) {
            LOG.debug("anti-entropy push failed: {}", e.toString());
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

    /** Milliseconds from start() to a formed member with listeners registered, or -1. */
    public long formationMillis() {
        return formationMillis;
    }

    /** Entry messages received from other members (valid or not). */
    public long receivedMessages() {
        return received.get();
    }

    /** Entry messages this member published (including anti-entropy re-sends). */
    public long publishedMessages() {
        return published.get();
    }

    /**
     * Publishes arbitrary bytes on the entries topic, as a faulty or hostile member could; for tests
     * and benches. Receivers verify them like anything else.
     */
    public void publishRaw(byte[] bytes) {
        publish(bytes.clone());
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
            entries = null;
        }
        antiEntropy.shutdownNow();
        if (hz != null) {
            if (abrupt) {
                hz.getLifecycleService().terminate();
            } else {
                hz.shutdown();
            }
        }
    }
}
