package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.bftswarm.orchestrator.spec.ContainerHardening;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.JobSpecValidator;
import org.junit.jupiter.api.Test;

/** The rulebook's part of container hardening: defaults, limits of each option, and no host network. */
class ContainerHardeningSpecTest {

    private static JobSpec with(ContainerHardening h) {
        JobSpec base = JobSpec.of("bftswarm/busybox", null);
        return new JobSpec(
                base.name(),
                base.image(),
                base.command(),
                base.env(),
                base.cpus(),
                base.memoryMb(),
                base.timeoutSeconds(),
                base.retries(),
                base.backoffSeconds(),
                base.count(),
                base.constraints(),
                base.network(),
                base.verification(),
                base.data(),
                h);
    }

    @Test
    void aSpecWithoutOptionsIsStoredWithAPidsLimitOf256AndAWritableRootAsTheImageUser() {
        JobSpec n = JobSpec.of("bftswarm/busybox", null).normalized();
        assertThat(n.hardening()).isEqualTo(new ContainerHardening(256, null, false));
        assertThat(n.normalized()).isEqualTo(n);
    }

    @Test
    void givenOptionsAreKeptAndAbsentOnesDefaulted() {
        JobSpec n = with(new ContainerHardening(null, "1000:1000", true)).normalized();
        assertThat(n.hardening()).isEqualTo(new ContainerHardening(256, "1000:1000", true));
        assertThat(JobSpecValidator.validate(with(new ContainerHardening(64, "nobody", null))))
                .isEmpty();
    }

    @Test
    void pidsOutOfRangeIsRefusedNamingPids() {
        assertThat(JobSpecValidator.validate(with(new ContainerHardening(0, null, null))))
                .singleElement()
                .asString()
                .startsWith("pids: must be between 1 and " + JobSpecValidator.MAX_PIDS);
        assertThat(JobSpecValidator.validate(with(new ContainerHardening(JobSpecValidator.MAX_PIDS + 1, null, null))))
                .singleElement()
                .asString()
                .startsWith("pids:");
    }

    @Test
    void aMalformedUserIsRefusedNamingUser() {
        for (String bad : new String[] {"", "a:b:c", "root;rm", "-x", ":", "u\n", "x".repeat(33)}) {
            assertThat(JobSpecValidator.validate(with(new ContainerHardening(null, bad, null))))
                    .as(bad)
                    .singleElement()
                    .asString()
                    .startsWith("user:");
        }
    }

    @Test
    void hostNetworkIsRefusedWithAMessageSayingWhy() {
        JobSpec host =
                new JobSpec(null, "bftswarm/busybox", null, null, null, null, null, null, null, null, null, "host");
        assertThat(JobSpecValidator.validate(host))
                .singleElement()
                .asString()
                .startsWith("network: \"host\" is refused")
                .contains("namespace");
    }
}
