package org.bftswarm.tests.byzantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.NodeJson;
import org.bftswarm.api.TaskJson;
import org.bftswarm.crypto.Digest;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiClient;
import org.bftswarm.deploy.launcher.JobWaiter;
import org.bftswarm.tests.support.ClusterTestSupport;
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
 * One Byzantine node in a real 4-node cluster (f = 1), each behaviour in turn, started with
 * {@code up --byzantine NODE:BEHAVIOUR}: under verification {@code quorum} every deterministic job
 * completes with the true output and the liar's reports are recorded against it, never accepted; under
 * {@code none} the liar's fake result is accepted (what trusting one node means); an inflated
 * registration is refused; a node that never reports has its runs time out and placed elsewhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("docker")
class ByzantineResultsTest {
    static final Duration JOB_DEADLINE = Duration.ofSeconds(180);
    static final String IMAGE = "bftswarm/busybox";
    static final int JOBS = 12;

    ByzantineCluster cluster;

    @BeforeAll
    void create(@TempDir Path dir) throws Exception {
        cluster = new ByzantineCluster(dir);
    }

    @AfterAll
    void down() {
        if (cluster != null) {
            cluster.cli("down");
        }
    }

    private void upWith(String byzantine) {
        cluster.restartWith(byzantine);
    }

    /** {@code seq 1 k | sha256sum}: deterministic on every honest node. */
    private static List<String> checksumOf(int k) {
        return List.of("sh", "-c", "seq 1 " + k + " | sha256sum");
    }

