package org.bftswarm.state.crdt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Strong eventual consistency: random operation histories on 3-5 nodes, every state (full states
 * and single-op deltas) delivered to every replica in a shuffled order with duplicates; all
 * replicas end with equal states, equal canonical bytes and equal digests.
 */
class ConvergencePropertiesTest {

    /** One local operation at node {@code node}: write key at logical time, or add to the counter. */
    record Op(int node, boolean lww, String key, long time, byte value, boolean decrement, int amount) {}

    @Provide
    Arbitrary<List<Op>> histories() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(true, false),
                        Arbitraries.of("cpu", "mem", "labels"),
                        Arbitraries.longs().between(0, 6),
                        Arbitraries.bytes(),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 9))
                .as(Op::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(40);
    }

    @Property(tries = 200)
    void lwwMapReplicasConvergeUnderAnyDeliveryOrderWithDuplicates(
            @ForAll("histories") List<Op> history,
            @ForAll @IntRange(min = 3, max = 5) int nodes,
            @ForAll Random random) {
        LwwMap[] local = new LwwMap[nodes];
        Arrays.fill(local, LwwMap.empty());
        List<LwwMap> messages = new ArrayList<>();
        for (Op op : history) {
            if (!op.lww()) {
                continue;
            }
            int n = op.node() % nodes;
            LwwMap delta =
                    LwwMap.empty().put(op.key(), new LwwRegister(new Stamp(op.time(), n), new byte[] {op.value()}));
            local[n] = local[n].merge(delta);
            messages.add(delta);
            messages.add(local[n]);
        }
        LwwMap[] replicas = new LwwMap[nodes];
        for (int r = 0; r < nodes; r++) {
            LwwMap state = local[r];
            for (LwwMap m : shuffledWithDuplicates(messages, random)) {
                state = state.merge(m);
            }
            replicas[r] = state;
        }
        LwwMap expected = messages.stream().reduce(LwwMap.empty(), LwwMap::merge);
        for (LwwMap replica : replicas) {
            assertThat(replica).isEqualTo(expected);
            assertThat(replica.encode()).isEqualTo(expected.encode());
            assertThat(replica.digest()).isEqualTo(expected.digest());
        }
    }

    @Property(tries = 200)
    void pnCounterReplicasConvergeToTheSumOfAllOperations(
            @ForAll("histories") List<Op> history,
            @ForAll @IntRange(min = 3, max = 5) int nodes,
            @ForAll Random random) {
        PnCounter[] local = new PnCounter[nodes];
        Arrays.fill(local, PnCounter.empty());
        List<PnCounter> messages = new ArrayList<>();
        long expectedValue = 0;
        for (Op op : history) {
            if (op.lww()) {
                continue;
            }
            int n = op.node() % nodes;
            local[n] = op.decrement() ? local[n].decrement(n, op.amount()) : local[n].increment(n, op.amount());
            expectedValue += op.decrement() ? -op.amount() : op.amount();
            messages.add(local[n]);
        }
        PnCounter first = null;
        for (int r = 0; r < nodes; r++) {
            PnCounter state = PnCounter.empty();
            for (PnCounter m : shuffledWithDuplicates(messages, random)) {
                state = state.merge(m);
            }
            state = state.merge(local[r]);
            assertThat(state.value()).isEqualTo(expectedValue);
            if (first == null) {
                first = state;
            } else {
                assertThat(state).isEqualTo(first);
                assertThat(state.digest()).isEqualTo(first.digest());
            }
        }
    }

    static <T> List<T> shuffledWithDuplicates(List<T> messages, Random random) {
        List<T> delivery = new ArrayList<>(messages);
        int duplicates = messages.isEmpty() ? 0 : random.nextInt(messages.size() + 1);
        for (int i = 0; i < duplicates; i++) {
            delivery.add(messages.get(random.nextInt(messages.size())));
        }
        Collections.shuffle(delivery, random);
        return delivery;
    }
}
