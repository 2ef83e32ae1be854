package org.bftswarm.worker.agent;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.ContainerRunner;
import org.bftswarm.worker.DockerClients;
import org.bftswarm.worker.MiningTaskRunner;
import org.bftswarm.worker.Reconciler;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskLogStore;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.WasmTaskRunner;

/**
 * The production {@link TaskExecutor}: the worker module's {@link ContainerRunner} (auto-removing
 * labelled containers), {@link Reconciler} and {@link TaskLogStore} under {@code D/node-<i>/logs}; a
 * WebAssembly shard runs in this JVM instead ({@link WasmTaskRunner}, as many at once as there are cores), and
 * so does a mine unit ({@link MiningTaskRunner}, on the node's configured CPUs).
 */
public final class DockerTaskExecutor implements TaskExecutor {
    /** Containers set up at once (create/attach/start); running ones hold no thread. */
    public static final int MAX_PARALLEL_SETUP = 8;

    private final String swarm;
    private final int nodeId;
    private final DockerClient docker;
    private final TaskLogStore logs;
    private final ContainerRunner runner;
    private final WasmTaskRunner wasm;
    private final MiningTaskRunner mining;

    private DockerTaskExecutor(String swarm, int nodeId, DockerClient docker, TaskLogStore logs, int miningThreads) {
        this.swarm = swarm;
        this.nodeId = nodeId;
        this.docker = docker;
        this.logs = logs;
        this.runner = new ContainerRunner(docker, logs, MAX_PARALLEL_SETUP);
        this.wasm = new WasmTaskRunner(logs, Runtime.getRuntime().availableProcessors());
        this.mining = new MiningTaskRunner(logs, miningThreads);
    }

    /** Connects to the local Docker engine; a clear {@link DockerUnreachableException} if it is unreachable. */
    public static DockerTaskExecutor open(String swarm, int nodeId, Path nodeDir) {
        return open(swarm, nodeId, nodeDir, Runtime.getRuntime().availableProcessors());
    }

    /** The same, hashing mine units on {@code miningThreads} threads (the node's configured CPUs). */
    public static DockerTaskExecutor open(String swarm, int nodeId, Path nodeDir, int miningThreads) {
        DockerClient docker = DockerClients.create();
        try {
            DockerClients.requireReachable(docker);
        } catch (RuntimeException e) {
            closeQuietly(docker);
            throw new DockerUnreachableException(
                    "node " + nodeId + " cannot reach Docker (" + e.getMessage()
                            + "); start it (e.g. `service docker start`) or set DOCKER_HOST",
                    e);
        }
        return new DockerTaskExecutor(swarm, nodeId, docker, TaskLogStore.inDataDir(nodeDir), miningThreads);
    }

    @Override
    public boolean launch(TaskLaunch launch, TaskObserver observer) {
        if (launch.mine() != null) {
            return mining.launch(launch, observer);
        }
        return launch.wasm() != null ? wasm.launch(launch, observer) : runner.launch(launch, observer);
    }

    @Override
    public int kill(String taskId) {
        return runner.kill(taskId) + wasm.kill(taskId) + mining.kill(taskId);
    }

    @Override
    public void reconcile(Predicate<AttemptKey> stillAssigned, Function<AttemptKey, TaskObserver> observers) {
        new Reconciler(docker, runner).reconcile(swarm, nodeId, stillAssigned, observers);
    }

    @Override
    public Optional<MiningTaskRunner.Stats> miningStats() {
        return Optional.of(mining.stats());
    }

    @Override
    public Optional<byte[]> logs(String taskId) {
        return logs.readLatest(taskId);
    }

    @Override
    public Optional<Integer> logsAttempt(String taskId) {
        return logs.latestAttempt(taskId);
    }

    @Override
    public void close() {
        runner.close();
        wasm.close();
        mining.close();
        closeQuietly(docker);
    }

    private static void closeQuietly(DockerClient docker) {
        try {
            docker.close();
        } catch (IOException | RuntimeException e) {
            // shutting down: nothing left to do with it
        }
    }
}
