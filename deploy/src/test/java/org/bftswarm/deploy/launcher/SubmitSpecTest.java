package org.bftswarm.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.bftswarm.api.JobSubmission;
import org.junit.jupiter.api.Test;

class SubmitSpecTest {

    @Test
    void commandLineValuesBecomeTheJobSpec() {
        JobSubmission job = SubmitSpec.build(
                "n",
                "bftswarm/busybox",
                List.of("A=1", "B=x=y", "C="),
                0.5,
                "1g",
                3,
                2,
                60,
                "quorum",
                List.of("sh", "-c", "echo $A"));
        assertThat(job.env()).containsExactly(Map.entry("A", "1"), Map.entry("B", "x=y"), Map.entry("C", ""));
        assertThat(job.memoryMb()).isEqualTo(1024L);
        assertThat(job.command()).containsExactly("sh", "-c", "echo $A");
        assertThat(job.count()).isEqualTo(3);
        assertThat(job.retries()).isEqualTo(2);
        assertThat(job.timeoutSeconds()).isEqualTo(60);
        assertThat(job.verification()).isEqualTo("quorum");
    }

    @Test
    void memorySuffixesAreMegabytesOrGigabytes() {
        assertThat(SubmitSpec.memoryMb("64")).isEqualTo(64);
        assertThat(SubmitSpec.memoryMb("64m")).isEqualTo(64);
        assertThat(SubmitSpec.memoryMb("64MB")).isEqualTo(64);
        assertThat(SubmitSpec.memoryMb("2g")).isEqualTo(2048);
        assertThatThrownBy(() -> SubmitSpec.memoryMb("lots")).hasMessageContaining("--memory");
        assertThatThrownBy(() -> SubmitSpec.memoryMb("-5")).hasMessageContaining("--memory");
    }

    @Test
    void envWithoutEqualsOrKeyIsRejected() {
        assertThatThrownBy(() -> SubmitSpec.env(List.of("NOVALUE"))).hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> SubmitSpec.env(List.of("=v"))).hasMessageContaining("KEY=VALUE");
    }

    @Test
    void specBreakingTheApiBoundsIsRejectedBeforeSending() {
        assertThatThrownBy(() -> SubmitSpec.build(
                        null, "bad image", List.of(), null, null, 0, null, null, "majority", List.of("true")))
                .hasMessageContaining("image")
                .hasMessageContaining("count")
                .hasMessageContaining("verification");
    }
}
