package org.bftswarm.sim;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.Verification;
import org.bftswarm.orchestrator.view.DataView;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * End-of-run checks of every data job the users submitted, judged from the most advanced correct
 * replica's scheduler and the job's stored dataset alone, by this class's own arithmetic (never the
 * scheduler's reduction code). The shards: between 1 and the element count, as many tasks as the stored
 * count, task {@code i} is {@code <job>.i}; the slices the job shows partition the dataset contiguously
 * (the first starts at 0, each starts where the one before ended, the last ends at the element count,
 * none is empty) and near-evenly (sizes differ by at most one, the larger ones first). A job whose shards
 * all SUCCEEDED is COMPLETE with no error, and its result is the expected one: {@code sum} the dataset's
 * total; with each shard's value its slice's sum, {@code min} and {@code max} the least and greatest
 * value, {@code concat} the values as a JSON list in shard order, {@code larger} ({@code sum.wasm}'s
 * function, the larger of two, folded) the greatest, {@code none} no result.
 *
 * <p>What a Byzantine node may change: under {@code quorum} nothing, so the result must be the one the
 * dataset gives even when that node forged its own shard results. Under {@code none} a shard's accepted
 * result is whatever the node that ran it reported, so for a shard whose accepted report was the
 * Byzantine node's forgery the checker takes the forged value (the shard's stored result) in its place;
 * every other shard's value still comes from the dataset. Such jobs whose result the forgery really
 * changed are counted ({@code data.forged_changed}), not flagged.
 */
final class DataResultChecker {

    private DataResultChecker() {}

    static List<String> check(
            Scheduler ref, Set<String> submittedJobs, ResultLedger ledger, TreeMap<String, Long> counts) {
        List<String> v = new ArrayList<>();
        for (String jobId : submittedJobs) {
            JobView job = ref.job(jobId).orElse(null);
            if (job != null && job.spec().hasData()) {
                checkJob(job, ledger, counts, v);
            }
        }
        return v;
    }

    private static void checkJob(JobView job, ResultLedger ledger, TreeMap<String, Long> counts, List<String> v) {
        counts.merge("data.jobs", 1L, Long::sum);
        DataSpec data = job.spec().data();
        List<Long> dataset = Arrays.stream(data.dataset()).boxed().toList();
        int len = dataset.size();
        List<TaskView> tasks = job.tasks();
        int k = tasks.size();
        String what = "data job " + job.id() + " (" + len + " elements, " + k + " shards, reduce " + data.reduce()
                + ", verification " + job.spec().verification() + ")";
        if (k < 1 || k > len) {
            v.add(what + " has a shard count outside 1.." + len);
            return;
        }
        if (data.shards() == null
                || data.shards() != k
                || job.spec().count() == null
                || job.spec().count() != k) {
            v.add(what + " stores shards " + data.shards() + " and count "
                    + job.spec().count() + " for " + k + " tasks");
        }
        for (int i = 0; i < k; i++) {
            TaskView t = tasks.get(i);
            if (t.index() != i || !t.id().equals(job.id() + "." + i)) {
                v.add(what + ": task " + i + " is " + t.id() + " with index " + t.index());
            }
        }
        checkPartition(what, job.data(), len, k, v);
        if (!tasks.stream().allMatch(t -> t.state() == TaskState.SUCCEEDED)) {
            return;
        }
        DataView view = job.data();
        if (job.status() != JobStatus.COMPLETE || view == null || view.error() != null) {
            v.add(what + ": every shard SUCCEEDED yet the job is " + job.status() + " with error "
                    + (view == null ? "(no data view)" : view.error()));
            return;
        }
        boolean quorum = Verification.QUORUM.equals(job.spec().verification());
        counts.merge(quorum ? "data.quorum.COMPLETE" : "data.none.COMPLETE", 1L, Long::sum);
        List<BigInteger> honest = new ArrayList<>();
        List<BigInteger> accepted = new ArrayList<>();
        boolean forged = false;
        int start = 0;
        for (int i = 0; i < k; i++) {
            int size = len / k + (i < len % k ? 1 : 0);
            BigInteger sum = BigInteger.ZERO;
            for (int e = start; e < start + size; e++) {
                sum = sum.add(BigInteger.valueOf(dataset.get(e)));
            }
            start += size;
            honest.add(sum);
            BigInteger forgedValue = quorum ? null : forgedValue(tasks.get(i), ledger, what, v);
            forged |= forgedValue != null;
            accepted.add(forgedValue != null ? forgedValue : sum);
        }
        String fromDataset = expected(data.reduce(), dataset, honest);
        String expected = forged ? expected(data.reduce(), null, accepted) : fromDataset;
        String result = view.result();
        if (expected == null ? result != null : !expected.equals(result)) {
            v.add(what + " has result " + result + ", expected " + expected + " from its dataset"
                    + (forged ? " with the forged shard results it accepted" : ""));
        }
        if (forged && (fromDataset == null ? result != null : !fromDataset.equals(result))) {
            counts.merge("data.forged_changed", 1L, Long::sum);
        }
    }

