package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bftswarm.crypto.InvariantViolation;
import org.junit.jupiter.api.Test;

class QuorumsTest {
    @Property
    void anyTwoCertificateQuorumsShareAtLeastOneCorrectReplica(@ForAll @IntRange(min = 1, max = 200) int f) {
        Quorums q = new Quorums(3 * f + 1);
        int overlap = 2 * q.committed() - q.n();
        assertThat(overlap).isGreaterThanOrEqualTo(f + 1);
        assertThat(2 * q.checkpoint() - q.n()).isGreaterThanOrEqualTo(f + 1);
        assertThat(2 * q.newView() - q.n()).isGreaterThanOrEqualTo(f + 1);
    }

    @Property
    void preparedPlusPrimaryIsACertificateQuorum(@ForAll @IntRange(min = 1, max = 200) int f) {
        Quorums q = new Quorums(3 * f + 1);
        assertThat(q.prepared() + 1).isEqualTo(q.committed());
    }

    @Property
    void replyAndJoinQuorumsContainACorrectReplicaAndAreReachableWithFFaulty(
            @ForAll @IntRange(min = 1, max = 200) int f) {
        Quorums q = new Quorums(3 * f + 1);
        assertThat(q.reply()).isEqualTo(f + 1);
        assertThat(q.joinViewChange()).isEqualTo(f + 1);
        assertThat(q.n() - f).isGreaterThanOrEqualTo(q.committed());
    }

    @Property
    void primaryRotatesThroughAllReplicas(@ForAll @IntRange(min = 1, max = 30) int f,
                                          @ForAll @IntRange(min = 0, max = 1_000_000) int view) {
        Quorums q = new Quorums(3 * f + 1);
        assertThat(q.primary(view)).isEqualTo(view % q.n());
        assertThat(q.primary(view + 1)).isEqualTo((view + 1) % q.n());
    }

    @Property
    void certificateQuorumsEqualTheGeneralIntersectionBoundForThreeFPlusOne(@ForAll @IntRange(min = 1, max = 200) int f) {
        Quorums q = new Quorums(3 * f + 1);
        int general = (q.n() + f + 2) / 2; // ceil((n + f + 1) / 2), the cluster config's quorum
        assertThat(q.committed()).isEqualTo(general);
        assertThat(q.checkpoint()).isEqualTo(general);
        assertThat(q.newView()).isEqualTo(general);
    }

    @Test
    void sizesThatAreNotThreeFPlusOneAreRefused() {
        assertThatThrownBy(() -> new Quorums(5)).isInstanceOf(InvariantViolation.class).hasMessageContaining("3f+1");
        assertThatThrownBy(() -> new Quorums(0)).isInstanceOf(InvariantViolation.class);
    }
}
