package org.bftswarm.state.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Timeout suspicion with hysteresis, driven by explicit times only. */
class FailureDetectorTest {
    private static final FailureDetectorSettings SETTINGS = new FailureDetectorSettings(2_000, 2);

    private static FailureDetector detector() {
        return new FailureDetector(new TreeSet<>(List.of(0, 1, 2)), 0, SETTINGS);
    }

    @Test
    void nodeSilentLongerThanTimeoutIsSuspectedAndReportedOnce() {
        FailureDetector fd = detector();
        for (long t = 0; t <= 3_000; t += 500) {
            fd.observe(0, t);
            fd.observe(2, t);
        }
        fd.observe(1, 500);
        SuspicionReport first = fd.evaluate(2_400);
        assertThat(first.suspected()).isEmpty();
        SuspicionReport second = fd.evaluate(2_501);
        assertThat(second.suspected()).containsExactly(1);
        assertThat(second.newlySuspected()).containsExactly(1);
        SuspicionReport third = fd.evaluate(3_000);
        assertThat(third.suspected()).containsExactly(1);
        assertThat(third.newlySuspected()).isEmpty();
    }

    @Test
    void nodeNeverHeardFromIsSuspectedAfterTimeoutFromStart() {
        FailureDetector fd = detector();
        assertThat(fd.evaluate(2_000).suspected()).isEmpty();
        assertThat(fd.evaluate(2_001).suspected()).containsExactly(0, 1, 2);
    }

    @Test
    void resumedNodeIsClearedOnlyAfterEnoughFreshHeartbeats() {
        FailureDetector fd = detector();
        fd.observe(1, 100);
        assertThat(fd.evaluate(5_000).suspected()).contains(1);
        fd.observe(1, 5_100);
        assertThat(fd.evaluate(5_200).suspected())
                .as("one heartbeat is not enough")
                .contains(1);
        fd.observe(1, 5_600);
        SuspicionReport cleared = fd.evaluate(5_700);
        assertThat(cleared.suspected()).doesNotContain(1);
        assertThat(cleared.newlyCleared()).containsExactly(1);
        assertThat(fd.isSuspected(1)).isFalse();
    }

    @Test
    void observationsOlderThanTheSuspicionDoNotClearIt() {
        FailureDetector fd = detector();
        fd.observe(2, 100);
        fd.evaluate(3_000);
        fd.observe(2, 2_900);
        fd.observe(2, 2_950);
        assertThat(fd.evaluate(3_100).suspected()).contains(2);
    }

    @Test
    void unknownNodesAreIgnored() {
        FailureDetector fd = detector();
        fd.observe(7, 10);
        assertThat(fd.evaluate(1_000).suspected()).isEmpty();
        assertThat(fd.isSuspected(7)).isFalse();
    }
}
