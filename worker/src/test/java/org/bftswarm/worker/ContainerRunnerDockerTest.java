package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.worker.DockerTestSupport.IMAGE;
import static org.bftswarm.worker.DockerTestSupport.containerExists;
import static org.bftswarm.worker.DockerTestSupport.eventually;
import static org.bftswarm.worker.DockerTestSupport.sh;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;

/** ContainerRunner against the real engine with the local busybox image. */
class ContainerRunnerDockerTest extends DockerRunnerFixture {
    private TaskOutcome run(TaskLaunch launch) throws Exception {
        RecordingObserver obs = new RecordingObserver();
        assertThat(runner.launch(launch, obs)).isTrue();
        return obs.awaitFinished();
    }

    @Test
    void echoOutputAndExitZeroAreReported() throws Exception {
        TaskOutcome out = run(DockerTestSupport.launch(swarm, "echo", List.of("echo", "hello bftswarm")));
        assertThat(out.exitCode()).isZero();
        assertThat(out.reason()).isEqualTo(FailureReason.NONE);
        assertThat(out.outputText()).isEqualTo("hello bftswarm\n");
        assertThat(out.outputDigest()).isEqualTo(Digest.sha256("hello bftswarm\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(out.succeeded()).isTrue();
    }

    @Test
    void outputWrittenRightAfterStartArrivesExactlyOnceAndInOrder() throws Exception {
        StringBuilder expected = new StringBuilder("first\n");
        for (int i = 1; i <= 3000; i++) {
            expected.append(i).append('\n');
        }
        for (int round = 0; round < 3; round++) {
            TaskOutcome out = run(sh(swarm, "burst" + round, "echo first; seq 1 3000"));
            assertThat(out.outputText()).isEqualTo(expected.toString());
        }
    }

    @Test
    void observerIsNeverCalledOnAnInterruptedThread() throws Exception {
        List<TaskLaunch> launches = List.of(
                sh(swarm, "i-ok", "echo x"),
                sh(swarm, "i-fail", "exit 2"),
                new TaskLaunch(swarm, 0, "i-timeout", 1, IMAGE, List.of("sleep", "60"), Map.of(), 0, 0, 1),
                sh(swarm, "i-silent", "true"));
        List<RecordingObserver> observers = new ArrayList<>();
        for (TaskLaunch l : launches) {
            RecordingObserver obs = new RecordingObserver();
            observers.add(obs);
            runner.launch(l, obs);
        }
        for (RecordingObserver obs : observers) {
            obs.awaitFinished();
            assertThat(obs.interruptedCalls).hasValue(0);
        }
    }

    @Test
    void commandThatCannotBeExecutedFailsToStartWithDockersReason() throws Exception {
        TaskOutcome out = run(DockerTestSupport.launch(swarm, "nocmd", List.of("/no/such/program")));
        assertThat(out.reason()).isEqualTo(FailureReason.START_FAILED);
        assertThat(out.detail()).contains("/no/such/program");
        assertThat(out.exitCode()).isEqualTo(TaskOutcome.NO_EXIT_CODE);
        assertThat(eventually(
                        Duration.ofSeconds(10),
                        () -> new Reconciler(docker, runner).list(swarm, null).isEmpty()))
                .as("no container of a failed start is left behind")
                .isTrue();
    }

    @Test
    void nonZeroExitCodeIsReported() throws Exception {
        TaskOutcome out = run(sh(swarm, "exit3", "exit 3"));
        assertThat(out.exitCode()).isEqualTo(3);
        assertThat(out.reason()).isEqualTo(FailureReason.NONE);
    }

    @Test
    void stderrIsCapturedAlongsideStdout() throws Exception {
        TaskOutcome out = run(sh(swarm, "stderr", "echo to-out; echo to-err >&2; exit 1"));
        assertThat(out.outputText()).contains("to-out\n").contains("to-err\n");
        assertThat(out.exitCode()).isEqualTo(1);
    }

    @Test
    void outputBeyond64KiBIsTruncatedAndDigestCoversAllOfIt() throws Exception {
        int total = 200_000;
        TaskOutcome out = run(sh(swarm, "big", "yes abcdefghi | head -c " + total));
        byte[] expected = new byte[total];
        byte[] line = "abcdefghi\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < total; i++) {
            expected[i] = line[i % line.length];
        }
        assertThat(out.exitCode()).isZero();
        assertThat(out.truncated()).isTrue();
        assertThat(out.outputBytes()).isEqualTo(total);
        assertThat(out.output())
                .hasSize(TaskOutcome.MAX_OUTPUT_BYTES)
                .isEqualTo(Arrays.copyOf(expected, TaskOutcome.MAX_OUTPUT_BYTES));
        assertThat(out.outputDigest()).isEqualTo(Digest.sha256(expected));
        assertThat(logs.read(out.attempt()))
                .hasValueSatisfying(b -> assertThat(b).isEqualTo(expected));
    }

    @Test
    void timeoutKillsTheContainerAndReportsTimeoutWith137() throws Exception {
        TaskLaunch slow = new TaskLaunch(swarm, 0, "slow", 1, IMAGE, List.of("sleep", "60"), Map.of(), 0, 0, 1);
        long t0 = System.nanoTime();
        TaskOutcome out = run(slow);
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertThat(out.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(out.exitCode()).isEqualTo(137);
        assertThat(seconds).isLessThan(15);
    }

    @Test
    void externalDockerKillOfRunningTaskIsReportedAsExit137() throws Exception {
        RecordingObserver obs = new RecordingObserver();
        runner.launch(sh(swarm, "victim", "echo up; sleep 60"), obs);
        String id = obs.awaitStarted();
        docker.killContainerCmd(id).exec();
        TaskOutcome out = obs.awaitFinished();
        assertThat(out.exitCode()).isEqualTo(137);
        assertThat(out.reason()).isEqualTo(FailureReason.NONE);
        assertThat(out.outputText()).isEqualTo("up\n");
    }

    @Test
    void killByTaskIdStopsItsContainerAndReportsKilled() throws Exception {
        RecordingObserver obs = new RecordingObserver();
        runner.launch(sh(swarm, "cancel-me", "sleep 60"), obs);
        obs.awaitStarted();
        assertThat(runner.kill("cancel-me")).isEqualTo(1);
        TaskOutcome out = obs.awaitFinished();
        assertThat(out.reason()).isEqualTo(FailureReason.KILLED);
        assertThat(out.exitCode()).isEqualTo(137);
        assertThat(runner.kill("cancel-me")).isZero();
    }

    @Test
    void missingImageFailsOnceWithImageMissingAndIsNeverPulled() throws Exception {
        String missing = "bftswarm/no-such-image-" + swarm + ":latest";
        RecordingObserver obs = new RecordingObserver();
        runner.launch(new TaskLaunch(swarm, 0, "noimg", 1, missing, List.of("true"), Map.of(), 0, 0, 10), obs);
        TaskOutcome out = obs.awaitFinished();
        assertThat(out.reason()).isEqualTo(FailureReason.IMAGE_MISSING);
        assertThat(out.detail()).contains(missing).contains("never pulls");
        assertThat(out.exitCode()).isEqualTo(TaskOutcome.NO_EXIT_CODE);
        assertThat(obs.startedCalls).hasValue(0);
        assertThat(obs.finishedCalls).hasValue(1);
        boolean present;
        try {
            docker.inspectImageCmd(missing).exec();
            present = true;
        } catch (NotFoundException e) {
            present = false;
        }
        assertThat(present).as("image must not have been pulled").isFalse();
    }

    @Test
    void runningContainerCarriesLabelsLimitsAndNoNetwork() throws Exception {
        RecordingObserver obs = new RecordingObserver();
        TaskLaunch launch =
                new TaskLaunch(swarm, 2, "labelled", 7, IMAGE, List.of("sleep", "60"), Map.of(), 0.5, 64, 30);
        runner.launch(launch, obs);
        String id = obs.awaitStarted();
        InspectContainerResponse info = docker.inspectContainerCmd(id).exec();
        assertThat(info.getConfig().getLabels())
                .containsEntry(ContainerLabels.SWARM, swarm)
                .containsEntry(ContainerLabels.NODE, "2")
                .containsEntry(ContainerLabels.TASK, "labelled")
                .containsEntry(ContainerLabels.ATTEMPT, "7");
        assertThat(info.getHostConfig().getNetworkMode()).isEqualTo("none");
        assertThat(info.getHostConfig().getAutoRemove()).isTrue();
        assertThat(info.getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
        assertThat(info.getHostConfig().getMemory()).isEqualTo(64L << 20);
        assertThat(runner.containerOf(launch.key())).isEqualTo(id);
        runner.kill("labelled");
        obs.awaitFinished();
    }

    @Test
    void containerIsRemovedAfterItExits() throws Exception {
        RecordingObserver obs = new RecordingObserver();
        runner.launch(sh(swarm, "gone", "echo bye"), obs);
        String id = obs.awaitStarted();
        assertThat(obs.awaitFinished().exitCode()).isZero();
        assertThat(eventually(Duration.ofSeconds(10), () -> !containerExists(docker, id)))
                .as("AutoRemove deletes container %s after exit", id)
                .isTrue();
        assertThat(runner.active()).isEmpty();
    }

    @Test
    void environmentIsPassedToTheContainer() throws Exception {
        TaskLaunch launch = new TaskLaunch(
                swarm,
                0,
                "env",
                1,
                IMAGE,
                List.of("sh", "-c", "echo \"$GREETING-$N\""),
                Map.of("GREETING", "hi there", "N", "42"),
                0,
                0,
                30);
        assertThat(run(launch).outputText()).isEqualTo("hi there-42\n");
    }

    @Test
    void containerHasNoNetworkInterfaceButLoopbackByDefault() throws Exception {
        TaskOutcome out = run(sh(swarm, "net", "cat /proc/net/dev"));
        assertThat(out.exitCode()).isZero();
        assertThat(out.outputText()).contains("lo:").doesNotContain("eth0");
    }

    @Test
    void fullLogIsKeptOnDiskAndReadableByTask() throws Exception {
        TaskOutcome out = run(sh(swarm, "logged", "echo line1; echo line2 >&2"));
        assertThat(logs.readLatest("logged"))
                .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8))
                        .contains("line1\n")
                        .contains("line2\n"));
        assertThat(logs.latestAttempt("logged")).contains(out.attempt().attempt());
    }

