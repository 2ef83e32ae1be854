package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiOptions;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.deploy.launcher.ClientKey;
import org.bftswarm.deploy.launcher.ClusterOptions;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.DataJobFiles;
import org.bftswarm.deploy.launcher.JobText;
import org.bftswarm.deploy.launcher.JobWaiter;
import org.bftswarm.deploy.launcher.NodeKeys;
import org.bftswarm.deploy.launcher.SignedSubmission;
import org.bftswarm.deploy.launcher.SubmitSpec;
import org.bftswarm.deploy.launcher.VerifiedReads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bftswarm submit}: submit a job over the HTTP API; optionally wait for its result. */
@Command(
        name = "submit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Submit a job to a running cluster (POST /api/v1/jobs with the token from <data>/api-token, to the first"
                    + " node that answers) and print its id. With --wait, show progress until every task has ended and"
                    + " print the result: per task its node, attempt, exit code and output.",
            "Exit code with --wait: 0 when every task succeeded, 1 otherwise.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm submit --image bftswarm/busybox --wait -- echo hello",
            "  ./bftswarm submit --image bftswarm/busybox --count 4 --retries 2 --env GREETING=hi -- sh -c 'echo $GREETING'",
            "  ./bftswarm submit --wasm examples/wasm/sum.wasm --dataset examples/wasm/numbers.json --wait",
            "  ./bftswarm submit --image bftswarm/busybox --input words.txt --shards 3 --wait -- wc -l",
        })
