package org.bftswarm.tests.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bftswarm.api.ClusterJson;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.TaskJson;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.NodeSpawner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * State transfer with the replicated state at its retention limit, with real node processes and Docker: jobs
 * whose every task prints 64 KiB of barely compressible text (busybox awk from a fixed seed, the same on every
 * node) fill the finished jobs' kept output past {@code retention.maxOutputBytes}, so the oldest expire; a
 * non-primary node is killed, the others order more such jobs until their stable checkpoint is two
 * checkpoints past what it had executed, and the node is started again. It must catch up by installing a
 * certified snapshot fetched from the others (its metrics and log say so, with the snapshot's size), not by
 * replaying, and reach the others' executed sequence within {@link #CATCH_UP_BOUND}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("docker")
class StateTransferAtLimitTest {
    /** From the restart command to the restarted node's executed sequence at the others'. */
    static final Duration CATCH_UP_BOUND = Duration.ofSeconds(40);

    private static final int TASKS_PER_JOB = 4;
    private static final int OUTPUT_BYTES = 64 * 1024;
    /** Enough full outputs to pass the retention limit by two jobs. */
    private static final int FILL_JOBS = (int) (LimitCluster.MAX_OUTPUT_BYTES / OUTPUT_BYTES / TASKS_PER_JOB) + 2;

    private static final Pattern TRANSFER_LINE =
            Pattern.compile("installed state at (\\d+) by state transfer: (\\d+) snapshot bytes in (\\d+) chunks");

    LimitCluster cluster;
    ApiClient api;
    private int jobNumber;

    @BeforeAll
    void up(@TempDir Path dir) throws Exception {
        cluster = LimitCluster.create(dir);
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
        api = cluster.api();
    }

    @AfterAll
    void down() {
        if (cluster != null) {
            cluster.cli("down");
        }
    }

    /** A job of {@value #TASKS_PER_JOB} tasks that each print the most output a task may keep. */
    private String submitFullOutputJob() throws ApiException {
        int seed = ++jobNumber;
        String program =
                "BEGIN{srand(" + seed + "); for(i=0;i<" + OUTPUT_BYTES + ";i++) printf \"%c\", 33+int(rand()*94)}";
        return api.submit(new JobSubmission(
                "full-" + seed,
                LimitCluster.IMAGE,
                List.of("awk", program),
                null,
                0.25,
                32L,
                60,
                2,
                0,
                TASKS_PER_JOB,
                null,
                null,
                null));
    }

    /** Complete, or expired by retention (gone from the state): either way nothing of it is still to run. */
    private boolean settled(String jobId) {
        try {
            JobJson job = api.job(jobId);
            return job.status() == JobStatusJson.COMPLETE || job.status().terminal();
        } catch (ApiException e) {
            return e.status() == 404;
        }
    }

    private long executed(int node) {
        return api.cluster(node).map(ClusterJson::lastExecuted).orElse(-1L);
    }

    private long stable(int node) {
        return api.cluster(node).map(ClusterJson::stableCheckpoint).orElse(-1L);
    }

    private OptionalLong metric(int node, String name) {
        Optional<String> text = api.metrics(node);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        Matcher m = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(text.get());
        return m.find() ? OptionalLong.of((long) Double.parseDouble(m.group(1))) : OptionalLong.empty();
    }

    @Test
    @Timeout(240)
    void aNodeRestartedTwoCheckpointsBehindWithTheStateAtItsRetentionLimitCatchesUpByStateTransferInTime()
            throws Exception {
        long t0 = System.nanoTime();
        List<String> fill = new ArrayList<>();
        for (int i = 0; i < FILL_JOBS; i++) {
            fill.add(submitFullOutputJob());
        }
        LimitCluster.await(
                "fill jobs complete or expired",
                Duration.ofSeconds(90),
                () -> fill.stream().allMatch(this::settled));
        List<JobJson> kept = api.jobs();
        long keptOutput = kept.stream()
                .flatMap(j -> j.tasks().stream())
                .map(TaskJson::output)
                .mapToLong(o -> o == null ? 0 : o.length())
                .sum();
        long expired = fill.stream()
                .filter(id -> kept.stream().noneMatch(j -> j.id().equals(id)))
                .count();
        System.out.printf(
                "filled in %d ms: %d jobs of %d x %d B, %d expired, %d B of output kept (limit %d B)%n",
                (System.nanoTime() - t0) / 1_000_000,
                FILL_JOBS,
                TASKS_PER_JOB,
                OUTPUT_BYTES,
                expired,
                keptOutput,
                LimitCluster.MAX_OUTPUT_BYTES);
        assertThat(expired).as("jobs expired by the output retention limit").isPositive();
        assertThat(keptOutput)
                .as("kept output at the retention limit")
                .isLessThanOrEqualTo(LimitCluster.MAX_OUTPUT_BYTES)
                .isGreaterThan(LimitCluster.MAX_OUTPUT_BYTES - (long) TASKS_PER_JOB * OUTPUT_BYTES);

        int primary = cluster.primary();
        int victim = (primary + 1) % LimitCluster.N;
        int peer = (victim + 1) % LimitCluster.N == primary
                ? (victim + 2) % LimitCluster.N
                : (victim + 1) % LimitCluster.N;
        long behindAt = executed(victim);
        assertThat(cluster.faults().kill(victim)).as("kill node %d", victim).isZero();
        long target = behindAt + 2L * LimitCluster.CHECKPOINT_INTERVAL;
        List<String> moveOn = new ArrayList<>();
        LimitCluster.await(
                "stable checkpoint of node " + peer + " at " + target + " or later", Duration.ofSeconds(60), () -> {
                    if (stable(peer) >= target) {
                        return true;
                    }
                    if (moveOn.stream().allMatch(this::settled)) {
                        try {
                            moveOn.add(submitFullOutputJob());
                        } catch (ApiException e) {
                            // not ordered this time (e.g. a view change): the next poll submits again
                        }
                    }
                    return false;
                });
        long othersStable = stable(peer);
        System.out.printf(
                "node %d killed at executed %d; node %d's stable checkpoint now %d (%d jobs more)%n",
                victim, behindAt, peer, othersStable, moveOn.size());

        long restartAt = System.nanoTime();
        new NodeSpawner(cluster.target()).start(victim);
        long[] othersExecuted = {-1};
        LimitCluster.await("restarted node " + victim + " answers", CATCH_UP_BOUND, () -> {
            cluster.requireRunning(victim);
            othersExecuted[0] = executed(peer);
            return executed(victim) >= 0;
        });
        LimitCluster.await(
                "node " + victim + " installs a transferred snapshot and executes up to " + othersExecuted[0],
                CATCH_UP_BOUND.minus(Duration.ofNanos(System.nanoTime() - restartAt)),
                () -> {
                    cluster.requireRunning(victim);
                    return metric(victim, "bftswarm_consensus_state_transfers").orElse(0) >= 1
                            && executed(victim) >= othersExecuted[0];
                });
        long catchUpMillis = (System.nanoTime() - restartAt) / 1_000_000;
        long transferBytes =
                metric(victim, "bftswarm_consensus_state_transfer_bytes").orElse(0);
        Matcher line = TRANSFER_LINE.matcher(Files.readString(cluster.logFile(victim)));
        assertThat(line.find())
                .as("log line of the state transfer on node %d", victim)
                .isTrue();
        long installedAt = Long.parseLong(line.group(1));
        System.out.printf(
                "node %d caught up in %d ms (bound %d s): installed checkpoint %d by state transfer, %s snapshot"
                        + " bytes in %s chunks (metric %d B); executed %d, others %d; whole test %d ms%n",
                victim,
                catchUpMillis,
                CATCH_UP_BOUND.toSeconds(),
                installedAt,
                line.group(2),
                line.group(3),
                transferBytes,
                executed(victim),
                othersExecuted[0],
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(installedAt)
                .as("the transferred checkpoint is past what node %d had executed before the kill", victim)
                .isGreaterThan(behindAt);
        assertThat(transferBytes)
                .as("transferred snapshot holds the kept output (%d B, barely compressible)", keptOutput)
                .isGreaterThan(keptOutput / 2);
    }
}
