package org.bftswarm.orchestrator;

import java.util.List;
import java.util.Map;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.Assignment;

/**
 * Rerunnable micro-benchmark of the scheduler state machine alone (no consensus, no Docker): how
 * many operations per second {@link Scheduler#execute} sustains for the submit → start → finish
 * cycle of single-task jobs on 4 nodes (finished jobs stay in the state, so it grows as it runs),
 * and how long snapshot, restore and digest take for the resulting state. Prints one {@code BENCH scheduler ...} line.
 *
 * <p>Run: {@code mvn -B -o -q -pl orchestrator dependency:build-classpath
 * -Dmdep.outputFile=/tmp/orch.cp -Dmdep.includeScope=test && java -cp
 * orchestrator/target/classes:orchestrator/target/test-classes:$(cat /tmp/orch.cp)}, then this
 * class's qualified name as the main class and {@code [jobs]}.
 */
public final class SchedulerBench {

    private static long seq;

    public static void main(String[] args) {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        run(Math.min(jobs, 2_000)); // warm-up
        run(jobs);
    }

    private static void run(int jobs) {
        seq = 0;
        Scheduler s = Scheduler.forCluster(4);
        long now = 1_000_000;
        for (int i = 0; i < 4; i++) {
            exec(s, now, 1000 + i, new RegisterNode(i, 8, 16_384, Map.of()));
        }
        JobSpec spec = new JobSpec("b", "bftswarm/busybox", List.of("true"), null, 1.0, 64L, 60, 0, 1, 1, null, null);
        long ops = 0;
        long start = System.nanoTime();
        for (int i = 0; i < jobs; i++) {
            now += 1;
            exec(s, now, 5000, new SubmitJob(null, spec));
            ops++;
            if (i % 2 == 1) { // every other submission, each node runs one of its tasks to the end
                for (int node = 0; node < 4; node++) {
                    List<Assignment> mine = s.assignmentsFor(node);
                    if (!mine.isEmpty()) {
                        Assignment a = mine.get(0);
                        exec(s, now, 1000 + node, new TaskStarted(a.taskId(), a.attempt(), node, "c"));
                        exec(
                                s,
                                now,
                                1000 + node,
                                new TaskFinished(a.taskId(), a.attempt(), node, 0, "d", "ok", "exited"));
                        ops += 2;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long t0 = System.nanoTime();
        byte[] snapshot = s.snapshot();
        double snapshotMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        s.restore(snapshot);
        double restoreMs = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        s.digest();
        double digestMs = (System.nanoTime() - t0) / 1e6;
        long pending = s.jobs().stream().filter(j -> !j.status().isTerminal()).count();
        System.out.printf(
                "BENCH scheduler jobs=%d ops=%d ops_per_s=%.0f open_jobs_at_end=%d "
                        + "snapshot_bytes=%d snapshot_ms=%.1f restore_ms=%.1f digest_ms=%.1f%n",
                jobs, ops, ops / seconds, pending, snapshot.length, snapshotMs, restoreMs, digestMs);
    }

    private static void exec(Scheduler s, long now, int client, Operation op) {
        seq++;
        s.execute(new ExecutionContext(seq, now, client, seq), OperationCodec.encode(op));
    }
}