public final class SubmitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    ApiOptions apiOptions;

    @Option(
            names = "--image",
            paramLabel = "IMAGE",
            description = "Container image, e.g. bftswarm/busybox (required unless --wasm).")
    String image;

    @Option(
            names = "--wasm",
            paramLabel = "FILE",
            description = "Run a WebAssembly module over a dataset instead of an image: one shard per slice of"
                    + " --dataset, each the module's entry called with (pointer, element count); no imports.")
    Path wasm;

    @Option(
            names = "--dataset",
            paramLabel = "FILE",
            description = "A JSON array of integers, sliced contiguously into shards (with --wasm, or with --image:"
                    + " each container reads its slice on stdin, one number per line).")
    Path dataset;

    @Option(
            names = "--input",
            paramLabel = "FILE",
            description = "A text file cut on line boundaries into shards; each container reads its lines on stdin"
                    + " (with BFTSWARM_SHARD_INDEX and BFTSWARM_SHARD_COUNT in its environment).")
    Path input;

    @Option(
            names = "--shards",
            paramLabel = "N",
            description =
                    "Shards of the data (default: the nodes up when the job is ordered, at most one per" + " element).")
    Integer shards;

    @Option(
            names = "--reduce",
            paramLabel = "R",
            description = "How shard results combine: sum (default), min, max, concat, none, or the name of a"
                    + " function the module exports taking two values.")
    String reduce;

    @Option(
            names = "--entry",
            paramLabel = "NAME",
            description = "The module's function to call (default: its only exported (i32, i32) -> i32/i64).")
    String entry;

    @Option(
            names = "--deadline",
            paramLabel = "SECONDS",
            description = "After this long a data job with some shards done shows a partial result (HTTP 206).")
    Integer deadline;

    @Option(
            names = "--fuel",
            paramLabel = "N",
            description = "Instructions a WebAssembly shard may execute (default: unmetered, compiled, bounded by"
                    + " --timeout); metered shards are interpreted and stop exactly at the same instruction on"
                    + " every node.")
    Long fuel;

    @Option(
            names = "--memory-pages",
            paramLabel = "N",
            description = "Linear memory a WebAssembly shard may use, in 64 KiB pages (default: 256 = 16 MiB).")
    Integer memoryPages;

    @Option(names = "--name", paramLabel = "NAME", description = "Job name (default: job).")
    String name;

    @Option(names = "--env", paramLabel = "K=V", description = "Environment variable of the task (repeatable).")
    List<String> env = new ArrayList<>();

    @Option(names = "--cpus", paramLabel = "N", description = "CPUs per task, e.g. 0.5 (default: 0.25).")
    Double cpus;

    @Option(
            names = "--memory",
            paramLabel = "SIZE",
            description = "Memory per task in MB, e.g. 64, 64m, 1g (default: 64m).")
    String memory;

    @Option(names = "--count", paramLabel = "N", description = "Identical parallel tasks (default: 1).")
    Integer count;

    @Option(names = "--retries", paramLabel = "N", description = "Retries of a failed task, with backoff (default: 0).")
    Integer retries;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Kill a task running longer (default: 300).")
    Integer timeout;

    @Option(
            names = "--verify",
            description = "Verify the result: run each task on f+1 distinct nodes (up to 2f+1 on a mismatch) and"
                    + " accept it only when f+1 of them report the same exit code and output. Only for"
                    + " deterministic commands (one that prints the time or its hostname will end DISPUTED).")
    boolean verify;

    @Option(
            names = "--verification",
            paramLabel = "MODE",
            description = "none (trust the one node that ran a task) or quorum (as --verify); default: the"
                    + " cluster's verification.default.")
    String verification;

    @Option(
            names = "--pids",
            paramLabel = "N",
            description = "Most processes and threads a task's container may hold (default: 256); a fork bomb"
                    + " stops there.")
    Integer pids;

    @Option(
            names = "--user",
            paramLabel = "USER",
            description = "Run the command as USER, UID or UID:GID (default: the image's user).")
    String user;

    @Option(
            names = "--read-only-rootfs",
            description = "Mount the container's root filesystem read-only (/tmp stays a writable tmpfs).")
    boolean readOnlyRootfs;

    @Option(names = "--wait", description = "Wait until the job has ended, showing progress, and print its result.")
    boolean await;

    @Option(
            names = "--wait-timeout",
            paramLabel = "SECONDS",
            description = "Stop waiting after this long (default: no limit).")
    Long waitTimeout;

    @Option(names = "--json", description = "Print JSON: {\"jobId\"}, or with --wait the finished job.")
    boolean json;

    @Parameters(paramLabel = "CMD", arity = "0..*", description = "The command and its arguments, after --.")
    List<String> command = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JobSubmission job;
        try {
            if (verify && verification != null && !"quorum".equals(verification)) {
                throw new IllegalArgumentException(
                        "--verify asks for quorum verification; drop --verification " + verification + " or --verify");
            }
            String mode = verify ? "quorum" : verification;
            DataJobFiles data =
                    new DataJobFiles(wasm, dataset, input, shards, reduce, entry, deadline, fuel, memoryPages);
            if (wasm == null && image == null) {
                throw new IllegalArgumentException("give --image IMAGE (a container job) or --wasm FILE");
            }
            job = SubmitSpec.build(name, image, env, cpus, memory, count, retries, timeout, mode, command, data);
            if (pids != null || user != null || readOnlyRootfs) {
                job = SubmitSpec.harden(job, pids, user, readOnlyRootfs);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<ClusterTarget> target = cluster.open(RepoHome.find(), err, ProblemPrinter::errors);
        if (target.isEmpty()) {
            return 1;
        }
        try {
            apiOptions.checkVia(target.get());
            Optional<ClientKey> key = apiOptions.clientKey(target.get());
            ApiClient api = apiOptions.client(
                    target.get(), ApiTokenFile.read(target.get().layout().tokenFile()));
            String jobId = key.isPresent()
                    ? SignedSubmission.submit(
                            api, target.get().config().swarm(), key.get(), job, NodeKeys.writes(target.get()))
                    : api.submit(job);
            if (!await) {
                out.println(json ? api.json().writeValueAsString(Map.of("jobId", jobId)) : jobId);
                out.flush();
                return 0;
            }
            if (!json) {
                out.println("submitted " + jobId);
            }
            Optional<JobJson> done = new JobWaiter(api)
                    .await(jobId, json ? null : out, waitTimeout == null ? null : Duration.ofSeconds(waitTimeout));
            if (done.isEmpty()) {
                err.printf(
                        "bftswarm submit: %s not finished after %d s (it keeps running: ./bftswarm job %s)%n",
                        jobId, waitTimeout, jobId);
                return 1;
            }
            VerifiedReads.Verdict<JobJson> verified =
                    NodeKeys.reads(target.get(), api).awaitFinished(jobId, Duration.ofSeconds(60));
            JobText.reportDisagreements(err, verified);
            JobJson result = verified.value();
            ClusterCommand.printJsonOrText(out, json, api.json(), result, () -> JobText.result(result));
            return result.status() == JobStatusJson.COMPLETE ? 0 : 1;
        } catch (IOException | ApiException | InterruptedException e) {
            err.println("bftswarm submit: " + e.getMessage());
            return 1;
        }
    }
}
