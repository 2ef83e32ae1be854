package org.bftswarm.tests.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.bftswarm.deploy.launcher.DockerCli;
import org.bftswarm.deploy.launcher.TaskEventStream;
import org.bftswarm.tests.support.ClusterTestSupport;
import org.bftswarm.tests.support.RealCluster;

/**
 * The real cluster of the end-to-end tests: HTTP ports 18400+, WebSocket 19400+, consensus/state
 * 24000+ (apart from the failover tests' ranges), a 2 s consensus request timeout, a checkpoint every 32
 * sequence numbers and fast heartbeat timers (500 ms period, 3 s suspicion); plus the events stream and the
 * swarm's containers.
 */
final class E2eCluster extends RealCluster {
    private E2eCluster(Path dir) throws IOException {
        super(
                dir,
                "end-to-end tests",
                "e2e",
                new PortBases(18400, 19400, 24000),
                List.of(
                        "consensus:",
                        "  requestTimeoutMs: 2000",
                        // A replica restarted behind the others catches up at the next stable checkpoint;
                        // checkpointing every 32 keeps that within the suite's restart deadline.
                        "  checkpointInterval: 32",
                        "  watermarkWindow: 64",
                        "heartbeat:",
                        "  periodMs: 500",
                        "  suspicionTimeoutMs: 3000"));
    }

    /** Writes the configuration of a 4-node cluster on 127.0.0.1 with ports picked at random in a quiet range. */
    static E2eCluster create(Path dir) throws IOException {
        return new E2eCluster(dir);
    }

    /** The events stream of the first node that accepts the WebSocket. */
    TaskEventStream events(Consumer<TaskEventStream.TaskEvent> consumer) throws Exception {
        Exception last = null;
        for (String url : target().apiUrls()) {
            try {
                return TaskEventStream.open(url, consumer);
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("no node accepts /api/v1/events", last);
    }

    List<String> containers() throws IOException {
        return new DockerCli().swarmContainers(swarm);
    }

    /** Polls {@code condition} every 200 ms until it holds; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        ClusterTestSupport.await(what, timeout, Duration.ofMillis(200), condition);
    }
}
