package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetransmitBackoffTest {

    /** Times (multiples of base=100) at which rounds fire when polled every 100 ms with a fixed mark. */
    private static List<Long> roundsWithoutProgress(RetransmitBackoff b, long until) {
        List<Long> fired = new ArrayList<>();
        for (long t = 100; t <= until; t += 100) {
            if (b.due(t, "same")) {
                fired.add(t);
            }
        }
        return fired;
    }

    @Test
    void roundsThatGetNoResponseDoubleTheWaitAfterTheGraceRoundsUpToTheCap() {
        RetransmitBackoff b = new RetransmitBackoff(100, 2, 3);
        assertThat(roundsWithoutProgress(b, 4000)).startsWith(100L, 200L, 300L, 400L, 600L, 1000L, 1800L, 2600L, 3400L);
        assertThat(b.currentWait()).isEqualTo(800);
    }

    @Test
    void anyProgressResetsTheWaitToTheBase() {
        RetransmitBackoff b = new RetransmitBackoff(100, 0, 4);
        roundsWithoutProgress(b, 5000);
        assertThat(b.currentWait()).isEqualTo(1600);
        assertThat(b.due(5100, "same")).isFalse();
        assertThat(b.due(5100, "progressed")).isTrue();
        assertThat(b.currentWait()).isEqualTo(100);
        assertThat(b.due(5200, "progressed again")).isTrue();
        assertThat(b.due(5300, "progressed again")).isTrue();
        assertThat(b.currentWait()).isEqualTo(200);
    }
}
