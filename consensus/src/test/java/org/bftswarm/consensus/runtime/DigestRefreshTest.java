package org.bftswarm.consensus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DigestRefreshTest {
    @Test
    void underSteadyExecutionTheDigestIsRecomputedOnlyWhenItIsTenSecondsOld() {
        DigestRefresh r = new DigestRefresh();
        long digestAt = 0;
        List<Long> refreshedAt = new ArrayList<>();
        // one sequence number executed every 100 ms for 30 s
        for (long now = 0, seq = 1; now < 30_000; now += 100, seq++) {
            if (r.due(now, seq, digestAt)) {
                r.refreshed(now);
                digestAt = seq;
                refreshedAt.add(now);
            }
        }
        assertThat(refreshedAt).containsExactly(10_000L, 20_000L);
    }

    @Test
    void onceExecutionIsQuietForASecondTheDigestCatchesUpExactlyOnce() {
        DigestRefresh r = new DigestRefresh();
        r.refreshed(0);
        assertThat(r.due(5_000, 42, 0)).as("just executed").isFalse();
        assertThat(r.due(5_999, 42, 0)).isFalse();
        assertThat(r.due(6_000, 42, 0)).as("quiet for 1 s").isTrue();
        r.refreshed(6_000);
        assertThat(r.due(7_000, 42, 42)).as("digest is current").isFalse();
        assertThat(r.due(60_000, 42, 42)).as("nothing executed since: never").isFalse();
    }
}
