package org.bftswarm.state.failure;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.crypto.Invariants;

/**
 * Local timeout failure detector (Chandra and Toueg's unreliable detector, realised as a heartbeat
 * timeout): a node silent for longer than the suspicion timeout is suspected; a
 * suspected node is cleared only after {@code recoveryObservations} fresh heartbeats received after
 * the suspicion (hysteresis against flapping). Pure: time is a parameter, no clock, no I/O. Its
 * suspicions are local opinions; eviction needs f+1 of them ordered by consensus.
 */
public final class FailureDetector {
    private static final class Track {
        long lastSeen;
        long timeoutMillis;
        boolean suspected;
        long suspectedAt;
        int freshSinceSuspected;
        boolean reportedSuspected;
    }

    private final FailureDetectorSettings settings;
    private final TreeMap<Integer, Track> tracks = new TreeMap<>();

    /** Nodes never heard from count as last seen at {@code startMillis}. */
    public FailureDetector(SortedSet<Integer> nodes, long startMillis, FailureDetectorSettings settings) {
        Invariants.check(nodes != null && settings != null, "nodes and settings required");
        this.settings = settings;
        for (int node : nodes) {
            Track t = new Track();
            t.lastSeen = startMillis;
            t.timeoutMillis = settings.suspicionTimeoutMillis();
            tracks.put(node, t);
        }
    }

    /** Records a fresh heartbeat from {@code node} received locally at {@code seenAtMillis}. */
    public synchronized void observe(int node, long seenAtMillis) {
        observe(node, seenAtMillis, 0);
    }

    /**
     * Records a fresh heartbeat that announced the sender's next one within {@code announcedIntervalMillis}
     * (0: nothing announced); the node's silence is judged by {@link FailureDetectorSettings#timeoutFor} of
     * the latest announcement from then on.
     */
    public synchronized void observe(int node, long seenAtMillis, long announcedIntervalMillis) {
        Track t = tracks.get(node);
        if (t == null) {
            return; // not a member of this cluster: ignored
        }
        if (seenAtMillis >= t.lastSeen) {
            t.timeoutMillis = settings.timeoutFor(announcedIntervalMillis);
        }
        t.lastSeen = Math.max(t.lastSeen, seenAtMillis);
        if (t.suspected && seenAtMillis > t.suspectedAt) {
            t.freshSinceSuspected++;
        }
    }

    /** Updates suspicion states at {@code nowMillis} and reports them with transitions. */
    public synchronized SuspicionReport evaluate(long nowMillis) {
        TreeSet<Integer> suspected = new TreeSet<>();
        TreeSet<Integer> newlySuspected = new TreeSet<>();
        TreeSet<Integer> newlyCleared = new TreeSet<>();
        for (var e : tracks.entrySet()) {
            Track t = e.getValue();
            boolean silent = nowMillis - t.lastSeen > t.timeoutMillis;
            if (!t.suspected && silent) {
                t.suspected = true;
                t.suspectedAt = nowMillis;
                t.freshSinceSuspected = 0;
            } else if (t.suspected && !silent && t.freshSinceSuspected >= settings.recoveryObservations()) {
                t.suspected = false;
            }
            if (t.suspected) {
                suspected.add(e.getKey());
            }
            if (t.suspected != t.reportedSuspected) {
                (t.suspected ? newlySuspected : newlyCleared).add(e.getKey());
                t.reportedSuspected = t.suspected;
            }
        }
        return new SuspicionReport(
                nowMillis,
                Collections.unmodifiableSortedSet(suspected),
                Collections.unmodifiableSortedSet(newlySuspected),
                Collections.unmodifiableSortedSet(newlyCleared));
    }

    /** The silence after which {@code node} is suspected, from its latest announced interval. */
    public synchronized long timeoutOf(int node) {
        Track t = tracks.get(node);
        return t == null ? settings.suspicionTimeoutMillis() : t.timeoutMillis;
    }

    public synchronized boolean isSuspected(int node) {
        Track t = tracks.get(node);
        return t != null && t.suspected;
    }

    public FailureDetectorSettings settings() {
        return settings;
    }
}
