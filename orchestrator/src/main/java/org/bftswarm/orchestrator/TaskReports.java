package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.view.TaskState;

/**
 * TaskStarted and TaskFinished from workers. A report for node X is accepted only from X's
 * principal, and only for a run of the task in flight on X under that attempt number; anything else
 * is answered IGNORED (stale attempt, not active, duplicate) or REJECTED (unauthorised, unknown,
 * malformed) and changes nothing. Hence each attempt has at most one report, which is one vote of its
 * task's verification round, and a task has exactly one final result. A {@link ReportBatch} applies
 * its reports one by one under exactly these rules. A mine unit's claimed solution is judged by
 * {@link MineClaims} instead of the quorum.
 */
final class TaskReports {

    static final int MAX_CONTAINER_ID = 128;
    static final int MAX_DIGEST = 128;
    static final int MAX_REASON = 256;

    private final SchedulerState state;
    private final TaskLifecycle lifecycle;
    private final NodePrincipals principals;

    private final MineClaims claims;

    TaskReports(SchedulerState state, TaskLifecycle lifecycle, NodePrincipals principals, MineClaims claims) {
        this.state = state;
        this.lifecycle = lifecycle;
        this.principals = principals;
        this.claims = claims;
    }

    Reply started(int clientId, TaskStarted op) {
        if (!isShortPrintable(op.containerId(), MAX_CONTAINER_ID)) {
            return Reply.rejected(
                    ReplyCode.INVALID, "containerId: at most " + MAX_CONTAINER_ID + " printable characters");
        }
        AttemptCheck check = checkCurrentAttempt(clientId, op.taskId(), op.attempt(), op.node());
        if (check.refusal() != null) {
            return check.refusal();
        }
        TaskRecord task = check.task();
        if (check.run().started()) {
            return Reply.ignored(
                    ReplyCode.DUPLICATE, "attempt " + op.attempt() + " of " + task.id + " already running");
        }
        lifecycle.markStarted(task, check.run(), op.containerId());
        return Reply.ok(ReplyCode.TASK_STARTED, task.id + " attempt " + op.attempt() + " running");
    }

    Reply finished(int clientId, TaskFinished op) {
        if (!isShortPrintable(op.outputDigest(), MAX_DIGEST)) {
            return Reply.rejected(ReplyCode.INVALID, "outputDigest: at most " + MAX_DIGEST + " printable characters");
        }
        if (!isShortPrintable(op.reason(), MAX_REASON)) {
            return Reply.rejected(ReplyCode.INVALID, "reason: at most " + MAX_REASON + " printable characters");
        }
        AttemptCheck check = checkCurrentAttempt(clientId, op.taskId(), op.attempt(), op.node());
        if (check.refusal() != null) {
            return check.refusal();
        }
        TaskRecord task = check.task();
        boolean truncated = OutputLimit.exceeds(op.output());
        ResultVote vote = ResultVote.of(
                op.attempt(),
                op.node(),
                op.exitCode(),
                op.outputDigest(),
                OutputLimit.truncate(op.output()),
                truncated,
                op.reason());
        JobRecord job = state.jobs.get(task.jobId);
        if (job.mine != null && MineClaims.isClaim(vote)) {
            return claims.claim(job, task, check.run(), vote);
        }
        lifecycle.report(task, check.run(), vote);
        return Reply.ok(ReplyCode.TASK_FINISHED, task.id + " attempt " + op.attempt() + " -> " + task.state.name());
    }

