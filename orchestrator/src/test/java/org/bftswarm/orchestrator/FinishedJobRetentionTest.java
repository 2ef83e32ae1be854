package org.bftswarm.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.TaskView;
import org.junit.jupiter.api.Test;

/** Finished jobs expire, oldest first and identically on every replica, by count, by age and by kept output. */
class FinishedJobRetentionTest {

    private static ClusterDriver driver(RetentionLimits limits) {
        ClusterDriver d =
                new ClusterDriver(new Scheduler(SchedulerConfig.defaults(4).withRetention(limits)));
        for (int i = 0; i < 4; i++) {
            d.register(i, 8, 8192, Map.of());
        }
        return d;
    }

    /** Submits a one-task job and runs it to success with {@code output}. */
    private static String runJob(ClusterDriver d, String output) {
        String job = d.submit(ClusterDriver.spec(1, 64, 1));
        String task = job + ".0";
        d.start(task);
        TaskView t = d.task(task);
        d.execute(d.nodeClient(t.node()), new TaskFinished(task, t.attempt(), t.node(), 0, "d", output, "exited"));
        return job;
    }

    private static boolean kept(ClusterDriver d, String job) {
        return d.scheduler.job(job).isPresent();
    }

    @Test
    void beyondTheCountLimitTheLowestJobNumbersExpire() {
        ClusterDriver d = driver(RetentionLimits.DEFAULTS.withFinishedJobs(3));
        String[] jobs = new String[5];
        for (int i = 0; i < jobs.length; i++) {
            jobs[i] = runJob(d, "ok");
        }
        assertThat(d.scheduler.jobs()).extracting(JobView::id).containsExactly(jobs[2], jobs[3], jobs[4]);
        d.scheduler.checkInvariants();
    }

    @Test
    void jobsFinishedLongerAgoThanTheMaxAgeExpireOnBatchTimeAlone() {
        ClusterDriver d = driver(new RetentionLimits(100, 60_000, 1 << 20));
        String old = runJob(d, "ok");
        d.advance(30_000);
        String young = runJob(d, "ok");
        d.advance(30_000);
        d.tick();
        assertThat(kept(d, old)).as("exactly max age old").isTrue();
        d.advance(1);
        d.tick();
        assertThat(kept(d, old)).isFalse();
        assertThat(kept(d, young)).isTrue();
        d.advance(30_000);
        d.tick();
        assertThat(kept(d, young)).isFalse();
        d.scheduler.checkInvariants();
    }

    @Test
    void ageIsJudgedByWhenAJobFinishedNotByItsNumber() {
        ClusterDriver d = driver(new RetentionLimits(100, 60_000, 1 << 20));
        String slow = d.submit(ClusterDriver.spec(1, 64, 1));
        String quick = runJob(d, "ok");
        d.advance(50_000);
        d.start(slow + ".0");
        d.finish(slow + ".0", 0);
        d.advance(10_001);
        d.tick();
        assertThat(kept(d, quick)).isFalse();
        assertThat(kept(d, slow)).isTrue();
    }

    @Test
    void beyondTheOutputByteLimitTheOldestFinishedJobsExpire() {
        String kib = "x".repeat(1024);
        ClusterDriver d = driver(new RetentionLimits(100, 86_400_000, 3 * 1024));
        String first = runJob(d, kib);
        String second = runJob(d, kib);
        String third = runJob(d, kib);
        assertThat(kept(d, first)).isTrue();
        String fourth = runJob(d, kib);
        assertThat(kept(d, first)).isFalse();
        assertThat(d.scheduler.jobs()).extracting(JobView::id).containsExactly(second, third, fourth);
        d.scheduler.checkInvariants();
    }

    @Test
    void unfinishedJobsNeverExpire() {
        ClusterDriver d = driver(new RetentionLimits(1, 1_000, 0));
        String waiting = d.submit(ClusterDriver.spec(1, 64, 2));
        d.start(waiting + ".0");
        d.finish(waiting + ".0", 0);
        runJob(d, "ok");
        runJob(d, "ok");
        d.advance(10_000);
        d.tick();
        assertThat(kept(d, waiting)).isTrue();
        assertThat(d.scheduler.jobs()).extracting(JobView::id).containsExactly(waiting);
    }

    @Test
    void aRestoredReplicaExpiresTheSameJobsAsTheOriginal() {
        RetentionLimits limits = new RetentionLimits(3, 60_000, 4 * 1024);
        ClusterDriver a = driver(limits);
        runJob(a, "x".repeat(1500));
        a.advance(20_000);
        runJob(a, "y".repeat(1500));
        ClusterDriver b =
                new ClusterDriver(new Scheduler(SchedulerConfig.defaults(4).withRetention(limits)));
        b.scheduler.restore(a.scheduler.snapshot());
        b.sequence = a.sequence;
        b.now = a.now;
        for (ClusterDriver d : new ClusterDriver[] {a, b}) {
            d.advance(10_000);
            runJob(d, "z".repeat(1500)); // 4500 output bytes: job-1 goes
            d.advance(50_001);
            d.tick(); // job-2 finished more than 60 s ago
        }
        assertThat(b.scheduler.snapshot()).isEqualTo(a.scheduler.snapshot());
        assertThat(b.scheduler.jobs()).extracting(JobView::id).containsExactly("job-3");
    }
}
