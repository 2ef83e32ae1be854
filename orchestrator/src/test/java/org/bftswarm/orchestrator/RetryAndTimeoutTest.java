package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

class RetryAndTimeoutTest {

    private static JobSpec retrying(int retries, int backoffSeconds, int timeoutSeconds) {
        return new JobSpec(
                "r", "img", List.of("false"), null, 1.0, 64L, timeoutSeconds, retries, backoffSeconds, 1, null, null);
    }

    @Test
    void failedAttemptIsRetriedAfterExponentialBackoffMeasuredOnBatchTime() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(retrying(3, 2, 60))).get(0).id();

        d.start(task);
        d.finish(task, 1);
        TaskView t = d.task(task);
        assertThat(t.state()).isEqualTo(TaskState.BACKOFF);
        assertThat(t.retryAtMillis()).isEqualTo(d.now + 2_000);

        d.advance(1_999);
        d.tick();
        assertThat(d.task(task).state()).isEqualTo(TaskState.BACKOFF);
        d.advance(1);
        d.tick();
        assertThat(d.task(task).state()).isEqualTo(TaskState.ASSIGNED);
        assertThat(d.task(task).attempt()).isEqualTo(2);

        d.start(task);
        d.finish(task, 1);
        assertThat(d.task(task).retryAtMillis()).isEqualTo(d.now + 4_000);
        d.advance(4_000);
        d.tick();
        assertThat(d.task(task).attempt()).isEqualTo(3);
    }

    @Test
    void taskFailsForGoodOnceItsRetriesAreSpent() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String job = d.submit(retrying(1, 0, 60));
        String task = d.tasksOf(job).get(0).id();
        d.finish(task, 3);
        assertThat(d.task(task).attempt()).isEqualTo(2);
        d.finish(task, 4);
        TaskView t = d.task(task);
        assertThat(t.state()).isEqualTo(TaskState.FAILED);
        assertThat(t.exitCode()).isEqualTo(4);
        assertThat(t.failures()).isEqualTo(2);
        assertThat(t.history()).extracting(h -> h.exitCode()).containsExactly(3, 4);
        assertThat(d.scheduler.job(job).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void schedulerTimesOutAnAttemptThatOutlivesTimeoutPlusGraceAndRetriesIt() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(retrying(1, 0, 10))).get(0).id();
        d.start(task);
        long grace = d.scheduler.config().timeoutGraceMillis();
        d.advance(10_000 + grace);
        d.tick();
        assertThat(d.task(task).state()).isEqualTo(TaskState.RUNNING);
        d.advance(1);
        d.tick();
        TaskView t = d.task(task);
        assertThat(t.history()).singleElement().satisfies(h -> {
            assertThat(h.outcome()).isEqualTo("timeout");
            assertThat(h.attempt()).isEqualTo(1);
        });
        assertThat(t.attempt()).isEqualTo(2);
        assertThat(t.state()).isEqualTo(TaskState.ASSIGNED);

        Reply late = d.finishAs(t.history().get(0).node(), task, 1, 0);
        assertThat(late.code()).isEqualTo(ReplyCode.STALE_ATTEMPT);
    }

    @Test
    void timedOutTaskWithoutRetriesFailsWithReasonTimeout() {
        ClusterDriver d = ClusterDriver.withNodes(4, 4, 4096);
        String task = d.tasksOf(d.submit(retrying(0, 0, 5))).get(0).id();
        d.advance(5_000 + d.scheduler.config().timeoutGraceMillis() + 1);
        d.tick();
        TaskView t = d.task(task);
        assertThat(t.state()).isEqualTo(TaskState.FAILED);
        assertThat(t.reason()).isEqualTo("timeout");
        assertThat(t.exitCode()).isNull();
        assertThat(d.scheduler.assignmentsFor(t.node())).isEmpty();
    }

    @Test
    void backoffDelayDoublesAndIsCapped() {
        assertThat(RetryBackoff.delayMillis(1, 1, 60_000)).isEqualTo(1_000);
        assertThat(RetryBackoff.delayMillis(1, 2, 60_000)).isEqualTo(2_000);
        assertThat(RetryBackoff.delayMillis(1, 5, 60_000)).isEqualTo(16_000);
        assertThat(RetryBackoff.delayMillis(1, 7, 60_000)).isEqualTo(60_000);
        assertThat(RetryBackoff.delayMillis(3600, 101, 3_600_000)).isEqualTo(3_600_000);
        assertThat(RetryBackoff.delayMillis(0, 3, 60_000)).isZero();
    }
}
