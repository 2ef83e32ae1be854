package org.bftswarm.state.crdt;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of small CRDT states with many collisions (few keys, few timestamps, few writers). */
final class CrdtArbitraries {
    private CrdtArbitraries() {}

    static Arbitrary<LwwRegister> registers() {
        return Combinators.combine(
                        Arbitraries.longs().between(0, 5),
                        Arbitraries.integers().between(0, 3),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(3))
                .as((ts, writer, value) -> new LwwRegister(new Stamp(ts, writer), value));
    }

    static Arbitrary<LwwMap> lwwMaps() {
        Arbitrary<String> keys = Arbitraries.of("a", "b", "c", "d");
        return Combinators.combine(keys, registers())
                .as(Pair::new)
                .list()
                .ofMaxSize(8)
                .map(list -> {
                    LwwMap m = LwwMap.empty();
                    for (Pair p : list) {
                        m = m.put(p.key, p.register);
                    }
                    return m;
                });
    }

    static Arbitrary<PnCounter> pnCounters() {
        Arbitrary<int[]> ops = Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(0, 10))
                .as((node, sign, amount) -> new int[] {node, sign, amount});
        return ops.list().ofMaxSize(10).map(list -> {
            PnCounter c = PnCounter.empty();
            for (int[] op : list) {
                c = op[1] == 0 ? c.increment(op[0], op[2]) : c.decrement(op[0], op[2]);
            }
            return c;
        });
    }

    private record Pair(String key, LwwRegister register) {}
}
