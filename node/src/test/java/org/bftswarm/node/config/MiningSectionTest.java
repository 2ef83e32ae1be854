package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import org.bftswarm.orchestrator.MiningConfig;
import org.junit.jupiter.api.Test;

/** The {@code mining:} section: the Bitcoin genesis hash and no automatic mining by default, strictly checked. */
class MiningSectionTest {

    @Test
    void withoutTheSectionTheChainStartsAtTheBitcoinGenesisBlockAndNothingIsMinedByItself() {
        MiningConfig m = valid("swarm: demo").mining();
        assertThat(m.genesisHash()).isEqualTo("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
        assertThat(m.autoEnabled()).isFalse();
        assertThat(m.intervalSeconds()).isEqualTo(15);
        assertThat(m.difficulty()).isEqualTo("medium");
    }

    @Test
    void automaticMiningIsRead() {
        MiningConfig m = valid(
                        "swarm: demo",
                        "mining:",
                        "  genesisHash: " + "AB".repeat(32),
                        "  auto:",
                        "    enabled: true",
                        "    intervalSeconds: 5",
                        "    difficulty: easy")
                .mining();
        assertThat(m.genesisHash()).isEqualTo("ab".repeat(32));
        assertThat(m.autoEnabled()).isTrue();
        assertThat(m.intervalSeconds()).isEqualTo(5);
        assertThat(m.difficulty()).isEqualTo("easy");
    }

    @Test
    void badValuesAreRejectedAtTheirLineAndColumn() {
        assertThat(errorAt(
                                parse("swarm: demo", "mining:", "  auto:", "    difficulty: insane"),
                                "mining.auto.difficulty",
                                4,
                                17)
                        .message())
                .contains("medium");
        assertThat(errorAt(parse("swarm: demo", "mining:", "  genesisHash: abc"), "mining.genesisHash", 3, 16)
                        .message())
                .contains("64 hex digits");
        assertThat(errorAt(
                                parse("swarm: demo", "mining:", "  auto:", "    intervalSeconds: 0"),
                                "mining.auto.intervalSeconds",
                                4,
                                22)
                        .message())
                .contains("at least 1");
    }
}
