package org.bftswarm.deploy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code mine}'s options: {@code --version V} is the header version, a bare {@code --version} the program's. */
class MineCommandTest {

    @Test
    void aVersionWithAValueIsTheHeaderVersionAndEveryFieldReachesTheSubmission() {
        MineCommand c = new MineCommand();
        new CommandLine(c)
                .parseArgs(
                        "--version",
                        "2",
                        "--prev",
                        "0".repeat(64),
                        "--merkle",
                        "ab".repeat(32),
                        "--time",
                        "7",
                        "--bits",
                        "1d00ffff",
                        "--nonce-start",
                        "1",
                        "--nonce-end",
                        "9");
        assertThat(c.versionText).isEqualTo("2");
        c.version = Integer.valueOf(c.versionText);
        assertThat(c.submission().version()).isEqualTo(2);
        assertThat(c.submission().kind()).isEqualTo("mine");
        assertThat(c.submission().nonceEnd()).isEqualTo(9L);
        assertThat(c.submission().bits()).isEqualTo("1d00ffff");
    }

    @Test
    void aBareVersionAsksForTheProgramsVersion() {
        MineCommand c = new MineCommand();
        new CommandLine(c).parseArgs("--version");
        assertThat(c.versionText).isEqualTo(MineCommand.PRINT_VERSION);
        CliRun run = CliRun.of("mine", "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("bftswarm ");
    }
}
