package org.bftswarm.deploy.cli;

import java.io.IOException;
import java.io.PrintWriter;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ClusterTarget;
import org.bftswarm.deploy.launcher.TaskBench;
import org.bftswarm.deploy.launcher.TaskBenchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code bftswarm bench tasks}: the picocli shell over {@link TaskBench}, end-to-end task throughput and
 * latency against raw {@code docker run}, with {@code --verify} also under quorum verification and with
 * {@code --vs-swarm} beside Docker Swarm mode. Exit 0 when every task succeeded.
 */
@Command(
        name = "tasks",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "On a running cluster (./bftswarm up), run short tasks (IMAGE running `true`) with PARALLEL closed-loop"
                    + " clients, each submitting its next task once its last one ended, and report tasks/s and"
                    + " submit→running and submit→accepted (terminal) latency p50/p99 (from /api/v1/events); then, in"
                    + " the same run, the raw rate and latency of `docker run -d --rm` of the same image at the same"
                    + " parallelism, and the machine's CPU time per task on each side. Jobs ask for verification none;"
                    + " with --verify the same tasks also run as quorum jobs (each task on f+1 nodes), alternating."
                    + " With --vs-swarm Docker Swarm mode also runs them, one replicated job per round at the same"
                    + " parallelism (swarm mode is initialised on 127.0.0.1 when inactive, and then left at the end).",
            "",
            "The last line is BENCH tasks tasks_per_s=X raw_docker_per_s=Y ratio=Z run_p50_ms=W verify=V"
                    + " accepted_p50_ms=A accepted_p99_ms=B; with --verify X, Z, W, A and B are quorum's, followed by"
                    + " none_tasks_per_s=N none_accepted_p50_ms=C none_accepted_p99_ms=D verify_ratio=X/N; with"
                    + " --vs-swarm it ends with swarm_per_s=S ratio_swarm=X/S.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./bftswarm up && ./bftswarm bench tasks --tasks 100 --parallel 8",
            "  ./bftswarm bench tasks --tasks 60 --parallel 8 --verify",
            "  ./bftswarm bench tasks --tasks 100 --parallel 8 --vs-swarm",
        })
public final class BenchTasksCommand extends ClusterCommand {
    @Option(names = "--tasks", defaultValue = "100", description = "Measured tasks (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(
            names = "--parallel",
            defaultValue = "8",
            description = "Tasks in flight: closed-loop clients (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(
            names = "--warmup",
            defaultValue = "8",
            description = "Unmeasured warm-up tasks (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--image", defaultValue = "bftswarm/busybox", description = "Image (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(
            names = "--verify",
            description = "Also run every task as a quorum-verified job (f+1 runs on distinct nodes), alternating"
                    + " with the unverified ones, and report both rates and their ratio.")
    boolean verify;

    @Option(
            names = "--vs-swarm",
            description = "Also run the tasks on Docker Swarm mode, as one replicated job per round with"
                    + " --max-concurrent PARALLEL, alternating with the cluster, and report swarm_per_s and"
                    + " ratio_swarm (initialises swarm mode when inactive, and leaves it again afterwards).")
    boolean vsSwarm;

    @Override
    void checkOptions() {
        if (tasks < 1 || parallel < 1 || warmup < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--tasks and --parallel must be at least 1, --warmup at least 0");
        }
    }

    @Override
    int run(ClusterTarget target, PrintWriter out, PrintWriter err) throws Exception {
        try {
            TaskBenchResult result = new TaskBench(target, out)
                    .run(new TaskBench.Options(tasks, parallel, warmup, image, verify, vsSwarm));
            out.println(result.line());
            out.flush();
            return result.failed() == 0 ? 0 : 1;
        } catch (IOException | ApiException e) {
            return failure(err, "bench tasks", e);
        }
    }
}