    private static String expectedChecksum(int k) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= k; i++) {
            lines.append(i).append('\n');
        }
        return Digest.sha256(lines.toString().getBytes(StandardCharsets.UTF_8)).hex() + "  -\n";
    }

    private static JobSubmission job(String name, List<String> command, int count, int timeout, String verification) {
        return new JobSubmission(name, IMAGE, command, null, 0.25, 32L, timeout, 1, 1, count, null, null, verification);
    }

    private static JobJson awaitDone(ApiClient api, String jobId) throws Exception {
        Optional<JobJson> done = new JobWaiter(api).await(jobId, null, JOB_DEADLINE);
        assertThat(done).as("job %s finished within %s", jobId, JOB_DEADLINE).isPresent();
        return done.get();
    }

    private static NodeJson node(ApiClient api, int id) throws Exception {
        return api.nodes(0).orElseThrow().stream()
                .filter(n -> n.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** Submits {@link #JOBS} deterministic quorum jobs at once and checks every result is the true one. */
    private List<TaskJson> quorumJobsAllCompleteWithTheTrueOutput(ApiClient api, String prefix, int timeout)
            throws Exception {
        Map<String, Integer> sizeOf = new LinkedHashMap<>();
        for (int i = 0; i < JOBS; i++) {
            int k = 100 + 37 * i;
            sizeOf.put(api.submit(job(prefix + i, checksumOf(k), 1, timeout, "quorum")), k);
        }
        List<TaskJson> tasks = new ArrayList<>();
        for (Map.Entry<String, Integer> e : sizeOf.entrySet()) {
            JobJson done = awaitDone(api, e.getKey());
            assertThat(done.status()).as("%s: %s", done.id(), done).isEqualTo(JobStatusJson.COMPLETE);
            TaskJson t = done.tasks().get(0);
            assertThat(t.output()).as("output of %s", done.id()).isEqualTo(expectedChecksum(e.getValue()));
            assertThat(t.verifiedBy()).as("verifiers of %s", done.id()).hasSizeGreaterThanOrEqualTo(2);
            tasks.add(t);
        }
        return tasks;
    }

    @Test
    @Order(1)
    @Timeout(400)
    void withoutVerificationTheFakeResultsOfTheLyingNodeAreAccepted() throws Exception {
        upWith("2:fake-results");
        ApiClient api = cluster.api();
        String id = api.submit(job("trusting", checksumOf(500), 4, 60, "none"));
        JobJson done = awaitDone(api, id);
        List<TaskJson> onTheLiar =
                done.tasks().stream().filter(t -> t.node() == 2).toList();
        assertThat(onTheLiar)
                .as("spread placement puts one of four tasks on node 2")
                .isNotEmpty();
        for (TaskJson t : onTheLiar) {
            assertThat(t.state()).isEqualTo("SUCCEEDED");
            assertThat(t.output()).isNotEqualTo(expectedChecksum(500)).contains("fake result");
            assertThat(t.verifiedBy()).containsExactly(2);
        }
    }

    @Test
    @Order(2)
    @Timeout(400)
    void aLiarsInventedShardValueChangesAnUnverifiedReductionButNotAQuorumOne() throws Exception {
        ApiClient api = cluster.api();
        String module = Base64.getEncoder()
                .encodeToString(Files.readAllBytes(ClusterTestSupport.repoRoot().resolve("examples/wasm/sum.wasm")));
        List<Long> dataset = List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L);
        long truth = 360;
        JobJson trusting = awaitDone(api, api.submit(wasmJob(module, dataset, 4, "none")));
        assertThat(trusting.shards())
                .as("spread placement puts a shard on node 2")
                .anySatisfy(s -> assertThat(s.node()).isEqualTo(2));
        assertThat(trusting.result().asLong())
                .as("without verification the invented value gets into the reduction")
                .isNotEqualTo(truth);
        // two shards: node 2 takes part in at most two runs, too few disputes to quarantine it before the next test
        JobJson verified = awaitDone(api, api.submit(wasmJob(module, dataset, 2, "quorum")));
        assertThat(verified.status()).isEqualTo(JobStatusJson.COMPLETE);
        assertThat(verified.result().asLong()).as("quorum-verified sum").isEqualTo(truth);
        assertThat(verified.tasks()).allSatisfy(t -> assertThat(t.verifiedBy()).doesNotContain(2));
    }

    private static JobSubmission wasmJob(String module, List<Long> dataset, int shards, String verification) {
        return JobSubmission.wasm(
                module, dataset.stream().mapToLong(Long::longValue).toArray(), shards, verification);
    }

    @Test
    @Order(3)
    @Timeout(400)
    void withQuorumNoFakeResultIsAcceptedAndTheFakerIsRecorded() throws Exception {
        ApiClient api = cluster.api();
        List<TaskJson> tasks = quorumJobsAllCompleteWithTheTrueOutput(api, "faked-", 60);
        assertThat(tasks).allSatisfy(t -> assertThat(t.verifiedBy()).doesNotContain(2));
        assertThat(tasks).anySatisfy(t -> assertThat(t.disputedBy()).containsExactly(2));
        assertThat(node(api, 2).disputedResults()).isGreaterThanOrEqualTo(1);
        assertThat(api.metrics(0).orElseThrow()).contains("bftswarm_node_disputed_results{node=\"2\"}");
    }

    @Test
    @Order(4)
    @Timeout(400)
    void withQuorumTamperedOutputIsOutvotedAndTheQuarantinedNodeCanBeReadmitted() throws Exception {
        upWith("1:tamper-output");
        ApiClient api = cluster.api();
        if (node(api, 2).quarantined()) {
            CliRun readmit = cluster.cli("readmit", "2");
            assertThat(readmit.exitCode()).as(readmit.all()).isZero();
            assertThat(readmit.out()).contains("node 2 readmitted");
            assertThat(node(api, 2).quarantined()).isFalse();
        }
        List<TaskJson> tasks = quorumJobsAllCompleteWithTheTrueOutput(api, "tampered-", 60);
        assertThat(tasks).allSatisfy(t -> assertThat(t.verifiedBy()).doesNotContain(1));
        assertThat(tasks).anySatisfy(t -> assertThat(t.disputedBy()).contains(1));
        assertThat(node(api, 1).disputedResults()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(5)
    @Timeout(400)
    void anInflatedRegistrationIsRefusedAndTheConfiguredCapacityStands() throws Exception {
        upWith("3:inflate-capacity");
        ApiClient api = cluster.api();
        ClusterTestSupport.await(
                "node 0 counts a refused registration",
                Duration.ofSeconds(60),
                Duration.ofMillis(500),
                () -> api.metrics(0)
                        .map(m -> m.lines()
                                .anyMatch(l -> l.startsWith("bftswarm_scheduler_refused{code=\"registration_mismatch\"")
                                        && !l.endsWith(" 0.0")))
                        .orElse(false));
        NodeJson three = node(api, 3);
        assertThat(three.capacity().cpus()).as("capacity of node 3: %s", three).isEqualTo(2.0);
    }

    @Test
    @Order(6)
    @Timeout(600)
    void aSilentWorkersRunsTimeOutAndAreRunElsewhere() throws Exception {
        upWith("0:silent-worker");
        ApiClient api = cluster.api();
        // 15 s: short enough that the silent node's runs time out within the test, long enough that an
        // honest node's container, slow on a loaded machine, still reports in time.
        List<TaskJson> tasks = quorumJobsAllCompleteWithTheTrueOutput(api, "silent-", 15);
        assertThat(tasks).allSatisfy(t -> assertThat(t.verifiedBy()).doesNotContain(0));
    }
}
