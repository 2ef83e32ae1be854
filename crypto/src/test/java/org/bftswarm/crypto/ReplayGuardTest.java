package org.bftswarm.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Anti-replay window (RFC 4303 section 3.4.3): at most once per counter, nothing older than the window. */
class ReplayGuardTest {
    @Test
    void counterIsAcceptedOnceAndOnlyOnce() {
        ReplayGuard guard = new ReplayGuard(64);
        assertThat(guard.accept(1, 5)).isTrue();
        assertThat(guard.accept(1, 5)).isFalse();
        assertThat(guard.accept(2, 5)).as("senders are independent").isTrue();
    }

    @Test
    void outOfOrderCountersInsideTheWindowAreAcceptedAndOlderOnesRejected() {
        ReplayGuard guard = new ReplayGuard(10);
        assertThat(guard.accept(0, 100)).isTrue();
        assertThat(guard.accept(0, 91)).as("100 - 91 = 9 < 10").isTrue();
        assertThat(guard.accept(0, 90)).as("100 - 90 = 10 is outside").isFalse();
        assertThat(guard.accept(0, 95)).isTrue();
        assertThat(guard.accept(0, 95)).isFalse();
        assertThat(guard.highest(0)).isEqualTo(100);
    }

    @Test
    void bigJumpForgetsEverythingBelowTheNewWindow() {
        ReplayGuard guard = new ReplayGuard(64);
        assertThat(guard.accept(0, 3)).isTrue();
        assertThat(guard.accept(0, 1_000_000)).isTrue();
        assertThat(guard.accept(0, 3)).isFalse();
        assertThat(guard.accept(0, 999_999)).isTrue();
        assertThat(guard.accept(0, 1_000_000 - 63)).isTrue();
        assertThat(guard.accept(0, 1_000_000 - 64)).isFalse();
    }

    @Test
    void negativeCountersAndTooManySendersAreRejected() {
        ReplayGuard guard = new ReplayGuard(8, 2);
        assertThat(guard.accept(0, -1)).isFalse();
        assertThat(guard.accept(0, 0)).isTrue();
        assertThat(guard.accept(1, 0)).isTrue();
        assertThat(guard.accept(2, 0)).as("third sender exceeds the cap").isFalse();
        assertThat(guard.trackedSenders()).isEqualTo(2);
        assertThatThrownBy(() -> new ReplayGuard(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<Integer, Long>>> traffic() {
        Arbitrary<Tuple.Tuple2<Integer, Long>> msg = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.frequencyOf(
                                Tuple.of(6, Arbitraries.longs().between(0, 300)),
                                Tuple.of(1, Arbitraries.longs().between(0, 5000))))
                .as(Tuple::of);
        return msg.list().ofMaxSize(400);
    }

    @Property(tries = 300)
    void guardAgreesWithTheWindowSpecificationAndNeverAcceptsTwice(
            @ForAll("traffic") List<Tuple.Tuple2<Integer, Long>> messages,
            @ForAll @IntRange(min = 1, max = 200) int window) {
        ReplayGuard guard = new ReplayGuard(window);
        Map<Integer, Set<Long>> accepted = new HashMap<>();
        Map<Integer, Long> highest = new HashMap<>();
        for (Tuple.Tuple2<Integer, Long> m : messages) {
            int sender = m.get1();
            long counter = m.get2();
            Set<Long> seen = accepted.computeIfAbsent(sender, s -> new HashSet<>());
            long top = highest.getOrDefault(sender, -1L);
            boolean expected = !seen.contains(counter) && (counter > top || top - counter < window);
            boolean actual = guard.accept(sender, counter);
            assertThat(actual)
                    .as("sender %d counter %d (highest %d, window %d)", sender, counter, top, window)
                    .isEqualTo(expected);
            if (actual) {
                assertThat(seen.add(counter)).as("accepted twice").isTrue();
                highest.put(sender, Math.max(top, counter));
            }
        }
    }
}
