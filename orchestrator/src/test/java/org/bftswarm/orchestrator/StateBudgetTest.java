package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bftswarm.consensus.core.ReplicaConfig;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.KeyRegistry;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.Verification;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

/**
 * The state never outgrows what state transfer can carry: submissions whose worst case does not fit
 * half the transfer limit are refused naming the limit, finished jobs give way instead of blocking,
 * and the estimate really bounds the snapshot, even for hostile output.
 */
class StateBudgetTest {

    private static final long SMALL_LIMIT = 4L * 1024 * 1024;
    /** 64 KiB of a control character: six JSON bytes each, so the JSON bound cuts it. */
    private static final String HOSTILE_OUTPUT = "\u0001".repeat(64 * 1024);
    /** A reason of 256 quotes: twice its length in JSON. */
    private static final String HOSTILE_REASON = "\"".repeat(256);

    private static ClusterDriver driver(SchedulerConfig config) {
        ClusterDriver d = new ClusterDriver(new Scheduler(config));
        for (int i = 0; i < config.clusterSize(); i++) {
            d.register(i, 64, 65_536, Map.of());
        }
        return d;
    }

    private static SchedulerConfig small() {
        return SchedulerConfig.defaults(4).withStateTransferLimit(SMALL_LIMIT);
    }

    private static Reply submit(ClusterDriver d, JobSpec spec) {
        return d.execute(ClusterDriver.USER, new SubmitJob(null, spec));
    }

    private static Reply report(ClusterDriver d, String taskId, int node, int exitCode, String output) {
        TaskView t = d.task(taskId);
        int attempt = t.runs().stream()
                .filter(r -> r.node() == node)
                .findFirst()
                .orElseThrow()
                .attempt();
        return d.execute(
                d.nodeClient(node),
                new TaskFinished(taskId, attempt, node, exitCode, "d" + output.hashCode(), output, HOSTILE_REASON));
    }

    private static long jsonBytes(ClusterDriver d) {
        return SnapshotCompression.inflate(d.scheduler.snapshot(), Long.MAX_VALUE).length;
    }

    private static void assertWithinBudget(ClusterDriver d, SchedulerConfig config) {
        assertThat((long) jsonBytes(d)).isLessThanOrEqualTo(d.scheduler.estimatedStateBytes());
        assertThat(d.scheduler.estimatedStateBytes()).isLessThanOrEqualTo(StateBudget.budgetBytes(config));
        assertThat((long) d.scheduler.snapshot().length).isLessThan(config.stateTransferLimitBytes() / 2);
    }

    @Test
    void theDefaultTransferLimitIsTheSnapshotBoundConsensusEnforces() {
        SigningKey key = SigningKey.fromSeed(new byte[32]);
        ReplicaConfig consensus = ReplicaConfig.defaults("s", 1, 0, key, KeyRegistry.of(Map.of(0, key.verifyingKey())));
        assertThat(SchedulerConfig.DEFAULT_STATE_TRANSFER_LIMIT_BYTES).isEqualTo(consensus.maxSnapshotBytes());
    }

    @Test
    void aJobNoStateCouldHoldIsRefusedAsInvalidNamingCountAndTheTransferLimit() {
        ClusterDriver d = driver(SchedulerConfig.defaults(4));
        Digest before = d.scheduler.digest();
        Reply reply = submit(d, ClusterDriver.spec(1, 64, 1000));
        assertThat(reply.code()).isEqualTo(ReplyCode.INVALID);
        assertThat(reply.errors())
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .startsWith("count: a job of 1000 tasks")
                        .contains("32.0 MiB state budget (half the 64.0 MiB state-transfer limit)"));
        assertThat(d.scheduler.digest()).isEqualTo(before);
    }

    @Test
    void onAnEmptyDefaultClusterTheLargestAdmittedOneTaskPerNodeJobHas220Tasks() {
        assertThat(submit(driver(SchedulerConfig.defaults(4)), ClusterDriver.spec(0.01, 6, 220))
                        .isOk())
                .isTrue();
        assertThat(submit(driver(SchedulerConfig.defaults(4)), ClusterDriver.spec(0.01, 6, 221))
                        .code())
                .isEqualTo(ReplyCode.INVALID);
    }

    @Test
    void whenUnfinishedJobsFillTheBudgetTheNextSubmissionIsRefusedUntilSomeFinish() {
        SchedulerConfig config = small();
        ClusterDriver d = driver(config);
        int admitted = 0;
        Reply reply;
        while ((reply = submit(d, ClusterDriver.spec(1, 64, 1))).isOk()) {
            admitted++;
        }
        assertThat(admitted).isEqualTo(12);
        assertThat(reply.errors())
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .startsWith("state: unfinished jobs may already hold up to")
                        .contains("2.0 MiB state budget (half the 4.0 MiB state-transfer limit)"));
        d.start("job-1.0");
        d.finish("job-1.0", 0);
        assertThat(submit(d, ClusterDriver.spec(1, 64, 1)).isOk()).isTrue();
        d.scheduler.checkInvariants();
    }

    @Test
    void finishedJobsWithHostileOutputGiveWayAndTheSnapshotStaysWithinTheBudget() {
        SchedulerConfig config = small();
        ClusterDriver d = driver(config);
        for (int i = 0; i < 30; i++) {
            String job = d.submit(ClusterDriver.spec(1, 64, 1));
            String task = job + ".0";
            report(d, task, d.task(task).node(), 0, HOSTILE_OUTPUT + i);
            assertWithinBudget(d, config);
        }
        assertThat(d.scheduler.jobs().size()).isBetween(5, 20);
        d.scheduler.checkInvariants();
    }

    @Test
    void anUnfinishedQuorumTaskHoldingHostileVotesStaysWithinItsReservation() {
        SchedulerConfig config = SchedulerConfig.defaults(4);
        ClusterDriver d = driver(config);
        long before = jsonBytes(d);
        JobSpec spec = ClusterDriver.spec(0.5, 64, 1).withVerification(Verification.QUORUM);
        String task = d.submit(spec) + ".0";
        for (int node : d.task(task).runs().stream().map(r -> r.node()).toList()) {
            report(d, task, node, 0, HOSTILE_OUTPUT + node); // the two reports differ: a third run is placed
        }
        assertThat(d.task(task).runs()).hasSize(1);
        long grown = jsonBytes(d) - before;
        long reserved = StateBudget.reservedBytes(spec.normalized().withVerification(Verification.QUORUM), config);
        assertThat(grown)
                .isGreaterThan(2L * OutputLimit.MAX_OUTPUT_JSON_BYTES - 16)
                .isLessThanOrEqualTo(reserved);
    }

    @Test
    void aFailedTaskAwaitingRetryWithHostileOutputStaysWithinItsReservation() {
        SchedulerConfig config = SchedulerConfig.defaults(4);
        ClusterDriver d = driver(config);
        long before = jsonBytes(d);
        JobSpec spec = new JobSpec("t", "bftswarm/busybox", List.of("true"), null, 1.0, 64L, 60, 100, 1, 1, null, null);
        String task = d.submit(spec) + ".0";
        long grown = 0;
        for (int round = 0; round < 20; round++) {
            report(d, task, d.task(task).node(), 1, HOSTILE_OUTPUT + round);
            grown = Math.max(grown, jsonBytes(d) - before);
            d.advance(3_600_000);
            d.tick();
        }
        long reserved = StateBudget.reservedBytes(spec.normalized().withVerification(Verification.NONE), config);
        assertThat(grown).isGreaterThan(OutputLimit.MAX_OUTPUT_JSON_BYTES).isLessThanOrEqualTo(reserved);
    }
}
