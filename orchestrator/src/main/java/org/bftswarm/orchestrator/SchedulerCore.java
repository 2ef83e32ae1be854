package org.bftswarm.orchestrator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.NodeAlive;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.ReadmitNode;
import org.bftswarm.orchestrator.ops.RegisterNode;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.SuspectNode;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.ops.Tick;
import org.bftswarm.orchestrator.view.JobStatus;
import org.bftswarm.orchestrator.view.SchedulerEvent;

/**
 * The pure scheduler transition function (PBFT's "service", Castro &amp; Liskov OSDI '99 §4): one
 * decoded operation with its batch timestamp and authenticated client id in, a reply and the
 * resulting events out; no I/O, clocks or randomness. A REJECTED operation changes nothing, not
 * even the clock; any other operation advances the clock, is applied, then lets time act
 * (timeouts, due retries), moves mine jobs on ({@link MineSearch}), places whatever pending tasks now fit, and
 * expires the oldest finished
 * jobs beyond the retention limit.
 */
final class SchedulerCore {

    /** The reply to one operation and the state changes it caused. */
    record Result(Reply reply, List<SchedulerEvent> events) {}

    final SchedulerState state;
    private final NodePrincipals principals;
    private final TaskLifecycle lifecycle;
    private final JobCommands jobs;
    private final TaskReports reports;
    private final ClientOperations clientOps;
    private final NodeMembership membership;
    private final TimeSweep sweep;
    private final FinishedJobRetention retention;
    private final ShardReduction reduction;
    private final MineSearch mining;
    final StateViews views;
    /** Operations refused so far by reply code (local, not replicated: a refusal changes no state). */
    final TreeMap<ReplyCode, Long> rejections = new TreeMap<>();
    /** Last job status announced in an event (local, not replicated: events are not state). */
    private final TreeMap<String, JobStatus> lastReportedStatus = new TreeMap<>();

    SchedulerCore(SchedulerState state, ShardSelection shardSelection, SchedulerRules rules) {
        this.state = state;
        this.principals = new NodePrincipals(state.config);
        this.lifecycle = new TaskLifecycle(state, rules.eviction(), rules.eligibility());
        this.jobs = new JobCommands(state, lifecycle, principals);
        this.mining = new MineSearch(state, lifecycle);
        this.reports = new TaskReports(state, lifecycle, principals, new MineClaims(state, lifecycle, mining));
        this.clientOps = new ClientOperations(state, jobs);
        this.membership = new NodeMembership(state, lifecycle, principals);
        this.sweep = new TimeSweep(state, lifecycle);
        this.retention = new FinishedJobRetention(state);
        this.reduction = new ShardReduction(state, WasmFolds::fold, shardSelection);
        this.views = new StateViews(state);
    }

    Result apply(long sequence, long timestampMillis, int clientId, Operation op) {
        long clockBefore = state.clockMillis;
        state.beginOperation(sequence, timestampMillis);
        Reply reply = dispatch(clientId, op);
        if (reply.outcome() == Reply.Outcome.REJECTED) {
            rejections.merge(reply.code(), 1L, Long::sum);
            state.clockMillis = clockBefore;
            state.drainEvents();
            return new Result(reply, List.of());
        }
        sweep.run();
        mining.run();
        Placement.placePending(state, lifecycle);
        reduction.run();
        List<SchedulerEvent> events = withJobStatusChanges(state.drainEvents());
        retention.run();
        List<SchedulerEvent> expired = state.drainEvents();
        if (!expired.isEmpty()) {
            events = new ArrayList<>(events);
            events.addAll(expired);
        }
        return new Result(reply, List.copyOf(events));
    }

    /**
     * Appends a {@code job} event for each job whose derived status changed through this operation's
     * task events (status changes driven by time alone, e.g. PARTIAL, show on the next such event).
     */
    private List<SchedulerEvent> withJobStatusChanges(List<SchedulerEvent> events) {
        TreeSet<String> touched = new TreeSet<>();
        for (SchedulerEvent e : events) {
            TaskRecord task = e.kind().equals("task") ? state.tasks.get(e.id()) : null;
            if (task != null) {
                touched.add(task.jobId);
            }
        }
        if (touched.isEmpty()) {
            return events;
        }
        List<SchedulerEvent> out = new ArrayList<>(events);
        SchedulerEvent first = events.get(0);
        for (String jobId : touched) {
            JobStatus status = views.status(state.jobs.get(jobId));
            if (status != lastReportedStatus.put(jobId, status)) {
                out.add(new SchedulerEvent(
                        first.sequence(), first.timestampMillis(), "job", jobId, status.name(), null, null, "status"));
            }
            if (status.isTerminal()) {
                lastReportedStatus.remove(jobId);
            }
        }
        return out;
    }

    private Reply dispatch(int clientId, Operation op) {
        if (op instanceof SubmitJob submit) {
            return jobs.submit(clientId, submit);
        } else if (op instanceof CancelJob cancel) {
            return jobs.cancel(clientId, cancel);
        } else if (op instanceof RegisterNode register) {
            return membership.register(clientId, register);
        } else if (op instanceof TaskStarted started) {
            return reports.started(clientId, started);
        } else if (op instanceof TaskFinished finished) {
            return reports.finished(clientId, finished);
        } else if (op instanceof ReportBatch batch) {
            return reports.batch(clientId, batch);
        } else if (op instanceof SuspectNode suspect) {
            return membership.suspect(clientId, suspect);
        } else if (op instanceof NodeAlive alive) {
            return membership.alive(clientId, alive);
        } else if (op instanceof ClientOperation signed) {
            return clientOps.execute(clientId, signed);
        } else if (op instanceof ReadmitNode readmit) {
            return membership.readmit(clientId, readmit);
        } else if (op instanceof Tick) {
            return principals.isNode(clientId)
                    ? Reply.ok(ReplyCode.TICK, null)
                    : Reply.rejected(ReplyCode.UNAUTHORIZED, "only nodes may order a Tick");
        }
        return Reply.rejected(ReplyCode.MALFORMED, "unknown operation");
    }
}
