package org.bftswarm.orchestrator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.view.NodeState;

/**
 * Replicated record of one node: capacity (milli-CPUs, MiB), labels, UP/DOWN and since when, its
 * disagreements with accepted results and whether it is quarantined for them. The
 * usage fields are derived from the tasks (transient: rebuilt on restore, never serialised).
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
final class NodeRecord {

    int id;
    long milliCpus;
    long memoryMb;
    TreeMap<String, String> labels = new TreeMap<>();
    NodeState state;
    long sinceMillis;
    int timesDown;
    /** Reports of this node that differed from a result a quorum accepted, ever. */
    int disputedResults;
    /** Of those, how many since the node was last readmitted. */
    int disputesSinceReadmission;
    /** No new runs are placed on a quarantined node until f+1 nodes vote to readmit it. */
    boolean quarantined;
    /** Nodes that voted to readmit this quarantined node. */
    TreeSet<Integer> readmitVotes = new TreeSet<>();
    /** The most recent disagreements, oldest first, at most {@link #MAX_EVIDENCE}. */
    List<Disagreement> evidence = new ArrayList<>();

    transient long usedMilliCpus;
    transient long usedMemoryMb;
    transient TreeSet<String> activeTasks = new TreeSet<>();

    /** How many disagreements a node record keeps as evidence. */
    static final int MAX_EVIDENCE = 16;

    private NodeRecord() {}

    static NodeRecord up(int id, long milliCpus, long memoryMb, Map<String, String> labels, long now) {
        NodeRecord node = new NodeRecord();
        node.id = id;
        node.milliCpus = milliCpus;
        node.memoryMb = memoryMb;
        node.labels = new TreeMap<>(labels);
        node.state = NodeState.UP;
        node.sinceMillis = now;
        return node;
    }

    long freeMilliCpus() {
        return milliCpus - usedMilliCpus;
    }

    long freeMemoryMb() {
        return memoryMb - usedMemoryMb;
    }

    /** Label equality for every constraint. */
    boolean satisfies(Map<String, String> constraints) {
        for (Map.Entry<String, String> c : constraints.entrySet()) {
            if (!c.getValue().equals(labels.get(c.getKey()))) {
                return false;
            }
        }
        return true;
    }

    void rememberDisagreement(Disagreement d) {
        evidence.add(d);
        if (evidence.size() > MAX_EVIDENCE) {
            evidence.remove(0);
        }
    }

    /** Open for new runs: UP and not quarantined. */
    boolean acceptsWork() {
        return state == NodeState.UP && !quarantined;
    }

    void resetUsage() {
        usedMilliCpus = 0;
        usedMemoryMb = 0;
        activeTasks = new TreeSet<>();
    }
}
