package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    private static NodeProbe ok(int id, long executed) {
        return new NodeProbe(id, true, true, executed);
    }

    @Test
    void readyWhenAllHealthyAndAQuorumOrdered() {
        Readiness r = new Readiness(List.of(ok(0, 1), ok(1, 2), ok(2, 1), ok(3, 0)), 3);
        assertThat(r.ready()).isTrue();
        assertThat(r.summary()).isEqualTo("healthy 4/4, ordered first operation 3/4 (need 3)");
    }

    @Test
    void notReadyBelowQuorumEvenIfAllHealthy() {
        Readiness r = new Readiness(List.of(ok(0, 1), ok(1, 1), ok(2, 0), ok(3, NodeProbe.UNKNOWN)), 3);
        assertThat(r.ready()).isFalse();
        assertThat(r.laggard()).map(NodeProbe::id).hasValue(2);
    }

    @Test
    void notReadyWhileANodeIsUnhealthyAndItIsTheOneBlamed() {
        Readiness r = new Readiness(List.of(ok(0, 5), ok(1, 5), ok(2, 5), new NodeProbe(3, true, false, -1)), 3);
        assertThat(r.ready()).isFalse();
        assertThat(r.deadNode()).isEmpty();
        assertThat(r.laggard()).map(NodeProbe::id).hasValue(3);
    }

    @Test
    void restartedNodeMustCatchUpWithWhatTheRunningNodesHadExecuted() {
        List<NodeProbe> behind = List.of(ok(0, 120), ok(1, 121), ok(2, 120), ok(3, 7));
        Readiness r = new Readiness(behind, 3, 100);
        assertThat(r.ready()).isFalse();
        assertThat(r.laggard()).map(NodeProbe::id).hasValue(3);
        assertThat(r.summary()).endsWith("caught up to sequence 100 3/4");
        assertThat(new Readiness(List.of(ok(0, 120), ok(1, 121), ok(2, 120), ok(3, 100)), 3, 100).ready())
                .isTrue();
    }

    @Test
    void deadProcessIsReportedFirst() {
        Readiness r = new Readiness(List.of(new NodeProbe(0, true, false, -1), new NodeProbe(1, false, false, -1)), 1);
        assertThat(r.deadNode()).map(NodeProbe::id).hasValue(1);
        assertThat(r.laggard()).map(NodeProbe::id).hasValue(1);
    }
}
