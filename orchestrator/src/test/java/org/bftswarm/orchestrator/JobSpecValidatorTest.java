package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.JobSpecValidator;
import org.junit.jupiter.api.Test;

class JobSpecValidatorTest {

    @Test
    void minimalSpecIsValidAndNormalisesToDefaults() {
        JobSpec spec = JobSpec.of("bftswarm/busybox", null);
        assertThat(JobSpecValidator.validate(spec)).isEmpty();
        JobSpec n = spec.normalized();
        assertThat(n.name()).isEqualTo("bftswarm/busybox");
        assertThat(n.command()).isEmpty();
        assertThat(n.cpus()).isEqualTo(JobSpec.DEFAULT_CPUS);
        assertThat(n.count()).isEqualTo(1);
        assertThat(n.network()).isEqualTo("none");
        assertThat(n.normalized()).isEqualTo(n);
    }

    @Test
    void eachProblemIsNamedByItsField() {
        JobSpec bad = new JobSpec(
                "x".repeat(200),
                "bad image!",
                Arrays.asList("a", null),
                Map.of("1BAD", "v"),
                Double.NaN,
                -5L,
                10_000_000,
                101,
                -1,
                10_001,
                Map.of("zone", "x".repeat(300)),
                "host");
        assertThat(JobSpecValidator.validate(bad))
                .extracting(e -> e.substring(0, e.indexOf(':')))
                .containsExactly(
                        "name",
                        "image",
                        "command[1]",
                        "env",
                        "constraints.zone",
                        "cpus",
                        "memoryMb",
                        "timeoutSeconds",
                        "retries",
                        "backoffSeconds",
                        "count",
                        "network");
    }

    @Test
    void nullSpecIsReported() {
        assertThat(JobSpecValidator.validate(null)).containsExactly("spec: is required");
    }

    @Test
    void tooSmallCpuFractionIsReported() {
        JobSpec spec = new JobSpec(null, "img", List.of(), null, 0.0001, null, null, null, null, null, null, null);
        assertThat(JobSpecValidator.validate(spec))
                .singleElement()
                .satisfies(e -> assertThat(e).startsWith("cpus: must be at least 0.001"));
    }
}
