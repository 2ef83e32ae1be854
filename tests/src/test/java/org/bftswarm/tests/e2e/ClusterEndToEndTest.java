package org.bftswarm.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.TaskJson;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.JobWaiter;
import org.bftswarm.deploy.launcher.TaskEventStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: a 4-node cluster (f = 1) of real node processes on 127.0.0.1 running real
 * Docker containers, driven by the {@code bftswarm} commands. The tests share one cluster and run in
 * order; the last one takes it down. Every wait is bounded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("docker")
class ClusterEndToEndTest {
    static final Duration JOB_DEADLINE = Duration.ofSeconds(150);
    static final String IMAGE = "bftswarm/busybox";

    E2eCluster cluster;

    @BeforeAll
    void up(@TempDir Path dir) throws Exception {
        cluster = E2eCluster.create(dir);
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
    }

    @AfterAll
    void down() {
        if (cluster != null) {
            cluster.cli("down");
        }
    }

    private static JobSubmission job(String name, List<String> command, int retries, int count) {
        return new JobSubmission(name, IMAGE, command, null, 0.25, 32L, 60, retries, null, count, null, null, null);
    }

    private static JobJson awaitDone(ApiClient api, String jobId) throws Exception {
        Optional<JobJson> done = new JobWaiter(api).await(jobId, null, JOB_DEADLINE);
        assertThat(done).as("job %s finished within %s", jobId, JOB_DEADLINE).isPresent();
        return done.get();
    }

    @Test
    @Order(1)
    @Timeout(300)
    void twentyJobsWithKnownOutputsAndExitCodesAllCompleteCorrectly() throws Exception {
        ApiClient api = cluster.api();
        Map<String, Integer> exitOf = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            int exit = i % 4;
            String id = api.submit(job("known-" + i, List.of("sh", "-c", "echo out-" + i + "; exit " + exit), 0, 1));
            exitOf.put(id, exit);
        }
        int i = 0;
        for (Map.Entry<String, Integer> e : exitOf.entrySet()) {
            JobJson job = awaitDone(api, e.getKey());
            TaskJson task = job.tasks().get(0);
            assertThat(job.tasks()).hasSize(1);
            assertThat(task.exitCode()).as("exit of %s", job.id()).isEqualTo(e.getValue());
            assertThat(task.output()).as("output of %s", job.id()).isEqualTo("out-" + i + "\n");
            assertThat(job.status()).isEqualTo(e.getValue() == 0 ? JobStatusJson.COMPLETE : JobStatusJson.FAILED);
            assertThat(task.state()).isEqualTo(e.getValue() == 0 ? "SUCCEEDED" : "FAILED");
            i++;
        }
    }

    @Test
    @Order(2)
    @Timeout(300)
    void killingThePrimaryDuringARunStillCompletesEveryJob() throws Exception {
        ApiClient api = cluster.api();
        int primary = cluster.primary();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(api.submit(job("through-crash-" + i, List.of("sh", "-c", "sleep 2; echo survived-" + i), 2, 1)));
        }
        assertThat(cluster.cli("kill", Integer.toString(primary)).exitCode()).isZero();
        for (int i = 0; i < 4; i++) {
            ids.add(api.submit(job("after-crash-" + i, List.of("sh", "-c", "echo after-" + i), 2, 1)));
        }
        for (int i = 0; i < ids.size(); i++) {
            JobJson job = awaitDone(api, ids.get(i));
            assertThat(job.status()).as("%s: %s", job.id(), job).isEqualTo(JobStatusJson.COMPLETE);
            assertThat(job.tasks().get(0).output())
                    .isEqualTo(i < 6 ? "survived-" + i + "\n" : "after-" + (i - 6) + "\n");
        }
        assertThat(cluster.primary()).as("a new primary took over").isNotEqualTo(primary);
        assertThat(cluster.cli("restart", Integer.toString(primary)).exitCode()).isZero();
    }

    @Test
    @Order(3)
    @Timeout(300)
    void killedContainerFailsWith137AndIsRetriedPerItsPolicy() throws Exception {
        ApiClient api = cluster.api();
        List<TaskEventStream.TaskEvent> events = new CopyOnWriteArrayList<>();
        try (TaskEventStream ignored = cluster.events(events::add)) {
            String noRetry = api.submit(job("killed-no-retry", List.of("sleep", "40"), 0, 1));
            String withRetry =
                    api.submit(job("killed-retried", List.of("sh", "-c", "sleep 8; echo second-attempt"), 1, 1));
            for (String id : List.of(noRetry, withRetry)) {
                E2eCluster.await(
                        id + " running", JOB_DEADLINE, () -> state(api, id).equals("RUNNING"));
                CliRun kill = cluster.cli("kill-container", id + ".0");
                assertThat(kill.exitCode()).as(kill.all()).isZero();
            }
            JobJson failed = awaitDone(api, noRetry);
            assertThat(failed.status()).isEqualTo(JobStatusJson.FAILED);
            assertThat(failed.tasks().get(0).exitCode()).isEqualTo(137);
            assertThat(failed.tasks().get(0).attempt()).isEqualTo(1);

            JobJson retried = awaitDone(api, withRetry);
            assertThat(retried.status()).isEqualTo(JobStatusJson.COMPLETE);
            assertThat(retried.tasks().get(0).attempt()).isEqualTo(2);
            assertThat(retried.tasks().get(0).output()).isEqualTo("second-attempt\n");
            assertThat(events)
                    .as("the first attempt went to BACKOFF before the retry")
                    .anyMatch(e ->
                            e.taskId().equals(withRetry + ".0") && e.state().equals("BACKOFF") && e.attempt() == 1);
        }
    }

    @Test
    @Order(4)
    @Timeout(400)
    void killingEveryNodeAndUpAgainKeepsCompletedJobsAndTheirResults() throws Exception {
        CliRun allUp = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(allUp.exitCode()).as(allUp.all()).isZero();
        List<JobJson> before = cluster.api().jobs();
        assertThat(before).hasSizeGreaterThanOrEqualTo(20);
        for (int id = 0; id < 4; id++) {
            assertThat(cluster.cli("kill", Integer.toString(id)).exitCode()).isZero();
        }
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(up.exitCode()).as(up.all()).isZero();
        ApiClient api = cluster.api();
        for (JobJson old : before) {
            if (!old.status().terminal()) {
                continue;
            }
            JobJson now = api.job(old.id());
            assertThat(now.status()).as(old.id()).isEqualTo(old.status());
            assertThat(now.tasks()).as(old.id()).isEqualTo(old.tasks());
        }
    }

    @Test
    @Order(5)
    @Timeout(200)
    void downStopsEveryNodeAndLeavesNoContainerWithTheSwarmsLabel() throws Exception {
        ApiClient api = cluster.api();
        String id = api.submit(job("cut-short", List.of("sleep", "120"), 0, 4));
        E2eCluster.await("containers of " + id, JOB_DEADLINE, () -> {
            try {
                return cluster.containers().size() >= 2;
            } catch (IOException e) {
                return false;
            }
        });
        CliRun down = cluster.cli("down");
        assertThat(down.exitCode()).as(down.all()).isZero();
        assertThat(cluster.containers()).isEmpty();
        assertThat(cluster.cli("status").out()).doesNotContain("running");
    }

    private static String state(ApiClient api, String jobId) {
        try {
            return api.job(jobId).tasks().get(0).state();
        } catch (ApiException e) {
            return "unknown: " + e.getMessage();
        }
    }
}
