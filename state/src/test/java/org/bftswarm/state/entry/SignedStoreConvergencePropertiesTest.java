package org.bftswarm.state.entry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import org.bftswarm.state.TestKeys;
import org.bftswarm.state.store.LocalWriter;
import org.bftswarm.state.store.SignedEntryStore;
import org.bftswarm.state.view.ClusterView;

/**
 * The signed store converges too: nodes write their own registers and counters through
 * {@link LocalWriter} (with clocks that may step back), every signed entry is delivered to every
 * replica shuffled with duplicates and replays, and all replicas end with equal canonical bytes
 * and counters equal to the sum of all increments.
 */
class SignedStoreConvergencePropertiesTest {
    private static final String SWARM = "prop-swarm";

    record Write(int node, boolean register, String name, long clock, byte value, int amount) {}

    @Provide
    Arbitrary<List<Write>> writes() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(true, false),
                        Arbitraries.of("a", "b"),
                        Arbitraries.longs().between(0, 5),
                        Arbitraries.bytes(),
                        Arbitraries.integers().between(0, 5))
                .as(Write::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(20);
    }

    @Property(tries = 40)
    void signedReplicasConvergeUnderShuffledDuplicatedDelivery(
            @ForAll("writes") List<Write> writes,
            @ForAll @IntRange(min = 3, max = 5) int nodes,
            @ForAll Random random) {
        SignedEntryStore[] origin = new SignedEntryStore[nodes];
        LocalWriter[] writers = new LocalWriter[nodes];
        List<SignedEntry> sent = new ArrayList<>();
        long[] expectedPerCounter = new long[2];
        for (int n = 0; n < nodes; n++) {
            origin[n] = newStore(nodes);
            writers[n] = new LocalWriter(SWARM, n, TestKeys.key(n), origin[n]);
            origin[n].addListener(sent::add);
        }
        for (Write w : writes) {
            int n = w.node() % nodes;
            if (w.register()) {
                writers[n].putRegister(w.name(), new byte[] {w.value()}, w.clock());
            } else {
                writers[n].addToCounter(w.name(), w.amount(), 0, w.clock());
                expectedPerCounter[w.name().equals("a") ? 0 : 1] += w.amount();
            }
        }
        byte[] reference = null;
        for (int r = 0; r < nodes; r++) {
            SignedEntryStore replica = newStore(nodes);
            List<SignedEntry> delivery = new ArrayList<>(sent);
            for (int i = 0; i < sent.size(); i++) {
                delivery.add(sent.get(random.nextInt(sent.size())));
            }
            Collections.shuffle(delivery, random);
            for (SignedEntry e : delivery) {
                replica.offer(e.encode());
            }
            assertThat(replica.invalidEntries().total()).isZero();
            ClusterView view = new ClusterView(replica);
            assertThat(view.counter("a").value()).isEqualTo(expectedPerCounter[0]);
            assertThat(view.counter("b").value()).isEqualTo(expectedPerCounter[1]);
            byte[] bytes = replica.canonicalBytes();
            if (reference == null) {
                reference = bytes;
                for (int n = 0; n < nodes; n++) { // each origin's own entries are what the replicas hold
                    for (SignedEntry own : origin[n].ownedBy(n)) {
                        assertThat(replica.get(own.key())).contains(own);
                    }
                }
            } else {
                assertThat(bytes).isEqualTo(reference);
            }
        }
    }

    private static SignedEntryStore newStore(int nodes) {
        return new SignedEntryStore(
                new EntryVerifier(SWARM, TestKeys.registry(nodes), ValueValidator.ACCEPT_ALL),
                new InvalidEntryCounter());
    }
}
