package org.bftswarm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class JobSubmissionTest {

    private static JobSubmission imageOnly(String image) {
        return new JobSubmission(null, image, null, null, null, null, null, null, null, null);
    }

    @Test
    void onlyTheImageIsRequiredAndDefaultsFillTheRest() {
        JobSubmission n = imageOnly("bftswarm/busybox").normalized();

        assertThat(n.name()).isEqualTo(JobSubmission.DEFAULT_NAME);
        assertThat(n.command()).isEmpty();
        assertThat(n.env()).isEmpty();
        assertThat(n.cpus()).isEqualTo(JobSubmission.DEFAULT_CPUS);
        assertThat(n.memoryMb()).isEqualTo(JobSubmission.DEFAULT_MEMORY_MB);
        assertThat(n.timeoutSeconds()).isEqualTo(JobSubmission.DEFAULT_TIMEOUT_SECONDS);
        assertThat(n.retries()).isZero();
        assertThat(n.count()).isEqualTo(1);
        assertThat(n.constraints()).isEmpty();
        assertThat(imageOnly(null).problems()).containsExactly("image is required");
    }

    @Test
    void everyBrokenBoundIsReportedNamingItsField() {
        JobSubmission bad = new JobSubmission(
                "",
                "has space",
                java.util.Arrays.asList("ok", null),
                Map.of("1BAD", "v"),
                0.0,
                1L,
                0L,
                -1,
                1001,
                Map.of("zone", "eu west"));

        List<String> problems = bad.problems();

        assertThat(problems).hasSize(10);
        assertThat(String.join("\n", problems))
                .contains(
                        "name",
                        "image",
                        "command[1]",
                        "env key '1BAD'",
                        "cpus",
                        "memoryMb",
                        "timeoutSeconds",
                        "retries",
                        "count",
                        "constraints.zone");
        assertThatThrownBy(bad::normalized).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nanAndInfiniteCpusAreRejected() {
        for (double cpus : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1}) {
            JobSubmission s = new JobSubmission(null, "img", null, null, cpus, null, null, null, null, null);
            assertThat(s.problems())
                    .as("cpus=" + cpus)
                    .singleElement()
                    .asString()
                    .startsWith("cpus");
        }
    }

    @Property(tries = 200)
    void aValidSpecNormalisesToAValidSpecWithSortedMapsAndNormalisingIsIdempotent(
            @ForAll @AlphaChars @StringLength(min = 1, max = 30) String image,
            @ForAll @net.jqwik.api.constraints.Size(max = 20)
                    Map<@AlphaChars @StringLength(min = 1, max = 8) String, @StringLength(max = 20) @AlphaChars String>
                            env,
            @ForAll @DoubleRange(min = 0.01, max = 256) double cpus,
            @ForAll @LongRange(min = 6, max = 1 << 20) long memoryMb,
            @ForAll @IntRange(min = 1, max = 1000) int count) {
        JobSubmission s =
                new JobSubmission("job", image, List.of("sh", "-c", "true"), env, cpus, memoryMb, 60L, 2, count, null);

        assertThat(s.problems()).isEmpty();
        JobSubmission n = s.normalized();
        assertThat(n.problems()).isEmpty();
        assertThat(n.normalized()).isEqualTo(n);
        assertThat(List.copyOf(n.env().keySet())).isEqualTo(List.copyOf(new TreeMap<>(env).keySet()));
    }
}
