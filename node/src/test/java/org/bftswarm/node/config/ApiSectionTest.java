package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import org.junit.jupiter.api.Test;

/** The {@code api:} section: bearer-token writes are accepted unless turned off; kept by {@code config show}. */
class ApiSectionTest {

    @Test
    void tokenWritesAreAllowedUnlessTheConfigurationSaysOtherwise() {
        assertThat(valid("swarm: demo").api()).isEqualTo(ApiSettings.DEFAULTS);
        assertThat(ApiSettings.DEFAULTS.allowToken()).isTrue();
        assertThat(valid("swarm: demo", "api: {}").api().allowToken()).isTrue();
        assertThat(valid("swarm: demo", "api:", "  allowToken: false").api().allowToken())
                .isFalse();
    }

    @Test
    void allowTokenThatIsNotABooleanIsRejectedAtItsLineAndColumn() {
        ConfigReport report = parse("swarm: demo", "api:", "  allowToken: 1");
        assertThat(errorAt(report, "api.allowToken", 3, 15).message()).contains("true or false");
    }

    @Test
    void aMisspeltKeyIsRejectedWithASuggestion() {
        ConfigReport report = parse("swarm: demo", "api:", "  allowTokens: false");
        assertThat(errorAt(report, "api.allowTokens", 3, 3).message()).contains("did you mean `allowToken`?");
    }

    @Test
    void configShowWritesTheSwitchAndItSurvivesTheRoundTrip() {
        ConfigWriter writer = new ConfigWriter();
        ClusterConfig off = valid("swarm: demo", "api:", "  allowToken: false");
        assertThat(writer.toYaml(valid("swarm: demo"))).contains("api:").contains("allowToken: true");
        assertThat(new ConfigParser().parse("shown.yaml", writer.toYaml(off)).config())
                .contains(off);
        assertThat(new ConfigParser().parse("shown.json", writer.toJson(off)).config())
                .contains(off);
    }
}
