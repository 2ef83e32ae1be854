package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.bftswarm.crypto.InvariantViolation;
import org.bftswarm.node.config.ClusterConfig;
import org.bftswarm.node.config.ConfigParser;
import org.bftswarm.node.config.TestingSettings;
import org.junit.jupiter.api.Test;

/** A node lies only where the cluster configuration allows Byzantine behaviours. */
class FaultPermissionTest {
    private static final ClusterConfig PRODUCTION =
            new ConfigParser().parse("c.yaml", "swarm: demo\n").config().orElseThrow();
    private static final ClusterConfig TEST_CLUSTER = PRODUCTION.withTesting(new TestingSettings(true));

    @Test
    void anyFaultIsRefusedWithoutAllowByzantineAndTheRefusalNamesTheKey() {
        for (NodeFault f : NodeFault.values()) {
            assertThat(FaultPermission.refusal(PRODUCTION, Set.of(f)))
                    .hasValueSatisfying(m -> assertThat(m)
                            .contains("testing.allowByzantine: true")
                            .contains(f.cliName()));
        }
    }

    @Test
    void faultsAreAllowedUnderAllowByzantineAndNoFaultsAreAlwaysAllowed() {
        assertThat(FaultPermission.refusal(TEST_CLUSTER, Set.of(NodeFault.values())))
                .isEmpty();
        assertThat(FaultPermission.refusal(PRODUCTION, Set.of())).isEmpty();
    }

    @Test
    void nodeSettingsCannotBeMadeFaultyWithoutAllowByzantine() {
        NodeSettings honest = NodeSettings.production(PRODUCTION, 0, Path.of("/tmp/unused"));
        assertThatThrownBy(() -> honest.withFault(NodeFault.FAKE_RESULTS))
                .isInstanceOf(InvariantViolation.class)
                .hasMessageContaining("testing.allowByzantine");
        assertThat(NodeSettings.production(TEST_CLUSTER, 0, Path.of("/tmp/unused"))
                        .withFault(NodeFault.FAKE_RESULTS)
                        .faults())
                .containsExactly(NodeFault.FAKE_RESULTS);
    }
}
