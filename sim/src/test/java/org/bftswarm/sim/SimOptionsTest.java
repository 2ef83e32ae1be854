package org.bftswarm.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.bftswarm.consensus.sim.SimOptions;
import org.junit.jupiter.api.Test;

/** The seed runners' shared arguments ({@link SimOptions}), as {@link SchedulerSimulation#main} parses them. */
class SimOptionsTest {
    private static final Set<String> VARIANT = Set.of("--variant");

    @Test
    void noArgumentsGiveTenSeedsFromOneOnFourReplicasWithFByzantine() {
        SimOptions o = SimOptions.parse(new String[0], VARIANT);
        assertThat(o.seeds()).isEqualTo(10);
        assertThat(o.firstSeed()).isEqualTo(1);
        assertThat(o.replicas()).isEqualTo(4);
        assertThat(o.byzantine()).isNull();
        assertThat(o.byzantineOrF()).isEqualTo(1);
        assertThat(o.extra("--variant", "CORRECT")).isEqualTo("CORRECT");
        assertThat(o.problem()).isEmpty();
    }

    @Test
    void everyCommonFlagAndTheRunnersOwnFlagAreRead() {
        SimOptions o = SimOptions.parse(
                new String[] {
                    "--seeds",
                    "3",
                    "--seed",
                    "129",
                    "--replicas",
                    "7",
                    "--byzantine",
                    "0",
                    "--variant",
                    "ACCEPT_ANY_REPORTER"
                },
                VARIANT);
        assertThat(o).isEqualTo(new SimOptions(3, 7, 0, 129, Map.of("--variant", "ACCEPT_ANY_REPORTER")));
        assertThat(o.byzantineOrF()).isZero();
        assertThat(o.extra("--variant", "CORRECT")).isEqualTo("ACCEPT_ANY_REPORTER");
    }

    @Test
    void unknownFlagsMissingValuesAndNonNumbersAreRefusedByName() {
        assertThatThrownBy(() -> SimOptions.parse(new String[] {"--variant", "X"}, Set.of()))
                .hasMessage("unknown argument --variant");
        assertThatThrownBy(() -> SimOptions.parse(new String[] {"--seeds"}, VARIANT))
                .hasMessage("--seeds needs a value");
        assertThatThrownBy(() -> SimOptions.parse(new String[] {"--replicas", "four"}, VARIANT))
                .hasMessage("--replicas needs a whole number, got four");
        assertThatThrownBy(() -> SimOptions.parse(new String[] {"--seeds", "99999999999"}, VARIANT))
                .hasMessageContaining("--seeds needs a whole number");
    }

    @Test
    void replicasMustBeAtLeastFourAndByzantineAtMostFAndSeedsPositive() {
        assertThat(SimOptions.problem(1, 3, null)).hasValue("--replicas must be at least 4 (f = (n-1)/3 >= 1), got 3");
        assertThat(SimOptions.problem(1, 1, null)).hasValue("--replicas must be at least 4 (f = (n-1)/3 >= 1), got 1");
        assertThat(SimOptions.problem(1, 5, null)).isEmpty();
        assertThat(SimOptions.problem(1, 5, 2)).hasValue("--byzantine must be in [0,1] and --seeds >= 1");
        assertThat(SimOptions.problem(1, 7, 3)).hasValue("--byzantine must be in [0,2] and --seeds >= 1");
        assertThat(SimOptions.problem(1, 4, -1)).hasValue("--byzantine must be in [0,1] and --seeds >= 1");
        assertThat(SimOptions.problem(0, 4, null)).hasValue("--byzantine must be in [0,1] and --seeds >= 1");
        assertThat(SimOptions.problem(1, 10, 3)).isEmpty();
    }
}
