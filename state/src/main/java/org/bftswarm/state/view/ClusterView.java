package org.bftswarm.state.view;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.state.crdt.LwwMap;
import org.bftswarm.state.crdt.LwwRegister;
import org.bftswarm.state.crdt.MalformedBytesException;
import org.bftswarm.state.crdt.PnCounter;
import org.bftswarm.state.crdt.Stamp;
import org.bftswarm.state.entry.CounterComponent;
import org.bftswarm.state.entry.EntryKey;
import org.bftswarm.state.entry.EntryKind;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.store.SignedEntryStore;

/**
 * Typed, read-only views over the verified entries of a {@link SignedEntryStore}:
 * register entries as an {@link LwwMap}, counter entries as {@link PnCounter}s, and the well-known
 * records (heartbeat, capacity, usage, per-node counters). Reads never touch the network.
 */
public final class ClusterView {
    private final SignedEntryStore store;

    public ClusterView(SignedEntryStore store) {
        this.store = store;
    }

    /** All register entries as an LWW map keyed by {@link EntryKey#asString()}, writer = owner. */
    public LwwMap registers() {
        LwwMap map = LwwMap.empty();
        for (SignedEntry e : store.snapshot().values()) {
            if (e.key().kind() == EntryKind.REGISTER) {
                map = map.put(
                        e.key().asString(),
                        new LwwRegister(new Stamp(e.timestamp(), e.key().owner()), e.value()));
            }
        }
        return map;
    }

    /** The cluster-wide PN counter named {@code name}: every node's signed (P, N) component. */
    public PnCounter counter(String name) {
        PnCounter counter = PnCounter.empty();
        for (SignedEntry e : store.snapshot().values()) {
            if (e.key().kind() == EntryKind.COUNTER && e.key().name().equals(name)) {
                CounterComponent c = component(e);
                counter = counter.withComponent(e.key().owner(), c.increments(), c.decrements());
            }
        }
        return counter;
    }

    public PnCounter counter(NodeCounter which) {
        return counter(which.entryName());
    }

    /** Node {@code node}'s own contribution to counter {@code which}. */
    public long counter(int node, NodeCounter which) {
        return store.get(new EntryKey(node, EntryKind.COUNTER, which.entryName()))
                .map(e -> component(e).value())
                .orElse(0L);
    }

    public Optional<Heartbeat> heartbeat(int node) {
        return register(node, Heartbeat.ENTRY_NAME).flatMap(v -> decodeOrEmpty(() -> Heartbeat.decode(v)));
    }

    public Optional<NodeCapacity> capacity(int node) {
        return register(node, NodeCapacity.ENTRY_NAME).flatMap(v -> decodeOrEmpty(() -> NodeCapacity.decode(v)));
    }

    public Optional<NodeUsage> usage(int node) {
        return register(node, NodeUsage.ENTRY_NAME).flatMap(v -> decodeOrEmpty(() -> NodeUsage.decode(v)));
    }

    public Optional<NodeEnergy> energy(int node) {
        return register(node, NodeEnergy.ENTRY_NAME).flatMap(v -> decodeOrEmpty(() -> NodeEnergy.decode(v)));
    }

    public SortedMap<Integer, Heartbeat> heartbeats() {
        TreeMap<Integer, Heartbeat> out = new TreeMap<>();
        for (int node : knownNodes()) {
            heartbeat(node).ifPresent(h -> out.put(node, h));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    /** Every node that owns at least one entry, with all its typed records. */
    public SortedMap<Integer, NodeSoftState> nodes() {
        TreeMap<Integer, NodeSoftState> out = new TreeMap<>();
        for (int node : knownNodes()) {
            EnumMap<NodeCounter, Long> counters = new EnumMap<>(NodeCounter.class);
            for (NodeCounter c : NodeCounter.values()) {
                counters.put(c, counter(node, c));
            }
            out.put(
                    node,
                    new NodeSoftState(
                            node,
                            heartbeat(node),
                            capacity(node),
                            usage(node),
                            Collections.unmodifiableSortedMap(new TreeMap<>(counters))));
        }
        return Collections.unmodifiableSortedMap(out);
    }

    public TreeSet<Integer> knownNodes() {
        TreeSet<Integer> nodes = new TreeSet<>();
        for (EntryKey k : store.snapshot().keySet()) {
            nodes.add(k.owner());
        }
        return nodes;
    }

    private Optional<byte[]> register(int node, String name) {
        return store.get(new EntryKey(node, EntryKind.REGISTER, name)).map(SignedEntry::value);
    }

    private static CounterComponent component(SignedEntry e) {
        try {
            return CounterComponent.decode(e.value());
        } catch (MalformedBytesException ex) {
            return CounterComponent.ZERO; // verified entries always decode; defensive only
        }
    }

    private interface Decoder<T> {
        T decode() throws MalformedBytesException;
    }

    private static <T> Optional<T> decodeOrEmpty(Decoder<T> decoder) {
        try {
            return Optional.of(decoder.decode());
        } catch (MalformedBytesException e) {
            return Optional.empty();
        }
    }
}
