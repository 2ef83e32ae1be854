package org.bftswarm.node.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.node.ApiMapping;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.JobSpecValidator;
import org.junit.jupiter.api.Test;

/** An HTTP submission mapped to the scheduler's spec obeys the one rulebook: its defaults, its limits. */
class SubmissionRulebookTest {

    private static List<String> problems(JobSubmission s) {
        return JobSpecValidator.validate(ApiMapping.toJobSpec(s));
    }

    @Test
    void onlyTheImageIsRequiredAndTheRulebookDefaultsFillTheRest() {
        JobSpec n =
                ApiMapping.toJobSpec(JobSubmission.of("bftswarm/busybox", null)).normalized();

        assertThat(n.name()).isEqualTo("bftswarm/busybox");
        assertThat(n.command()).isEmpty();
        assertThat(n.env()).isEmpty();
        assertThat(n.cpus()).isEqualTo(JobSpec.DEFAULT_CPUS).isEqualTo(0.25);
        assertThat(n.memoryMb()).isEqualTo(JobSpec.DEFAULT_MEMORY_MB);
        assertThat(n.timeoutSeconds()).isEqualTo(JobSpec.DEFAULT_TIMEOUT_SECONDS);
        assertThat(n.retries()).isZero();
        assertThat(n.backoffSeconds()).isEqualTo(JobSpec.DEFAULT_BACKOFF_SECONDS);
        assertThat(n.count()).isEqualTo(1);
        assertThat(n.constraints()).isEmpty();
        assertThat(n.network()).isEqualTo("none");
        assertThat(problems(JobSubmission.of(null, null))).containsExactly("image: is required");
    }

    @Test
    void everyBrokenBoundIsReportedNamingItsField() {
        JobSubmission bad = new JobSubmission(
                "",
                "has space",
                Arrays.asList("ok", null),
                Map.of("1BAD", "v"),
                0.0,
                1L,
                0,
                -1,
                -1,
                1001,
                Map.of("zone", "eu\0west"),
                "host",
                null);

        List<String> problems = problems(bad);

        assertThat(problems)
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
        assertThat(problems.get(3)).contains("1BAD");
    }

    @Test
    void theRulesTheApiAndTheSchedulerOnceDisagreedOnHaveOneAnswer() {
        assertThat(problems(JobSubmission.of("a+b", null)))
                .singleElement()
                .asString()
                .startsWith("image:");
        JobSubmission thousand =
                new JobSubmission(null, "x", null, null, null, null, null, null, null, 1000, null, null, null);
        JobSubmission fiveThousand =
                new JobSubmission(null, "x", null, null, null, null, null, null, null, 5000, null, null, null);
        assertThat(problems(thousand)).isEmpty();
        assertThat(problems(fiveThousand)).containsExactly("count: must be between 1 and 1000 (got 5000)");
        assertThat(ApiMapping.toJobSpec(JobSubmission.of("x", null))
                        .normalized()
                        .cpus())
                .isEqualTo(0.25);
    }

    @Test
    void nanAndInfiniteCpusAreRejected() {
        for (double cpus : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -1}) {
            JobSubmission s =
                    new JobSubmission(null, "img", null, null, cpus, null, null, null, null, null, null, null, null);
            assertThat(problems(s))
                    .as("cpus=" + cpus)
                    .singleElement()
                    .asString()
                    .startsWith("cpus");
        }
    }

    @Property(tries = 200)
    void aValidSpecNormalisesToAValidSpecWithSortedMapsAndNormalisingIsIdempotent(
            @ForAll @AlphaChars @StringLength(min = 1, max = 30) String image,
            @ForAll @Size(max = 20)
                    Map<@AlphaChars @StringLength(min = 1, max = 8) String, @StringLength(max = 20) @AlphaChars String>
                            env,
            @ForAll @DoubleRange(min = 0.01, max = 256) double cpus,
            @ForAll @LongRange(min = 6, max = 1 << 20) long memoryMb,
            @ForAll @IntRange(min = 1, max = 1000) int count) {
        JobSubmission s = new JobSubmission(
                "job", image, List.of("sh", "-c", "true"), env, cpus, memoryMb, 60, 2, null, count, null, null, null);

        assertThat(problems(s)).isEmpty();
        JobSpec n = ApiMapping.toJobSpec(s).normalized();
        assertThat(JobSpecValidator.validate(n)).isEmpty();
        assertThat(n.normalized()).isEqualTo(n);
        assertThat(List.copyOf(n.env().keySet())).isEqualTo(List.copyOf(new TreeMap<>(env).keySet()));
    }
}