    @Test
    void sameAttemptCannotBeLaunchedTwiceWhileActive() throws Exception {
        TaskLaunch launch = sh(swarm, "twice", "sleep 60");
        RecordingObserver first = new RecordingObserver();
        RecordingObserver second = new RecordingObserver();
        assertThat(runner.launch(launch, first)).isTrue();
        assertThat(runner.launch(launch, second)).isFalse();
        first.awaitStarted();
        runner.kill("twice");
        first.awaitFinished();
        assertThat(second.finishedCalls).hasValue(0);
    }

    @Test
    void runningTasksDoNotHoldSetUpSlotsSoMoreThanTheBoundRunAtOnce() throws Exception {
        try (ContainerRunner narrow = new ContainerRunner(docker, logs, 2)) {
            List<RecordingObserver> observers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                RecordingObserver obs = new RecordingObserver();
                observers.add(obs);
                narrow.launch(sh(swarm, "par" + i, "sleep 60"), obs);
            }
            for (RecordingObserver obs : observers) {
                obs.awaitStarted();
            }
            assertThat(narrow.active()).hasSize(5);
            for (int i = 0; i < 5; i++) {
                assertThat(narrow.kill("par" + i)).isEqualTo(1);
            }
            for (RecordingObserver obs : observers) {
                assertThat(obs.awaitFinished().reason()).isEqualTo(FailureReason.KILLED);
            }
            assertThat(narrow.active()).isEmpty();
        }
    }
}
