package org.bftswarm.orchestrator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Suspicion votes per suspected node: for each suspect, the batch time of the
 * latest vote of each distinct suspector. Only votes younger than the window count, and a
 * suspector has one vote however often it repeats itself, so one Byzantine replica alone can
 * never reach the f+1 quorum.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
final class SuspicionLedger {

    private TreeMap<Integer, TreeMap<Integer, Long>> votes = new TreeMap<>();

    /** Records (or refreshes) one vote and returns the number of distinct suspectors in the window. */
    int vote(int suspect, int suspector, long now, long windowMillis) {
        TreeMap<Integer, Long> forSuspect = votes.computeIfAbsent(suspect, k -> new TreeMap<>());
        forSuspect.put(suspector, now);
        return suspectors(suspect, now, windowMillis).size();
    }

    /** Distinct suspectors whose latest vote is within the window, ascending; prunes older votes. */
    List<Integer> suspectors(int suspect, long now, long windowMillis) {
        TreeMap<Integer, Long> forSuspect = votes.get(suspect);
        if (forSuspect == null) {
            return List.of();
        }
        forSuspect.values().removeIf(at -> now - at > windowMillis);
        if (forSuspect.isEmpty()) {
            votes.remove(suspect);
            return List.of();
        }
        return new ArrayList<>(forSuspect.keySet());
    }

    /** Read-only variant for views: does not prune. */
    List<Integer> currentSuspectors(int suspect, long now, long windowMillis) {
        List<Integer> result = new ArrayList<>();
        for (Map.Entry<Integer, Long> e :
                votes.getOrDefault(suspect, new TreeMap<>()).entrySet()) {
            if (now - e.getValue() <= windowMillis) {
                result.add(e.getKey());
            }
        }
        return result;
    }

    void clear(int suspect) {
        votes.remove(suspect);
    }

    /** Drops every vote older than the window (keeps the snapshot small and canonical). */
    void expire(long now, long windowMillis) {
        votes.values().forEach(m -> m.values().removeIf(at -> now - at > windowMillis));
        votes.values().removeIf(Map::isEmpty);
    }

    boolean isWellFormed(int clusterSize) {
        for (Map.Entry<Integer, TreeMap<Integer, Long>> e : votes.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getValue().isEmpty()) {
                return false;
            }
            for (Map.Entry<Integer, Long> v : e.getValue().entrySet()) {
                if (v.getKey() == null || v.getValue() == null || v.getKey() < 0 || v.getKey() >= clusterSize) {
                    return false;
                }
            }
        }
        return true;
    }
}
