package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** PBFT sizing (Castro &amp; Liskov §2, §4): f and the quorum are safe and live for every n. */
class QuorumPropertiesTest {

    @Property
    void fIsTheLargestNumberOfFaultsWithNAtLeastThreeFPlusOne(@ForAll @IntRange(min = 1, max = 1000) int n) {
        int f = ClusterConfig.faultsTolerated(n);
        assertThat(3 * f + 1).isLessThanOrEqualTo(n);
        assertThat(3 * (f + 1) + 1).isGreaterThan(n);
    }

    @Property
    void anyTwoQuorumsShareACorrectReplicaAndCorrectReplicasFormAQuorum(@ForAll @IntRange(min = 1, max = 1000) int n) {
        int f = ClusterConfig.faultsTolerated(n);
        int q = ClusterConfig.quorumSize(n);
        assertThat(2 * q - n).as("overlap of two quorums").isGreaterThanOrEqualTo(f + 1);
        assertThat(q).as("quorum reachable without the f faulty").isLessThanOrEqualTo(n - f);
    }

    @Property
    void quorumIsTwoFPlusOneWhenNIsThreeFPlusOne(@ForAll @IntRange(min = 0, max = 333) int f) {
        assertThat(ClusterConfig.quorumSize(3 * f + 1)).isEqualTo(2 * f + 1);
    }
}
