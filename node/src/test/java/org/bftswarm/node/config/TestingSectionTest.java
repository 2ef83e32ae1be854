package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import org.junit.jupiter.api.Test;

/** The {@code testing:} section: off unless written, strictly typed, loud when on, kept by {@code config show}. */
class TestingSectionTest {

    @Test
    void byzantineBehavioursAreNotAllowedUnlessTheConfigurationSaysSo() {
        assertThat(valid("swarm: demo").testing()).isEqualTo(TestingSettings.DEFAULTS);
        assertThat(TestingSettings.DEFAULTS.allowByzantine()).isFalse();
        assertThat(valid("swarm: demo", "testing: {}").testing().allowByzantine())
                .isFalse();
        assertThat(valid("swarm: demo", "testing:", "  allowByzantine: false")
                        .testing()
                        .allowByzantine())
                .isFalse();
    }

    @Test
    void allowByzantineTrueIsResolvedWithAWarningNamingTheKey() {
        ConfigReport report = parse("swarm: demo", "testing:", "  allowByzantine: true");
        assertThat(report.config().orElseThrow().testing().allowByzantine()).isTrue();
        assertThat(report.warnings())
                .anySatisfy(w -> assertThat(w.path()).isEqualTo(TestingSettings.ALLOW_BYZANTINE_KEY));
    }

    @Test
    void allowByzantineThatIsNotABooleanIsRejectedAtItsLineAndColumn() {
        ConfigReport report = parse("swarm: demo", "testing:", "  allowByzantine: yes please");
        assertThat(errorAt(report, "testing.allowByzantine", 3, 19).message()).contains("true or false");
    }

    @Test
    void aMisspeltKeyInTheTestingSectionIsRejectedWithASuggestion() {
        ConfigReport report = parse("swarm: demo", "testing:", "  allowByzantin: true");
        assertThat(errorAt(report, "testing.allowByzantin", 3, 3).message()).contains("did you mean `allowByzantine`?");
    }

    @Test
    void configShowWritesTheSwitchAndItSurvivesTheRoundTrip() {
        ConfigWriter writer = new ConfigWriter();
        ClusterConfig off = valid("swarm: demo");
        ClusterConfig on = valid("swarm: demo", "testing:", "  allowByzantine: true");
        assertThat(writer.toYaml(off)).contains("testing:").contains("allowByzantine: false");
        for (ClusterConfig c : new ClusterConfig[] {off, on}) {
            assertThat(new ConfigParser().parse("shown.yaml", writer.toYaml(c)).config())
                    .contains(c);
            assertThat(new ConfigParser().parse("shown.json", writer.toJson(c)).config())
                    .contains(c);
        }
    }
}
