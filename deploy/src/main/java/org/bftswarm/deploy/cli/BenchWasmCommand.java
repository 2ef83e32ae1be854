package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.WasmClusterBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code bftswarm bench wasm}: the picocli shell over {@link WasmClusterBench}. */
@Command(
        name = "wasm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "On a running cluster (./bftswarm up), sum a dataset of ELEMENTS integers with examples/wasm/sum.wasm"
                    + " sharded over the nodes (one shard per node up), timed from submission to the answer 200,"
                    + " against the same module summing as many elements in this process (Chicory, one core), in"
                    + " alternating rounds; then the submit→200 latency of a 4-element job.",
            "The dataset's JSON is about 2 bytes per element, and one job's data may be at most 1 MiB of JSON"
                    + " (api.maxDatasetBytes): about 520000 elements.",
            "",
            "The last line is BENCH wasm elements=N cluster_elements_per_s=X local_elements_per_s=Y ratio=X/Y"
                    + " small_job_p50_ms=A small_job_p99_ms=B correct=true|false.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ./bftswarm up && ./bftswarm bench wasm --elements 500000"})
public final class BenchWasmCommand extends ClusterCommand {
    @Option(
            names = "--elements",
            defaultValue = "400000",
            description = "Elements of the large job (default: ${DEFAULT-VALUE}).")
    int elements;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(
            names = "--small-jobs",
            defaultValue = "20",
            description = "4-element jobs timed for latency (default: ${DEFAULT-VALUE}).")
    int smallJobs;

    @Override
    void checkOptions() {
        if (elements < 1 || rounds < 1 || smallJobs < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--elements, --rounds and --small-jobs must be at least 1");
        }
    }

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        Path module = RepoHome.find().resolve("examples/wasm/sum.wasm");
        try {
            WasmClusterBench.Result result = new WasmClusterBench(
                            new ApiClient(
                                    target.apiUrls(),
                                    ApiTokenFile.read(target.layout().tokenFile())),
                            out,
                            module)
                    .run(new WasmClusterBench.Options(elements, rounds, smallJobs));
            out.println(result.line());
            out.flush();
            return result.clusterResult() == result.expected() ? 0 : 1;
        } catch (IOException | ApiException e) {
            return failure(err, "bench wasm", e);
        }
    }
}
