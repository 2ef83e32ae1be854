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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.TaskJson;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.ApiException;
import org.bftswarm.deploy.launcher.ApiTokenFile;
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

    private static JobSubmission hardened(
            String name, List<String> command, Integer pids, String user, Boolean readOnlyRootfs) {
        return new JobSubmission(
                name,
                IMAGE,
                command,
                null,
                0.25,
                32L,
                60,
                0,
                null,
                1,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                pids,
                user,
                readOnlyRootfs);
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
    @Timeout(300)
    void tasksAreConfinedAndTheirLimitsEnforcedWhileTheNodesLive() throws Exception {
        ApiClient api = cluster.api();
        // the bomb runs in a subshell: a non-interactive shell that cannot fork exits, and that must
        // be the bomb's shell, not the one that reports the counters afterwards
        String bomb = "bomb() { bomb | bomb & }; (bomb) 2>/dev/null; "
                + "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; "
                + "d=/sys/fs/cgroup/pids; [ -r $d/pids.max ] || d=/sys/fs/cgroup; "
                + "read -r max < $d/pids.max; read -r events < $d/pids.events; "
                + "echo \"limit=$max refused:$events\"";
        String hog = api.submit(job("memory-hog", List.of("sh", "-c", "tail /dev/zero"), 0, 1));
        String caps = api.submit(job("capabilities", List.of("sh", "-c", "grep CapEff /proc/self/status"), 0, 1));
        String forkBomb = api.submit(hardened("fork-bomb", List.of("sh", "-c", bomb), 32, null, null));
        String confined = api.submit(hardened(
                "confined",
                List.of(
                        "sh",
                        "-c",
                        "id -u; touch /probe 2>/dev/null || echo read-only; echo ok > /tmp/t && cat /tmp/t"),
                null,
                "65534",
                true));

        JobJson oom = awaitDone(api, hog);
        assertThat(oom.status()).as(oom.toString()).isEqualTo(JobStatusJson.FAILED);
        assertThat(oom.tasks().get(0).exitCode()).isEqualTo(137);
        assertThat(oom.tasks().get(0).reason()).as(oom.toString()).startsWith("oom");

        JobJson capEff = awaitDone(api, caps);
        assertThat(capEff.status()).isEqualTo(JobStatusJson.COMPLETE);
        assertThat(capEff.tasks().get(0).output()).matches("(?s)CapEff:\\s+0000000000000000\\s*");

        JobJson bombed = awaitDone(api, forkBomb);
        assertThat(bombed.status()).as(bombed.toString()).isEqualTo(JobStatusJson.COMPLETE);
        Matcher m = Pattern.compile("limit=32 refused:max (\\d+)")
                .matcher(bombed.tasks().get(0).output());
        assertThat(m.find()).as(bombed.tasks().get(0).output()).isTrue();
        assertThat(Long.parseLong(m.group(1))).as("forks refused at the limit").isPositive();
        int bombNode = bombed.tasks().get(0).node();
        assertThat(api.healthy(bombNode))
                .as("node %d lives after the fork bomb", bombNode)
                .isTrue();

        JobJson ro = awaitDone(api, confined);
        assertThat(ro.status()).as(ro.toString()).isEqualTo(JobStatusJson.COMPLETE);
        assertThat(ro.tasks().get(0).output()).isEqualTo("65534\nread-only\nok\n");

        MeshHttp raw = new MeshHttp(
                cluster.target().apiUrls().get(0),
                ApiTokenFile.read(cluster.target().layout().tokenFile()));
        int jobsBefore = api.jobs().size();
        for (String field : List.of("\"privileged\":true", "\"binds\":[\"/:/host\"]", "\"network\":\"host\"")) {
            MeshHttp.Answer refused = raw.post("/api/v1/jobs", "{\"image\":\"" + IMAGE + "\"," + field + "}");
            assertThat(refused.status()).as(field).isEqualTo(400);
            String name = field.substring(1, field.indexOf('"', 1));
            assertThat(refused.body().toString()).as(field).contains(name + ": ");
        }
        assertThat(api.jobs()).as("nothing refused was ordered").hasSize(jobsBefore);
    }

    @Test
    @Order(5)
    @Timeout(500)
    void killingEveryNodeWithJobsInFlightAndUpAgainCompletesEachJobExactlyOnce() throws Exception {
        CliRun allUp = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(allUp.exitCode()).as(allUp.all()).isZero();
        ApiClient api = cluster.api();
        List<JobJson> before = api.jobs();
        assertThat(before).hasSizeGreaterThanOrEqualTo(20);
        Map<String, String> inFlight = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            String id = api.submit(job("in-flight-" + i, List.of("sh", "-c", "sleep 6; echo done-" + i), 3, 1));
            inFlight.put(id, "done-" + i + "\n");
        }
        E2eCluster.await(
                "jobs in flight",
                JOB_DEADLINE,
                () -> inFlight.keySet().stream().anyMatch(id -> state(api, id).equals("RUNNING")));
        long unfinished = inFlight.keySet().stream()
                .filter(id -> !List.of("SUCCEEDED", "FAILED").contains(state(api, id)))
                .count();
        assertThat(unfinished)
                .as("jobs still in flight when every node is killed")
                .isPositive();
        for (int id = 0; id < 4; id++) {
            assertThat(cluster.cli("kill", Integer.toString(id)).exitCode()).isZero();
        }
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(up.exitCode()).as(up.all()).isZero();
        ApiClient after = cluster.api();
        for (JobJson old : before) {
            if (!old.status().terminal()) {
                continue;
            }
            JobJson now = after.job(old.id());
            assertThat(now.status()).as(old.id()).isEqualTo(old.status());
            assertThat(now.tasks()).as(old.id()).isEqualTo(old.tasks());
        }
        Map<String, JobJson> finished = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : inFlight.entrySet()) {
            JobJson job = awaitDone(after, e.getKey());
            assertThat(job.status()).as("%s: %s", job.id(), job).isEqualTo(JobStatusJson.COMPLETE);
            assertThat(job.tasks()).hasSize(1);
            assertThat(job.tasks().get(0).output()).isEqualTo(e.getValue());
            finished.put(e.getKey(), job);
        }
        List<String> ids = after.jobs().stream().map(JobJson::id).toList();
        for (String id : inFlight.keySet()) {
            assertThat(ids).as("job %s is held once", id).containsOnlyOnce(id);
        }
        assertThat(ids).as("no job was added or lost by the restart").hasSize(before.size() + inFlight.size());
        E2eCluster.await("no container of the swarm left running", JOB_DEADLINE, () -> {
            try {
                return cluster.containers().isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
        for (Map.Entry<String, JobJson> e : finished.entrySet()) {
            assertThat(after.job(e.getKey()).tasks())
                    .as("the result of %s, once accepted, is never replaced", e.getKey())
                    .isEqualTo(e.getValue().tasks());
        }
    }

    @Test
    @Order(6)
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
