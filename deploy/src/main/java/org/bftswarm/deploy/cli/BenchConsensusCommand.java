package org.bftswarm.deploy.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bftswarm.consensus.runtime.ConsensusBench;
import org.bftswarm.consensus.storage.ReplicaLogKind;
import org.bftswarm.crypto.ed25519.ProviderChoice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bftswarm bench consensus}: PBFT throughput and latency with replica JVMs on loopback (delegates to
 * {@link ConsensusBench}).
 */
@Command(
        name = "consensus",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Start replica JVMs on 127.0.0.1 and closed-loop clients in this JVM (BFT-SMaRt ThroughputLatency style);"
                    + " every replica message, client request and reply is Ed25519-signed.",
            "",
            "Only operations completed after the warm-up are measured. The last line is"
                    + " BENCH consensus ops_per_s=X p50_ms=Y p90_ms=Z p99_ms=W crypto=P.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm bench consensus --replicas 4 --clients 50 --request-bytes 0 --warmup-s 60 --measure-s 30",
            "  ./bftswarm bench consensus --crypto bc    # the same with Bouncy Castle instead of AWS-LC"
        })
public final class BenchConsensusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--replicas",
            defaultValue = "4",
            description = "Replicas, at least 4; f = (n-1)/3 (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(
            names = "--clients",
            defaultValue = "50",
            description = "Closed-loop client threads (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(
            names = "--request-bytes",
            defaultValue = "0",
            description = "Operation size in bytes (default: ${DEFAULT-VALUE}).")
    int requestBytes;

    @Option(
            names = "--warmup-s",
            defaultValue = "60",
            description = "Warm-up seconds, not measured (default: ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--measure-s", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int measureSeconds;

    @Option(
            names = "--batch",
            defaultValue = "64",
            description = "Maximum requests per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--batch-delay-ms",
            defaultValue = "2",
            description = "Longest a request waits for its batch to fill (default: ${DEFAULT-VALUE}).")
    long batchDelayMs;

    @Option(
            names = "--pipeline-depth",
            defaultValue = "2",
            description = "Partial batches the primary keeps in"
                    + " flight before waiting for them to fill (default: ${DEFAULT-VALUE}).")
    int pipelineDepth;

    @Option(
            names = "--data-dir",
            description = "Where the replicas' durable logs go (default: the system temp directory).")
    Path dataDir;

    @Option(
            names = "--log",
            defaultValue = "JOURNAL",
            description = "Replicas' durable log: JOURNAL or MAPDB" + " (default: ${DEFAULT-VALUE}).")
    ReplicaLogKind log;

    @Option(
            names = "--crypto",
            defaultValue = "native",
            paramLabel = "bc|native",
            description = "Ed25519 provider of the replicas and the clients: native (AWS-LC) or bc (Bouncy Castle)"
                    + " (default: ${DEFAULT-VALUE}).")
    String crypto;

    @Override
    public Integer call() throws Exception {
        ConsensusBench.Options options;
        try {
            options = new ConsensusBench.Options(
                    replicas,
                    clients,
                    requestBytes,
                    warmupSeconds,
                    measureSeconds,
                    batch,
                    batchDelayMs,
                    pipelineDepth,
                    ConsensusBench.defaultReplicaJvmArgs(),
                    dataDir,
                    log,
                    ProviderChoice.parse(crypto));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out =
                new PrintStream(new LineForwardingStream(spec.commandLine().getOut()), true, StandardCharsets.UTF_8);
        ConsensusBench.Result result = ConsensusBench.run(options, out);
        out.println(result.line());
        out.flush();
        return 0;
    }
}
