package org.bftswarm.deploy.launcher;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.bftswarm.node.NodeFault;

/**
 * Which node of a cluster {@code up} starts with which Byzantine behaviours, from
 * {@code --byzantine NODE:BEHAVIOUR} values (each may also be a comma list, already split by the
 * option): {@code 2:fake-results} gives node 2 {@code --byzantine fake-results} on its command line.
 * Pure parsing; whether the cluster allows any of it is {@code FaultPermission}'s rule.
 */
public final class ByzantineAssignments {
    private final SortedMap<Integer, Set<NodeFault>> byNode;

    private ByzantineAssignments(SortedMap<Integer, Set<NodeFault>> byNode) {
        this.byNode = Collections.unmodifiableSortedMap(byNode);
    }

    /** No node lies. */
    public static ByzantineAssignments none() {
        return new ByzantineAssignments(new TreeMap<>());
    }

    /**
     * Parses {@code NODE:BEHAVIOUR} values for a cluster of {@code n} nodes.
     *
     * @throws IllegalArgumentException naming the bad value: no colon, a node outside 0..n-1, or an
     *     unknown behaviour (with the list of valid ones)
     */
    public static ByzantineAssignments parse(List<String> values, int n) {
        SortedMap<Integer, Set<NodeFault>> byNode = new TreeMap<>();
        for (String raw : values) {
            String value = raw.strip();
            int colon = value.indexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new IllegalArgumentException(
                        "--byzantine expects NODE:BEHAVIOUR (e.g. 2:fake-results), got `" + value + "`");
            }
            int node;
            try {
                node = Integer.parseInt(value.substring(0, colon).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--byzantine `" + value + "`: `" + value.substring(0, colon) + "` is not a node id");
            }
            if (node < 0 || node >= n) {
                throw new IllegalArgumentException(
                        "--byzantine `" + value + "`: no node " + node + " in a cluster of " + n);
            }
            NodeFault fault = NodeFault.fromCliName(value.substring(colon + 1));
            byNode.computeIfAbsent(node, k -> EnumSet.noneOf(NodeFault.class)).add(fault);
        }
        return new ByzantineAssignments(byNode);
    }

    /** The behaviours of node {@code id} (empty for an honest node). */
    public Set<NodeFault> of(int id) {
        return byNode.getOrDefault(id, Set.of());
    }

    /** Every behaviour any node shows. */
    public Set<NodeFault> all() {
        EnumSet<NodeFault> all = EnumSet.noneOf(NodeFault.class);
        byNode.values().forEach(all::addAll);
        return all;
    }

    /** The {@code --byzantine} names node {@code id} is started with, in declaration order. */
    public List<String> cliNames(int id) {
        return of(id).stream().sorted().map(NodeFault::cliName).toList();
    }

    public boolean isEmpty() {
        return byNode.isEmpty();
    }

    /** The nodes that lie, in id order. */
    public Set<Integer> nodes() {
        return byNode.keySet();
    }
}
