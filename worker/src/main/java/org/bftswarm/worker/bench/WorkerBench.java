package org.bftswarm.worker.bench;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bftswarm.worker.ContainerRunner;
import org.bftswarm.worker.DockerClients;
import org.bftswarm.worker.Reconciler;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskLogStore;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Worker throughput bench (the worker part of the task benchmark): N short {@code true} tasks at parallelism
 * P through {@link ContainerRunner} (create → attach → wait → start → exit observed with output)
 * versus raw {@code docker run -d --rm} through the CLI at the same parallelism, both with network
 * {@code none}. Prints {@code BENCH worker tasks_per_s=X raw_docker_per_s=Y ratio=Z}.
 */
@Command(
        name = "worker-bench",
        mixinStandardHelpOptions = true,
        description = "Runs N short tasks through the worker and through raw docker run; prints rates.")
public final class WorkerBench implements Callable<Integer> {
    @Option(names = "--tasks", defaultValue = "100", description = "tasks per side (default ${DEFAULT-VALUE})")
    int tasks;

    @Option(names = "--parallel", defaultValue = "8", description = "parallelism (default ${DEFAULT-VALUE})")
    int parallel;

    @Option(names = "--image", defaultValue = "bftswarm/busybox:latest", description = "local image, never pulled")
    String image;

    @Option(names = "--warmup", defaultValue = "8", description = "unmeasured tasks per side first")
    int warmup;

    @Option(
            names = "--rounds",
            defaultValue = "4",
            description = "alternate raw and worker phases this many times, so load drift hits both sides")
    int rounds;

    public static void main(String[] args) {
        System.exit(new CommandLine(new WorkerBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (tasks <= 0 || parallel <= 0 || warmup < 0 || rounds <= 0 || rounds > tasks) {
            throw new CommandLine.ParameterException(
                    new CommandLine(this), "--tasks, --parallel, --rounds must be positive, --rounds <= --tasks");
        }
        DockerClient docker = DockerClients.create();
        DockerClients.requireReachable(docker);
        try {
            docker.inspectImageCmd(image).exec();
        } catch (NotFoundException e) {
            System.err.println(
                    "image " + image + " is not present locally (never pulled): run scripts/ensure-docker.sh");
            return 2;
        }
        String swarm = "bench-" + Long.toHexString(System.nanoTime());
        Path dataDir = Files.createTempDirectory("bftswarm-worker-bench");
        try (ContainerRunner runner = new ContainerRunner(docker, TaskLogStore.inDataDir(dataDir), parallel)) {
            Reconciler reconciler = new Reconciler(docker, runner);
            runRaw(swarm, warmup);
            runWorker(runner, swarm, "warm", warmup);
            awaitGone(reconciler, swarm);

            double rawSeconds = 0;
            double workerSeconds = 0;
            int rawFailures = 0;
            int workerFailures = 0;
            List<Long> latenciesMs = Collections.synchronizedList(new ArrayList<>());
            for (int round = 0; round < rounds; round++) {
                int n = tasks / rounds + (round < tasks % rounds ? 1 : 0);
                long t0 = System.nanoTime();
                rawFailures += runRaw(swarm, n);
                rawSeconds += (System.nanoTime() - t0) / 1e9;
                awaitGone(reconciler, swarm);

                long t1 = System.nanoTime();
                workerFailures += runWorker(runner, swarm, "r" + round + "-", n, latenciesMs);
                workerSeconds += (System.nanoTime() - t1) / 1e9;
                awaitGone(reconciler, swarm);
            }
            reconciler.removeAll(swarm);

            double workerRate = tasks / workerSeconds;
            double rawRate = tasks / rawSeconds;
            List<Long> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "worker: %d tasks in %.2f s, %d failed, submit->exit (incl. queueing) p50=%d ms p99=%d ms%n",
                    tasks,
                    workerSeconds,
                    workerFailures,
                    percentile(sorted, 50),
                    percentile(sorted, 99));
            System.out.printf(
                    Locale.ROOT,
                    "raw docker run -d --rm --network none: %d in %.2f s, %d failed%n",
                    tasks,
                    rawSeconds,
                    rawFailures);
            System.out.println("load average (1/5/15 min, running/total): " + loadAverage());
            System.out.printf(
                    Locale.ROOT,
                    "BENCH worker tasks_per_s=%.2f raw_docker_per_s=%.2f ratio=%.2f%n",
                    workerRate,
                    rawRate,
                    workerRate / rawRate);
            return workerFailures == 0 && rawFailures == 0 ? 0 : 1;
        }
    }

    private int runWorker(ContainerRunner runner, String swarm, String prefix, int n) throws InterruptedException {
        return runWorker(runner, swarm, prefix, n, Collections.synchronizedList(new ArrayList<>()));
    }

    private int runWorker(ContainerRunner runner, String swarm, String prefix, int n, List<Long> latenciesMs)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger failures = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            long submitted = System.nanoTime();
            TaskLaunch launch = new TaskLaunch(swarm, 0, prefix + i, 0, image, List.of("true"), Map.of(), 0, 0, 60);
            runner.launch(launch, new TaskObserver() {
                @Override
                public void onStarted(String containerId) {}

                @Override
                public void onFinished(TaskOutcome outcome) {
                    latenciesMs.add((System.nanoTime() - submitted) / 1_000_000);
                    if (!outcome.succeeded()) {
                        failures.incrementAndGet();
                        System.err.println("worker task failed: " + outcome);
                    }
                    done.countDown();
                }
            });
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("worker tasks did not finish within 10 minutes");
        }
        return failures.get();
    }

    private int runRaw(String swarm, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    Process p = new ProcessBuilder(
                                    "docker",
                                    "run",
                                    "-d",
                                    "--rm",
                                    "--network",
                                    "none",
                                    "--label",
                                    "bftswarm.swarm=" + swarm,
                                    image,
                                    "true")
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    return p.waitFor();
                }));
            }
            int failures = 0;
            for (Future<Integer> f : results) {
                if (f.get() != 0) {
                    failures++;
                }
            }
            return failures;
        } finally {
            pool.shutdown();
        }
    }

    private static void awaitGone(Reconciler reconciler, String swarm) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!reconciler.list(swarm, null).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }
}
