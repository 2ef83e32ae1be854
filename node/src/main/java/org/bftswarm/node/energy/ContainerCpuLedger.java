package org.bftswarm.node.energy;

import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of a node's task containers as one total that never goes backwards: a container's
 * figure counts while it runs, and the last figure seen of a container that ended stays in the
 * total. (A container's final fraction of a second between the last sample and its end is not seen.)
 */
public final class ContainerCpuLedger {
    private final Map<String, Long> running = new TreeMap<>();
    private long ended;

    /** Takes the figures (container id → CPU milliseconds so far) of the containers running now. */
    public long total(Map<String, Long> now) {
        running.entrySet().removeIf(e -> {
            if (!now.containsKey(e.getKey())) {
                ended += e.getValue();
                return true;
            }
            return false;
        });
        now.forEach((id, millis) -> running.merge(id, millis, Math::max));
        long sum = ended;
        for (long v : running.values()) {
            sum += v;
        }
        return sum;
    }
}