    /**
     * Applies each report of the batch as if ordered alone: starts first, then finishes. OK when at
     * least one report was applied, IGNORED when none was but some were harmless duplicates or stale,
     * REJECTED (nothing changed) otherwise or when the batch is empty or too large.
     */
    Reply batch(int clientId, ReportBatch op) {
        if (op.size() == 0 || op.size() > ReportBatch.MAX_REPORTS) {
            return Reply.rejected(
                    ReplyCode.INVALID,
                    "a report batch carries 1.." + ReportBatch.MAX_REPORTS + " reports, got " + op.size());
        }
        int[] byOutcome = new int[Reply.Outcome.values().length];
        List<ReplyCode> codes = new ArrayList<>(op.size());
        for (TaskStarted s : op.started()) {
            Reply r = started(clientId, s);
            byOutcome[r.outcome().ordinal()]++;
            codes.add(r.code());
        }
        for (TaskFinished f : op.finished()) {
            Reply r = finished(clientId, f);
            byOutcome[r.outcome().ordinal()]++;
            codes.add(r.code());
        }
        int applied = byOutcome[Reply.Outcome.OK.ordinal()];
        int ignored = byOutcome[Reply.Outcome.IGNORED.ordinal()];
        int rejected = byOutcome[Reply.Outcome.REJECTED.ordinal()];
        String detail = applied + " applied, " + ignored + " ignored, " + rejected + " rejected";
        if (applied > 0) {
            return Reply.batch(Reply.Outcome.OK, ReplyCode.REPORTS_APPLIED, detail, codes);
        }
        return ignored > 0
                ? Reply.batch(Reply.Outcome.IGNORED, ReplyCode.DUPLICATE, detail, codes)
                : Reply.batch(Reply.Outcome.REJECTED, ReplyCode.INVALID, detail, codes);
    }

    /** Either the task and the run a report names, or the reply refusing the report. */
    private record AttemptCheck(TaskRecord task, RunRecord run, Reply refusal) {
        static AttemptCheck refuse(Reply refusal) {
            return new AttemptCheck(null, null, refusal);
        }
    }

    /**
     * Accepts the report only when (client, node, task, attempt) name a run of the task in flight on
     * that node, reported by that node's principal.
     */
    private AttemptCheck checkCurrentAttempt(int clientId, String taskId, int attempt, int node) {
        if (!principals.isNodeId(node)) {
            return AttemptCheck.refuse(Reply.rejected(ReplyCode.NOT_FOUND, "no node " + node));
        }
        if (!principals.speaksFor(clientId, node)) {
            return AttemptCheck.refuse(
                    Reply.rejected(ReplyCode.UNAUTHORIZED, "client " + clientId + " may not report for node " + node));
        }
        TaskRecord task = state.tasks.get(taskId);
        if (task == null) {
            return AttemptCheck.refuse(Reply.rejected(ReplyCode.NOT_FOUND, "no task " + JobCommands.clip(taskId)));
        }
        RunRecord run = task.runs.get(node);
        if (run != null && run.attempt() == attempt) {
            return new AttemptCheck(task, run, null);
        }
        if (attempt > task.attempt) {
            return AttemptCheck.refuse(Reply.ignored(
                    ReplyCode.TASK_NOT_ACTIVE, "attempt " + attempt + " of " + task.id + " was never issued"));
        }
        RunRecord elsewhere = task.runs.values().stream()
                .filter(r -> r.attempt() == attempt)
                .findFirst()
                .orElse(null);
        if (elsewhere == null && attempt < task.attempt) {
            return AttemptCheck.refuse(Reply.ignored(
                    ReplyCode.STALE_ATTEMPT,
                    "attempt " + attempt + " of " + task.id + " is stale (current attempt " + task.attempt + ")"));
        }
        if (!task.state.isActive()) {
            ReplyCode code = task.state == TaskState.PENDING ? ReplyCode.STALE_ATTEMPT : ReplyCode.TASK_NOT_ACTIVE;
            return AttemptCheck.refuse(Reply.ignored(
                    code, "attempt " + attempt + " of " + task.id + " is no longer active (" + task.state + ")"));
        }
        if (elsewhere != null) {
            return AttemptCheck.refuse(Reply.rejected(
                    ReplyCode.UNAUTHORIZED,
                    "attempt " + attempt + " of " + task.id + " is assigned to node " + elsewhere.node() + ", not "
                            + node));
        }
        return AttemptCheck.refuse(Reply.ignored(
                ReplyCode.STALE_ATTEMPT, "attempt " + attempt + " of " + task.id + " has already reported"));
    }

    private static boolean isShortPrintable(String s, int max) {
        if (s == null) {
            return true;
        }
        if (s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