    private static void checkPartition(String what, DataView view, int len, int k, List<String> v) {
        if (view == null || view.shards().size() != k) {
            v.add(what + " shows " + (view == null ? "no" : view.shards().size()) + " shard slices");
            return;
        }
        int end = 0;
        int previousSize = Integer.MAX_VALUE;
        int least = Integer.MAX_VALUE;
        int most = 0;
        for (DataView.ShardView s : view.shards()) {
            int size = s.end() - s.start();
            if (s.start() != end || size < 1) {
                v.add(what + ": shard " + s.index() + " is [" + s.start() + ", " + s.end() + ") after one ending at "
                        + end + " (slices must be contiguous and non-empty)");
            }
            if (size > previousSize) {
                v.add(what + ": shard " + s.index() + " holds " + size + " elements, more than the one before");
            }
            least = Math.min(least, size);
            most = Math.max(most, size);
            previousSize = size;
            end = s.end();
        }
        if (end != len) {
            v.add(what + ": the slices end at " + end + ", not at the element count " + len);
        }
        if (most - least > 1) {
            v.add(what + ": slice sizes range from " + least + " to " + most + " (not near-even)");
        }
    }

    /** The value of a {@code none} shard whose accepted result is a forged report, else null. */
    private static BigInteger forgedValue(TaskView t, ResultLedger ledger, String what, List<String> v) {
        boolean forgedReport = ledger.finished.getOrDefault(t.id(), List.of()).stream()
                .anyMatch(a -> a.attempt() == t.attempt() && a.exitCode() == 0 && a.forgedVote());
        if (!forgedReport) {
            return null;
        }
        try {
            return new BigInteger(t.output() == null ? "" : t.output().strip());
        } catch (NumberFormatException e) {
            v.add(what + ": shard " + t.index() + "'s stored result " + t.output() + " is not a number");
            return null;
        }
    }

    /** The reduction of the shard values (or, for {@code sum}, of the dataset when given). */
    private static String expected(String reduce, List<Long> dataset, List<BigInteger> shards) {
        switch (reduce) {
            case "sum":
                BigInteger total = BigInteger.ZERO;
                if (dataset != null) {
                    for (long e : dataset) {
                        total = total.add(BigInteger.valueOf(e));
                    }
                } else {
                    for (BigInteger s : shards) {
                        total = total.add(s);
                    }
                }
                return total.toString();
            case "min":
                return shards.stream().reduce(BigInteger::min).orElseThrow().toString();
            case "max":
            case UserActor.LARGER:
                return shards.stream().reduce(BigInteger::max).orElseThrow().toString();
            case "concat":
                return "["
                        + String.join(
                                ",", shards.stream().map(BigInteger::toString).toList()) + "]";
            case "none":
                return null;
            default:
                return "(a reduce the checker does not know: " + reduce + ")";
        }
    }
}
