package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.worker.DockerTestSupport.IMAGE;
import static org.bftswarm.worker.DockerTestSupport.containerExists;
import static org.bftswarm.worker.DockerTestSupport.eventually;

import com.github.dockerjava.api.model.HostConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Reconciler against the real engine: containers left behind by a previous worker process. */
class ReconcilerDockerTest extends DockerRunnerFixture {
    /** Starts a container through a first runner, then closes that runner as a crashing worker would. */
    private String leftBehind(ContainerRunner previous, int node, String task, String script) throws Exception {
        RecordingObserver obs = new RecordingObserver();
        previous.launch(
                new TaskLaunch(swarm, node, task, 1, IMAGE, List.of("sh", "-c", script), Map.of(), 0, 0, 60), obs);
        return obs.awaitStarted();
    }

    @Test
    void adoptsContainerStillAssignedAndKillsOneNoLongerAssigned() throws Exception {
        String keptId;
        String staleId;
        try (ContainerRunner previous = new ContainerRunner(docker, logs, 2)) {
            keptId = leftBehind(previous, 0, "kept", "echo early; sleep 2; echo late; exit 5");
            staleId = leftBehind(previous, 0, "stale", "sleep 60");
        }
        RecordingObserver kept = new RecordingObserver();
        RecordingObserver stale = new RecordingObserver();
        Reconciler reconciler = new Reconciler(docker, runner);
        ReconcileReport report = reconciler.reconcile(
                swarm,
                0,
                key -> key.taskId().equals("kept"),
                key -> key.taskId().equals("kept") ? kept : stale);

        assertThat(report.adopted()).containsExactly(new AttemptKey("kept", 1));
        assertThat(report.killed()).containsExactly(staleId);
        assertThat(kept.awaitStarted()).isEqualTo(keptId);
        TaskOutcome out = kept.awaitFinished();
        assertThat(out.exitCode()).isEqualTo(5);
        assertThat(out.reason()).isEqualTo(FailureReason.NONE);
        assertThat(out.outputText()).isEqualTo("early\nlate\n");
        assertThat(eventually(Duration.ofSeconds(10), () -> !containerExists(docker, staleId)))
                .isTrue();
        assertThat(stale.finishedCalls).hasValue(0);
    }

    @Test
    void leavesOtherNodesContainersAlone() throws Exception {
        String otherNode;
        try (ContainerRunner previous = new ContainerRunner(docker, logs, 2)) {
            otherNode = leftBehind(previous, 1, "elsewhere", "sleep 60");
        }
        ReconcileReport report =
                new Reconciler(docker, runner).reconcile(swarm, 0, key -> false, key -> TaskObserver.ignoring());
        assertThat(report.actions()).isEmpty();
        assertThat(containerExists(docker, otherNode)).isTrue();
    }

    @Test
    void killsContainerWithMalformedAttemptLabel() throws Exception {
        String id = startedByHand(
                Map.of(ContainerLabels.TASK, "forged", ContainerLabels.ATTEMPT, "not-a-number"), true, "sleep", "60");
        ReconcileReport report =
                new Reconciler(docker, runner).reconcile(swarm, 0, key -> true, key -> TaskObserver.ignoring());
        assertThat(report.killed()).containsExactly(id);
        assertThat(eventually(Duration.ofSeconds(10), () -> !containerExists(docker, id)))
                .isTrue();
    }

    private String startedByHand(Map<String, String> extraLabels, boolean start, String... cmd) {
        Map<String, String> labels = new TreeMap<>(extraLabels);
        labels.put(ContainerLabels.SWARM, swarm);
        labels.put(ContainerLabels.NODE, "0");
        String id = docker.createContainerCmd(IMAGE)
                .withCmd(cmd)
                .withLabels(labels)
                .withHostConfig(HostConfig.newHostConfig().withAutoRemove(true).withNetworkMode("none"))
                .exec()
                .getId();
        if (start) {
            docker.startContainerCmd(id).exec();
        }
        return id;
    }

    @Test
    void containerCreatedButNeverStartedIsRemovedNotAdopted() throws Exception {
        String id = startedByHand(Map.of(ContainerLabels.TASK, "t", ContainerLabels.ATTEMPT, "1"), false, "true");
        ReconcileReport report =
                new Reconciler(docker, runner).reconcile(swarm, 0, key -> true, key -> TaskObserver.ignoring());
        assertThat(report.of(ReconcileAction.Kind.REMOVE))
                .extracting(ReconcileAction::containerId)
                .containsExactly(id);
        assertThat(report.adopted()).isEmpty();
        assertThat(containerExists(docker, id)).isFalse();
    }

    @Test
    void adoptedContainerIsStillBoundedByTheTimeoutInItsLabels() throws Exception {
        String id = startedByHand(
                Map.of(ContainerLabels.TASK, "slow", ContainerLabels.ATTEMPT, "2", ContainerLabels.TIMEOUT, "1"),
                true,
                "sleep",
                "60");
        RecordingObserver obs = new RecordingObserver();
        ReconcileReport report = new Reconciler(docker, runner).reconcile(swarm, 0, key -> true, key -> obs);
        assertThat(report.adopted()).containsExactly(new AttemptKey("slow", 2));
        TaskOutcome out = obs.awaitFinished();
        assertThat(out.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(out.exitCode()).isEqualTo(137);
        assertThat(eventually(Duration.ofSeconds(10), () -> !containerExists(docker, id)))
                .isTrue();
    }

    @Test
    void removeAllDeletesEveryContainerOfTheSwarmOnAnyNode() throws Exception {
        String a;
        String b;
        try (ContainerRunner previous = new ContainerRunner(docker, logs, 2)) {
            a = leftBehind(previous, 0, "a", "sleep 60");
            b = leftBehind(previous, 3, "b", "sleep 60");
        }
        String otherSwarm = DockerTestSupport.uniqueSwarm();
        Reconciler reconciler = new Reconciler(docker, runner);
        assertThat(reconciler.removeAll(otherSwarm)).isZero();
        assertThat(reconciler.removeAll(swarm)).isEqualTo(2);
        assertThat(containerExists(docker, a)).isFalse();
        assertThat(containerExists(docker, b)).isFalse();
        assertThat(reconciler.list(swarm, null)).isEmpty();
    }
}
