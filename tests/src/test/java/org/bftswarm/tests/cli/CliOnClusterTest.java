package org.bftswarm.tests.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.JobWaiter;
import org.bftswarm.deploy.launcher.LogFollower;
import org.bftswarm.deploy.launcher.NodeKeys;
import org.bftswarm.tests.support.RealCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against a real 4-node cluster (every node labelled zone=lab): the dashboard frame after
 * {@code up}, {@code submit -f} with {@code --constraint}, {@code jobs --watch --json}, {@code cancel}
 * of unknown, finished and running jobs, and {@code logs --follow} streaming before the task ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("docker")
class CliOnClusterTest {
    static final Duration DEADLINE = Duration.ofSeconds(120);

    Cluster cluster;
    Path dir;

    /**
     * HTTP ports 30000+, WebSocket 30200+, consensus/state 30400+ (with the random slot offset, all within
     * 30000..30999): apart from the other suites' ranges and below the kernel's ephemeral ports (32768 and up),
     * which outgoing connections of the nodes already started could take before a later node binds them.
     */
    static final class Cluster extends RealCluster {
        Cluster(Path dir) throws IOException {
            super(dir, "CLI tests", "cli", new PortBases(30000, 30200, 30400), List.of("labels: {zone: lab}"));
        }
    }

    @BeforeAll
    void up(@TempDir Path dir) throws Exception {
        this.dir = dir;
        cluster = new Cluster(dir);
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
    }

    @AfterAll
    void down() {
        if (cluster != null) {
            cluster.cli("down");
        }
    }

    private String submit(String... args) {
        CliRun run = cluster.cli(args);
        assertThat(run.exitCode()).as(run.all()).isZero();
        return run.out().lines().reduce((a, b) -> b).orElseThrow().strip();
    }

    private JobJson awaitDone(String jobId) throws Exception {
        Optional<JobJson> done = new JobWaiter(cluster.api()).await(jobId, null, DEADLINE);
        assertThat(done).as("job %s ended within %s", jobId, DEADLINE).isPresent();
        return done.get();
    }

    @Test
    void theDashboardShowsTheClusterAndAJobSubmittedFromAFileWithAConstraint() throws Exception {
        Path job = dir.resolve("job.yaml");
        Files.writeString(job, "name: from-file\nimage: bftswarm/busybox\ncommand: [echo, hello]\n");
        CliRun submitted = cluster.cli("submit", "-f", job.toString(), "--constraint", "zone=lab", "--wait");
        assertThat(submitted.exitCode()).as(submitted.all()).isZero();
        assertThat(submitted.out()).contains("COMPLETE").contains("| hello");
        CliRun frame = cluster.cli("dashboard", "--once", "--width", "160");
        assertThat(frame.exitCode()).as(frame.all()).isZero();
        assertThat(frame.out()).contains("n = 4, f = 1").contains("from-file").contains("COMPLETE");
        assertThat(frame.out().lines().filter(l -> l.matches("^[0-3] .*running.*")))
                .hasSize(4);
        CliRun watch = cluster.cli("jobs", "--watch", "--json", "--frames", "2");
        List<String> lines = watch.out().lines().toList();
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode jobs = new ObjectMapper().readTree(line);
            assertThat(jobs.isArray()).isTrue();
            assertThat(line).contains("from-file");
        }
    }

    @Test
    void cancelOfAnUnknownOrFinishedJobExitsOneWithTheReasonAndARunningJobIsCancelled() throws Exception {
        CliRun unknown = cluster.cli("cancel", "no-such-job");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("no job no-such-job");
        String finished = submit("submit", "--image", "bftswarm/busybox", "--", "true");
        assertThat(awaitDone(finished).status()).isEqualTo(JobStatusJson.COMPLETE);
        CliRun late = cluster.cli("cancel", finished);
        assertThat(late.exitCode()).isEqualTo(1);
        assertThat(late.err()).contains("already finished (COMPLETE)");
        String running = submit("submit", "--image", "bftswarm/busybox", "--", "sleep", "60");
        CliRun cancel = cluster.cli("cancel", running);
        assertThat(cancel.exitCode()).as(cancel.all()).isZero();
        assertThat(awaitDone(running).status()).isEqualTo(JobStatusJson.CANCELLED);
        CliRun again = cluster.cli("cancel", running);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already cancelled (CANCELLED)");
    }

    @Test
    void logsFollowPrintsLinesWhileTheTaskRunsThenChecksTheWholeLogAgainstTheDigest() throws Exception {
        String jobId = submit(
                "submit",
                "--image",
                "bftswarm/busybox",
                "--",
                "sh",
                "-c",
                "for i in 1 2 3 4 5 6; do echo line $i; sleep 1; done");
        ApiClient api = cluster.api();
        AtomicReference<JobStatusJson> statusAtFirstLine = new AtomicReference<>();
        StringWriter text = new StringWriter();
        Writer watching = new Writer() {
            @Override
            public void write(char[] buf, int off, int len) {
                if (statusAtFirstLine.get() == null && len > 0) {
                    try {
                        statusAtFirstLine.set(api.job(jobId).status());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                text.write(buf, off, len);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        StringWriter notes = new StringWriter();
        new LogFollower(
                        api,
                        NodeKeys.reads(cluster.target(), api),
                        Optional.empty(),
                        cluster.swarm,
                        Duration.ofMillis(300))
                .follow(jobId + ".0", new PrintWriter(watching, true), new PrintWriter(notes, true));
        assertThat(text.toString()).isEqualTo("line 1\nline 2\nline 3\nline 4\nline 5\nline 6\n");
        assertThat(statusAtFirstLine.get())
                .as("job status when the first line was printed")
                .isEqualTo(JobStatusJson.RUNNING);
        assertThat(notes.toString()).contains("matches the accepted output digest");
        CliRun cli = cluster.cli("logs", jobId + ".0", "--follow");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).isEqualTo(text.toString());
        JsonNode json = new ObjectMapper()
                .readTree(cluster.cli("logs", jobId + ".0", "--json").out());
        assertThat(json.path("log").asText()).isEqualTo(text.toString());
        assertThat(json.path("taskId").asText()).isEqualTo(jobId + ".0");
    }
}
