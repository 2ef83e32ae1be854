package org.bftswarm.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bftswarm.worker.DockerTestSupport.IMAGE;
import static org.bftswarm.worker.DockerTestSupport.eventually;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bftswarm.crypto.Digest;
import org.junit.jupiter.api.Test;

/** Task stdin through {@link ContainerRunner} against the real engine with the local busybox image. */
class ContainerStdinDockerTest extends DockerRunnerFixture {
    private static final byte[] THREE_LINES = "alpha\nbeta\ngamma\n".getBytes(StandardCharsets.UTF_8);

    private TaskOutcome run(TaskLaunch launch) throws Exception {
        RecordingObserver obs = new RecordingObserver();
        assertThat(runner.launch(launch, obs)).isTrue();
        return obs.awaitFinished();
    }

    private TaskLaunch withStdin(String task, List<String> command, byte[] stdin, long timeoutSeconds) {
        return new TaskLaunch(
                swarm,
                0,
                task,
                1,
                IMAGE,
                command,
                Map.of(),
                0.5,
                64,
                timeoutSeconds,
                TaskLaunch.DEFAULT_NETWORK,
                stdin,
                null);
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void wcCountsTheThreeLinesOfStdinAndExitsZero() throws Exception {
        TaskOutcome out = run(withStdin("wc", List.of("wc", "-l"), THREE_LINES, 30));
        assertThat(out.exitCode()).isZero();
        assertThat(out.reason()).isEqualTo(FailureReason.NONE);
        assertThat(out.outputText().strip()).isEqualTo("3");
    }

    @Test
    void catOutputsExactlyTheStdinBytes() throws Exception {
        TaskOutcome out = run(withStdin("cat", List.of("cat"), THREE_LINES, 30));
        assertThat(out.exitCode()).isZero();
        assertThat(out.output()).isEqualTo(THREE_LINES);
        assertThat(out.outputDigest()).isEqualTo(Digest.sha256(THREE_LINES));
    }

    @Test
    void oneMebibyteOfStdinArrivesCompleteAsItsSha256Shows() throws Exception {
        byte[] input = randomBytes(1 << 20, 42);
        String local =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input));
        TaskOutcome out = run(withStdin("sha", List.of("sha256sum"), input, 60));
        assertThat(out.exitCode()).isZero();
        assertThat(out.outputText()).isEqualTo(local + "  -\n");
    }

    @Test
    void emptyStdinIsEndOfFileAtOnce() throws Exception {
        TaskOutcome out = run(withStdin("empty", List.of("wc", "-c"), new byte[0], 30));
        assertThat(out.exitCode()).isZero();
        assertThat(out.outputText().strip()).isEqualTo("0");
    }

    @Test
    void launchWithoutStdinReadsEndOfFileAndRunsAsBefore() throws Exception {
        TaskOutcome out = run(DockerTestSupport.sh(swarm, "nostdin", "cat; echo after-eof"));
        assertThat(out.exitCode()).isZero();
        assertThat(out.outputText()).isEqualTo("after-eof\n");
    }

    @Test
    void containerThatNeverReadsItsStdinStillExitsAndIsReported() throws Exception {
        byte[] input = randomBytes(1 << 20, 7);
        TaskOutcome out = run(withStdin("ignore", List.of("sh", "-c", "echo ignoring; exit 3"), input, 30));
        assertThat(out.exitCode()).isEqualTo(3);
        assertThat(out.reason()).isEqualTo(FailureReason.NONE);
        assertThat(out.outputText()).isEqualTo("ignoring\n");
    }

    @Test
    void timeoutStillKillsAContainerThatNeverReadsItsStdin() throws Exception {
        byte[] input = randomBytes(1 << 20, 8);
        long t0 = System.nanoTime();
        TaskOutcome out = run(withStdin("stuck", List.of("sleep", "60"), input, 1));
        assertThat(out.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(out.exitCode()).isEqualTo(137);
        assertThat(Duration.ofNanos(System.nanoTime() - t0).toSeconds()).isLessThan(15);
    }

    @Test
    void killRightAfterLaunchWithStdinEndsKilledAndLeavesNoContainer() throws Exception {
        RecordingObserver obs = new RecordingObserver();
        runner.launch(withStdin("early-kill", List.of("cat"), THREE_LINES, 30), obs);
        runner.kill("early-kill");
        TaskOutcome out = obs.awaitFinished();
        assertThat(out.reason()).isEqualTo(FailureReason.KILLED);
        assertThat(eventually(
                        Duration.ofSeconds(10),
                        () -> new Reconciler(docker, runner).list(swarm, null).isEmpty()))
                .isTrue();
    }

    @Test
    void stdinThreadEndsOnceTheProcessHasReadItsStdinWhileTheContainerRuns() throws Exception {
        RecordingObserver obs = new RecordingObserver();
        runner.launch(
                withStdin("reader", List.of("sh", "-c", "cat >/dev/null; sleep 5; echo done"), THREE_LINES, 30), obs);
        String thread = "bftswarm-stdin-" + AttemptExecution.shortId(obs.awaitStarted());
        assertThat(eventually(
                        Duration.ofSeconds(3),
                        () -> Thread.getAllStackTraces().keySet().stream()
                                .noneMatch(t -> t.getName().equals(thread))))
                .as("no thread is held for a running task once its stdin is read")
                .isTrue();
        assertThat(obs.finished).as("the container is still running").isNotDone();
        assertThat(obs.awaitFinished().outputText()).isEqualTo("done\n");
    }

    @Test
    void eightTasksWithStdinAtOnceEachGetTheirOwnBytes() throws Exception {
        List<RecordingObserver> observers = new ArrayList<>();
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            byte[] input = randomBytes(64 * 1024 + i, i);
            inputs.add(input);
            RecordingObserver obs = new RecordingObserver();
            observers.add(obs);
            runner.launch(withStdin("par" + i, List.of("cat"), input, 60), obs);
        }
        for (int i = 0; i < 8; i++) {
            TaskOutcome out = observers.get(i).awaitFinished();
            assertThat(out.exitCode()).as("task par%d", i).isZero();
            assertThat(out.outputDigest()).as("task par%d", i).isEqualTo(Digest.sha256(inputs.get(i)));
            assertThat(out.outputBytes()).isEqualTo(inputs.get(i).length);
        }
    }

    @Test
    void stdinThatCannotBeDeliveredFailsTheAttemptToStartWithTheReason() throws Exception {
        try (ContainerRunner broken =
                new ContainerRunner(docker, URI.create("unix:///nonexistent/docker.sock"), logs, 1)) {
            RecordingObserver obs = new RecordingObserver();
            broken.launch(withStdin("undeliverable", List.of("cat"), THREE_LINES, 30), obs);
            TaskOutcome out = obs.awaitFinished();
            assertThat(out.reason()).isEqualTo(FailureReason.START_FAILED);
            assertThat(out.detail()).startsWith("stdin attach failed: ");
            assertThat(out.exitCode()).isEqualTo(TaskOutcome.NO_EXIT_CODE);
        }
        assertThat(eventually(
                        Duration.ofSeconds(10),
                        () -> new Reconciler(docker, runner).list(swarm, null).isEmpty()))
                .as("the container of an undeliverable stdin is removed")
                .isTrue();
    }
}
