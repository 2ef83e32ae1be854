package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bftswarm.node.NodeFault;
import org.junit.jupiter.api.Test;

class ByzantineAssignmentsTest {

    @Test
    void eachNodeGetsTheBehavioursNamedForItAndTheOthersNone() {
        ByzantineAssignments a =
                ByzantineAssignments.parse(List.of("2:fake-results", "1:tamper-output", " 2 : silent-worker "), 4);
        assertThat(a.nodes()).containsExactly(1, 2);
        assertThat(a.of(2)).containsExactlyInAnyOrder(NodeFault.FAKE_RESULTS, NodeFault.SILENT_WORKER);
        assertThat(a.cliNames(2)).containsExactly("fake-results", "silent-worker");
        assertThat(a.cliNames(1)).containsExactly("tamper-output");
        assertThat(a.of(0)).isEmpty();
        assertThat(a.all())
                .containsExactlyInAnyOrder(NodeFault.FAKE_RESULTS, NodeFault.SILENT_WORKER, NodeFault.TAMPER_OUTPUT);
    }

    @Test
    void theSameBehaviourTwiceIsOneFlag() {
        assertThat(ByzantineAssignments.parse(List.of("3:fake-results", "3:fake-results"), 4)
                        .cliNames(3))
                .containsExactly("fake-results");
    }

    @Test
    void noValuesMeanNoLiars() {
        assertThat(ByzantineAssignments.parse(List.of(), 4).isEmpty()).isTrue();
        assertThat(ByzantineAssignments.none().all()).isEmpty();
    }

    @Test
    void malformedValuesAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> ByzantineAssignments.parse(List.of("fake-results"), 4))
                .hasMessageContaining("NODE:BEHAVIOUR")
                .hasMessageContaining("`fake-results`");
        assertThatThrownBy(() -> ByzantineAssignments.parse(List.of("x:fake-results"), 4))
                .hasMessageContaining("`x` is not a node id");
        assertThatThrownBy(() -> ByzantineAssignments.parse(List.of("4:fake-results"), 4))
                .hasMessageContaining("no node 4 in a cluster of 4");
        assertThatThrownBy(() -> ByzantineAssignments.parse(List.of("1:"), 4)).hasMessageContaining("NODE:BEHAVIOUR");
    }

    @Test
    void anUnknownBehaviourIsRefusedListingTheValidOnes() {
        assertThatThrownBy(() -> ByzantineAssignments.parse(List.of("1:lie"), 4))
                .hasMessageContaining("unknown Byzantine behaviour `lie`")
                .hasMessageContaining(NodeFault.cliNames());
    }
}
