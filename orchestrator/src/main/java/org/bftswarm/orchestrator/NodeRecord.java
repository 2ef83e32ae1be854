package org.bftswarm.orchestrator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.view.NodeState;

/**
 * Replicated record of one node: capacity (milli-CPUs, MiB), labels, UP/DOWN and since when. The
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

    transient long usedMilliCpus;
    transient long usedMemoryMb;
    transient TreeSet<String> activeTasks = new TreeSet<>();

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

    void resetUsage() {
        usedMilliCpus = 0;
        usedMemoryMb = 0;
        activeTasks = new TreeSet<>();
    }
}
