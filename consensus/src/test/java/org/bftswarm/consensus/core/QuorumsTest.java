package org.bftswarm.consensus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.bftswarm.crypto.InvariantViolation;
import org.junit.jupiter.api.Test;

/** Quorum sizes for any n: intersections hold a correct replica, and the correct replicas alone reach them. */
class QuorumsTest {
    @Property
    void anyTwoCertificateQuorumsShareAtLeastOneCorrectReplica(@ForAll @IntRange(min = 1, max = 400) int n) {
        Quorums q = new Quorums(n);
        int f = q.f();
        assertThat(2 * q.committed() - n).isGreaterThanOrEqualTo(f + 1);
        assertThat(2 * q.checkpoint() - n).isGreaterThanOrEqualTo(f + 1);
        assertThat(2 * q.newView() - n).isGreaterThanOrEqualTo(f + 1);
    }

    @Property
    void preparedPlusPrimaryIsACertificateQuorum(@ForAll @IntRange(min = 1, max = 400) int n) {
        Quorums q = new Quorums(n);
        assertThat(q.prepared() + 1).isEqualTo(q.committed()).isEqualTo(q.certificate());
    }

    @Property
    void replyAndJoinQuorumsContainACorrectReplicaAndAreReachableWithFFaulty(
            @ForAll @IntRange(min = 1, max = 400) int n) {
        Quorums q = new Quorums(n);
        int f = q.f();
        assertThat(f).isEqualTo((n - 1) / 3);
        assertThat(q.reply()).isEqualTo(f + 1);
        assertThat(q.joinViewChange()).isEqualTo(f + 1);
        assertThat(n - f).isGreaterThanOrEqualTo(q.committed());
    }

    @Property
    void primaryRotatesThroughAllReplicas(
            @ForAll @IntRange(min = 1, max = 100) int n, @ForAll @IntRange(min = 0, max = 1_000_000) int view) {
        Quorums q = new Quorums(n);
        assertThat(q.primary(view)).isEqualTo(view % n);
        assertThat(q.primary(view + 1)).isEqualTo((view + 1) % n);
    }

    @Property
    void forThreeFPlusOneTheCertificateIsThePapersTwoFPlusOne(@ForAll @IntRange(min = 0, max = 200) int f) {
        Quorums q = new Quorums(3 * f + 1);
        assertThat(q.committed()).isEqualTo(2 * f + 1);
        assertThat(q.checkpoint()).isEqualTo(2 * f + 1);
        assertThat(q.newView()).isEqualTo(2 * f + 1);
    }

    @Test
    void anEmptyClusterIsRefused() {
        assertThatThrownBy(() -> new Quorums(0)).isInstanceOf(InvariantViolation.class);
    }
}
