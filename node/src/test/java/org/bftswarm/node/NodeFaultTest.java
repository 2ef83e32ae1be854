package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeFaultTest {

    @Test
    void everyFaultIsFoundByItsCommandLineName() {
        for (NodeFault f : NodeFault.values()) {
            assertThat(NodeFault.fromCliName(f.cliName())).isEqualTo(f);
            assertThat(NodeFault.fromCliName(" " + f.cliName().toUpperCase() + " "))
                    .isEqualTo(f);
        }
        assertThat(NodeFault.cliNames())
                .isEqualTo(
                        "suspect-everyone, fake-results, tamper-output, false-solutions, inflate-capacity, silent-worker,"
                                + " alter-submissions, lie-on-reads, drop-submissions");
    }

    @Test
    void anUnknownNameIsRefusedWithEveryValidName() {
        assertThatThrownBy(() -> NodeFault.fromCliName("lie-a-lot"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown Byzantine behaviour `lie-a-lot`")
                .hasMessageContaining(NodeFault.cliNames());
    }
}
