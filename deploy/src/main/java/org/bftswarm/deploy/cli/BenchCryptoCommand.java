package org.bftswarm.deploy.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.bftswarm.crypto.bench.CryptoBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bftswarm bench crypto}: Ed25519 sign and verify throughput of both providers (delegates to
 * {@link CryptoBench}).
 */
@Command(
        name = "crypto",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Measure single-thread Ed25519 sign and verify operations per second of AWS-LC (native) and"
                    + " Bouncy Castle in one run.",
            "",
            "Runs a warm-up and " + CryptoBench.ROUNDS + " measured rounds per operation and provider, alternating"
                    + " providers, and prints each provider's medians and their ratio on lines starting with BENCH.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm bench crypto --seconds 2"})
public final class BenchCryptoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "1",
            description = "Length of each round in seconds (default: ${DEFAULT-VALUE}; total ≈ 24 × S).")
    int seconds;

    @Override
    public Integer call() {
        if (seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--seconds must be at least 1, got " + seconds);
        }
        PrintStream out =
                new PrintStream(new LineForwardingStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        CryptoBench.run(seconds, out);
        out.flush();
        return 0;
    }
}
