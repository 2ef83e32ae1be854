package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Shared set-up for tests against the real engine: they require Docker and the local
 * {@value #IMAGE} image (CI ensures both before tests run) and fail, never skip, without them.
 */
final class DockerTestSupport {
    static final String IMAGE = "bftswarm/busybox:latest";

    private DockerTestSupport() {}

    /** A client to a reachable engine that has {@value #IMAGE}; fails the test with a clear message otherwise. */
    static DockerClient requireDocker() {
        DockerClient docker = DockerClients.create();
        try {
            DockerClients.requireReachable(docker);
        } catch (IllegalStateException e) {
            fail("these tests need a running Docker engine: " + e.getMessage());
        }
        try {
            docker.inspectImageCmd(IMAGE).exec();
        } catch (NotFoundException e) {
            fail("these tests need the local image " + IMAGE
                    + " (built by scripts/ensure-docker.sh from images/; nothing is ever pulled)");
        }
        return docker;
    }

    /** A fresh swarm name, so tests never see each other's containers. */
    static String uniqueSwarm() {
        byte[] b = new byte[5];
        ThreadLocalRandom.current().nextBytes(b);
        return "wtest-" + HexFormat.of().formatHex(b);
    }

    static TaskLaunch launch(String swarm, String task, List<String> command) {
        return new TaskLaunch(swarm, 0, task, 1, IMAGE, command, Map.of(), 0.5, 64, 30);
    }

    static TaskLaunch sh(String swarm, String task, String script) {
        return launch(swarm, task, List.of("sh", "-c", script));
    }

    /** Polls {@code condition} every 50 ms until it holds or the deadline passes. */
    static boolean eventually(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }

    static boolean containerExists(DockerClient docker, String id) {
        try {
            docker.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
