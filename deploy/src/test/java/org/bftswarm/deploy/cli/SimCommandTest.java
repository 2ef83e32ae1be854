package org.bftswarm.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code bftswarm sim} runs either simulator and refuses options that do not fit it. */
class SimCommandTest {
    @Test
    void schedulerSimulationPrintsItsSummaryAndPasses() {
        CliRun run = CliRun.of("sim", "--scheduler", "--seeds", "2");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("SIM scheduler seeds=2 violations=0 liveness_failures=0");
    }

    @Test
    void unknownVariantIsAUsageErrorNamingTheChoices() {
        CliRun run = CliRun.of("sim", "--scheduler", "--variant", "LENIENT");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--variant must be one of CORRECT, ACCEPT_ANY_REPORTER");
    }

    @Test
    void variantWithoutSchedulerIsRefused() {
        CliRun run = CliRun.of("sim", "--variant", "ACCEPT_ANY_REPORTER");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--variant needs --scheduler");
    }
}
