package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import org.junit.jupiter.api.Test;

/** The {@code verification:} section: trust-one-node by default, strictly checked, kept by {@code config show}. */
class VerificationSectionTest {

    @Test
    void withoutTheSectionJobsTrustTheNodeThatRanThemAndQuarantineAfterThree() {
        assertThat(valid("swarm: demo").verification()).isEqualTo(new VerificationSettings("none", 3));
    }

    @Test
    void theDefaultModeAndQuarantineThresholdAreRead() {
        VerificationSettings v = valid("swarm: demo", "verification:", "  default: quorum", "  quarantineAfter: 5")
                .verification();
        assertThat(v).isEqualTo(new VerificationSettings("quorum", 5));
    }

    @Test
    void anUnknownModeIsRejectedAtItsLineAndColumnNamingTheChoices() {
        ConfigReport report = parse("swarm: demo", "verification:", "  default: majority");
        assertThat(errorAt(report, "verification.default", 3, 12).message())
                .contains("none, quorum")
                .contains("majority");
    }

    @Test
    void aQuarantineThresholdBelowOneIsRejected() {
        ConfigReport report = parse("swarm: demo", "verification:", "  quarantineAfter: 0");
        assertThat(errorAt(report, "verification.quarantineAfter", 3, 20).message())
                .contains("at least 1");
    }

    @Test
    void aMisspeltKeyIsRejectedWithASuggestion() {
        ConfigReport report = parse("swarm: demo", "verification:", "  defualt: quorum");
        assertThat(errorAt(report, "verification.defualt", 3, 3).message()).contains("did you mean `default`?");
    }

    @Test
    void configShowWritesTheSectionAndItSurvivesTheRoundTrip() {
        ConfigWriter writer = new ConfigWriter();
        ClusterConfig quorum = valid("swarm: demo", "verification:", "  default: quorum");
        assertThat(writer.toYaml(quorum)).contains("verification:").contains("default: quorum");
        assertThat(new ConfigParser().parse("shown.yaml", writer.toYaml(quorum)).config())
                .contains(quorum);
        assertThat(new ConfigParser().parse("shown.json", writer.toJson(quorum)).config())
                .contains(quorum);
    }
}
