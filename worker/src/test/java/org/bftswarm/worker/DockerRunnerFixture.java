package org.bftswarm.worker;

import com.github.dockerjava.api.DockerClient;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-up the tests against the real engine share: one client to a reachable engine that has the
 * image (else they fail, never skip), and per test a fresh swarm name, a task log store in a
 * temporary data directory and a {@link ContainerRunner}. After each test the runner is closed and
 * every container of the swarm removed, so tests never see each other's containers nor leave any.
 */
@Tag("docker")
abstract class DockerRunnerFixture {
    static DockerClient docker;

    @TempDir
    Path dataDir;

    String swarm;
    TaskLogStore logs;
    ContainerRunner runner;

    @BeforeAll
    static void connect() {
        docker = DockerTestSupport.requireDocker();
    }

    @BeforeEach
    void openRunner() {
        swarm = DockerTestSupport.uniqueSwarm();
        logs = TaskLogStore.inDataDir(dataDir);
        runner = new ContainerRunner(docker, logs, 4);
    }

    @AfterEach
    void removeSwarmContainers() {
        runner.close();
        new Reconciler(docker, runner).removeAll(swarm);
    }
}
