package org.bftswarm.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.node.config.ConfigAssertions.errorAt;
import static org.bftswarm.node.config.ConfigAssertions.parse;
import static org.bftswarm.node.config.ConfigAssertions.valid;

import org.bftswarm.orchestrator.RetentionLimits;
import org.bftswarm.orchestrator.SchedulerConfig;
import org.junit.jupiter.api.Test;

/**
 * The {@code retention:} section: 5000 jobs, a day and 16 MiB of output by default, strictly checked, kept by
 * {@code config show}.
 */
class RetentionSectionTest {

    @Test
    void withoutTheSectionTheSchedulerDefaultsApply() {
        RetentionSettings r = valid("swarm: demo").retention();
        assertThat(r).isEqualTo(new RetentionSettings(5000, 86_400, 16L * 1024 * 1024));
        assertThat(r.finishedJobs()).isEqualTo(RetentionLimits.DEFAULTS.finishedJobs());
        assertThat(r.maxAgeSeconds() * 1000).isEqualTo(RetentionLimits.DEFAULTS.maxAgeMillis());
        assertThat(r.maxOutputBytes()).isEqualTo(RetentionLimits.DEFAULTS.maxOutputBytes());
        assertThat(RetentionSettings.STATE_BUDGET_BYTES)
                .isEqualTo(SchedulerConfig.DEFAULT_STATE_TRANSFER_LIMIT_BYTES / 2);
    }

    @Test
    void everyLimitIsRead() {
        RetentionSettings r = valid(
                        "swarm: demo",
                        "retention:",
                        "  finishedJobs: 100",
                        "  maxAgeSeconds: 3600",
                        "  maxOutputBytes: 1048576")
                .retention();
        assertThat(r).isEqualTo(new RetentionSettings(100, 3600, 1_048_576));
    }

    @Test
    void limitsBelowTheirMinimumAreRejectedAtTheirLineAndColumn() {
        assertThat(errorAt(parse("swarm: demo", "retention:", "  finishedJobs: 0"), "retention.finishedJobs", 3, 17)
                        .message())
                .contains("at least 1");
        assertThat(errorAt(parse("swarm: demo", "retention:", "  maxAgeSeconds: 0"), "retention.maxAgeSeconds", 3, 18)
                        .message())
                .contains("at least 1");
        assertThat(errorAt(
                                parse("swarm: demo", "retention:", "  maxOutputBytes: -1"),
                                "retention.maxOutputBytes",
                                3,
                                19)
                        .message())
                .contains("at least 0");
    }

    @Test
    void aMisspeltKeyIsRejectedWithASuggestion() {
        ConfigReport report = parse("swarm: demo", "retention:", "  finishedJob: 10");
        assertThat(errorAt(report, "retention.finishedJob", 3, 3).message()).contains("did you mean `finishedJobs`?");
    }

    @Test
    void configShowWritesTheSectionAndItSurvivesTheRoundTrip() {
        ConfigWriter writer = new ConfigWriter();
        ClusterConfig kept = valid("swarm: demo", "retention:", "  finishedJobs: 42", "  maxAgeSeconds: 60");
        assertThat(writer.toYaml(kept)).contains("retention:").contains("finishedJobs: 42");
        assertThat(new ConfigParser().parse("shown.yaml", writer.toYaml(kept)).config())
                .contains(kept);
        assertThat(new ConfigParser().parse("shown.json", writer.toJson(kept)).config())
                .contains(kept);
    }
}
