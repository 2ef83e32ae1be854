package org.bftswarm.worker.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.TaskState;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.FailureReason;
import org.bftswarm.worker.TaskLaunch;
import org.bftswarm.worker.TaskObserver;
import org.bftswarm.worker.TaskOutcome;
import org.bftswarm.worker.agent.WorkerPlan.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node agent's control loop: whenever the local replica executes
 * something (and at least every {@value #POLL_MILLIS} ms) it compares {@code assignmentsFor(me)}
 * with the attempts running here, applies {@link WorkerPlan}, launches and kills through the
 * {@link TaskExecutor}, and orders signed {@code TaskStarted}/{@code TaskFinished} reports as node
 * principal {@code 1000 + i}, resending (at most once a second per report) until the scheduler's
 * state shows them applied. Reports travel together in one {@link ReportBatch} per consensus round
 * (one batch in flight at a time), so a node's reports never queue one behind another.
 *
 * <p>A node runs the loop on its own thread ({@link #start}); a deterministic simulation instead
 * calls {@link #reconcile} once and then {@link #step} (the pass that thread runs) in virtual time,
 * reading the clock it passes in.
 */
public final class WorkerLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);
    static final long POLL_MILLIS = 150;
    /**
     * The safety-net pass period while no attempt is held here: every scheduler event wakes the loop at
     * once, so with nothing local the poll only guards against a lost wake-up, and need not run 6 times a
     * second on an idle node.
     */
    static final long IDLE_POLL_MILLIS = 1_000;

    static final long RESEND_MILLIS = 1_000;
    static final int BATCH_BUDGET_BYTES = 256 * 1024;
    private static final int MAX_REASON = 200;

    private static final class LocalAttempt {
        Phase phase = Phase.LAUNCHED;
        String containerId = "";
        TaskOutcome outcome;
        JobSpec spec;
        final long launchedNanos = System.nanoTime();
        long startedNanos;
        long finishedNanos;
        boolean startSeenOrdered;
    }

    /** Receives how long one attempt spent in one {@link WorkerStage}. */
    @FunctionalInterface
    public interface StageSink {
        void record(WorkerStage stage, long nanos);
    }

    private final String swarm;
    private final int nodeId;
    private final AssignmentSource scheduler;
    private final LongSupplier clockMillis;
    private final TaskExecutor executor;
    private final ReportChannel ops;
    private final Consumer<TaskOutcome> outcomes;
    private final Map<AttemptKey, LocalAttempt> local = new TreeMap<>();
    private final SortedSet<AttemptKey> killRequested = new TreeSet<>();
    private boolean batchInFlight;
    private final Map<String, Long> lastSent = new HashMap<>();
    private final Semaphore wakeups = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running;
    private volatile StageSink stages = (stage, nanos) -> {};

    /** How the loop orders its operations as this node's principal (the node's consensus client). */
    @FunctionalInterface
    public interface ReportChannel {
        CompletableFuture<Reply> asNode(Operation op);
    }

    /** Where the loop reads the attempts assigned to a node: the local replica's scheduler. */
    @FunctionalInterface
    public interface AssignmentSource {
        List<Assignment> assignmentsFor(int nodeId);
    }

    public WorkerLoop(
            String swarm,
            int nodeId,
            Scheduler scheduler,
            TaskExecutor executor,
            ReportChannel ops,
            Consumer<TaskOutcome> outcomes) {
        this(swarm, nodeId, scheduler::assignmentsFor, System::currentTimeMillis, executor, ops, outcomes);
    }

    /** A loop reading {@code assignments} and timing its resends on {@code clockMillis}. */
    public WorkerLoop(
            String swarm,
            int nodeId,
            AssignmentSource assignments,
            LongSupplier clockMillis,
            TaskExecutor executor,
            ReportChannel ops,
            Consumer<TaskOutcome> outcomes) {
        this.swarm = swarm;
        this.nodeId = nodeId;
        this.scheduler = assignments;
        this.clockMillis = clockMillis;
        this.executor = executor;
        this.ops = ops;
        this.outcomes = outcomes;
        this.thread = new Thread(this::run, "worker-loop-" + nodeId);
        this.thread.setDaemon(true);
    }

    /** Adopts or kills leftover containers (against the current local state), then starts the loop. */
    public void start() {
        reconcile();
        running = true;
        thread.start();
    }

    /** Adopts the executor's leftover attempts still assigned here and kills the rest. */
    public void reconcile() {
        Set<AttemptKey> assigned = new TreeSet<>();
        for (Assignment a : scheduler.assignmentsFor(nodeId)) {
            assigned.add(new AttemptKey(a.taskId(), a.attempt()));
        }
        executor.reconcile(assigned::contains, key -> {
            synchronized (this) {
                local.put(key, new LocalAttempt());
            }
            return observer(key);
        });
    }

    /** Where stage durations go (the node's metrics); none are kept by default. */
    public void stageSink(StageSink sink) {
        this.stages = sink;
    }

    /** Asks for a pass now (called after every execution of the local replica). */
    public void wake() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    /** Attempts running here (launched or started, not finished). */
    public synchronized int runningCount() {
        return (int)
                local.values().stream().filter(a -> a.phase != Phase.FINISHED).count();
    }

    /** Attempts the loop still tracks: running, or finished with their report not yet seen ordered. */
    public synchronized int trackedCount() {
        return local.size();
    }

    /** The attempts the loop tracks and where each is (for a status line). */
    public synchronized SortedMap<AttemptKey, Phase> trackedPhases() {
        SortedMap<AttemptKey, Phase> out = new TreeMap<>();
        local.forEach((k, v) -> out.put(k, v.phase));
        return out;
    }

    /** Container ids of the attempts running here in a container (in-process runs have none), sorted. */
    public synchronized List<String> runningContainerIds() {
        List<String> ids = new ArrayList<>();
        for (LocalAttempt a : local.values()) {
            if (a.phase == Phase.STARTED && a.containerId != null && !a.containerId.isEmpty()) {
                ids.add(a.containerId);
            }
        }
        ids.sort(null);
        return ids;
    }

    /** CPU millicores and memory MiB reserved by the attempts running here. */
    public synchronized long[] reservedMilliCpusAndMemoryMb() {
        long cpu = 0;
        long mem = 0;
        for (LocalAttempt a : local.values()) {
            if (a.phase != Phase.FINISHED && a.spec != null) {
                cpu += a.spec.milliCpus();
                mem += a.spec.memoryDemandMb();
            }
        }
        return new long[] {cpu, mem};
    }

    private void run() {
        while (running) {
            try {
                long poll;
                synchronized (this) {
                    poll = local.isEmpty() ? IDLE_POLL_MILLIS : POLL_MILLIS;
                }
                wakeups.tryAcquire(poll, TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                if (running) {
                    step();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("worker pass of node {} failed; retrying", nodeId, e);
            }
        }
    }

    /** One pass: compare, launch and kill, send the reports due (what the loop's thread runs). */
    public void step() {
        List<Assignment> assigned = scheduler.assignmentsFor(nodeId);
        WorkerPlan.Decision d;
        Map<AttemptKey, TaskStarted> started = new TreeMap<>();
        Map<AttemptKey, TaskFinished> finished = new TreeMap<>();
        synchronized (this) {
            Map<AttemptKey, Phase> phases = new TreeMap<>();
            local.forEach((k, v) -> phases.put(k, v.phase));
            observeOrdered(assigned);
            d = WorkerPlan.decide(assigned, phases, killRequested);
            for (AttemptKey k : d.forget()) {
                local.remove(k);
                killRequested.remove(k);
            }
            killRequested.removeIf(k -> !local.containsKey(k));
            for (AttemptKey k : d.reportStarted()) {
                LocalAttempt la = local.get(k);
                if (la.phase == Phase.STARTED || !la.containerId.isEmpty()) {
                    started.put(k, new TaskStarted(k.taskId(), k.attempt(), nodeId, la.containerId));
                }
            }
            for (AttemptKey k : d.reportFinished()) {
                finished.put(k, finishedOp(k, local.get(k).outcome));
            }
            killRequested.addAll(d.kill());
            for (Assignment a : d.launch()) {
                LocalAttempt la = new LocalAttempt();
                la.spec = a.spec();
                local.put(new AttemptKey(a.taskId(), a.attempt()), la);
            }
        }
        for (AttemptKey k : d.kill()) {
            LOG.info("node {} kills {} (no longer assigned here)", nodeId, k);
            executor.kill(k.taskId());
        }
        for (Assignment a : d.launch()) {
            launch(a);
        }
        sendReports(started, finished);
    }

    /** Times the reports the local replica has now executed: a start seen RUNNING, a finish gone. */
    private void observeOrdered(List<Assignment> assigned) {
        long now = System.nanoTime();
        Map<AttemptKey, Assignment> byKey = new TreeMap<>();
        for (Assignment a : assigned) {
            byKey.put(new AttemptKey(a.taskId(), a.attempt()), a);
        }
        local.forEach((k, la) -> {
            Assignment a = byKey.get(k);
            boolean startOrdered = a == null || a.state() != TaskState.ASSIGNED;
            if (la.startedNanos != 0 && !la.startSeenOrdered && startOrdered) {
                la.startSeenOrdered = true;
                stages.record(WorkerStage.START_ORDERED, now - la.startedNanos);
            }
            if (la.finishedNanos != 0 && a == null) {
                stages.record(WorkerStage.FINISH_ORDERED, now - la.finishedNanos);
                la.finishedNanos = 0;
            }
        });
    }

    private void launch(Assignment a) {
        AttemptKey key = new AttemptKey(a.taskId(), a.attempt());
        TaskLaunch launch;
        try {
            launch = LaunchPlan.of(swarm, nodeId, a);
        } catch (IllegalArgumentException e) {
            observer(key).onFinished(TaskOutcome.failedWithoutExit(key, FailureReason.START_FAILED, e.getMessage()));
            return;
        }
        if (!executor.launch(launch, observer(key))) {
            LOG.warn("node {}: executor already runs {}", nodeId, key);
        }
    }

    private TaskObserver observer(AttemptKey key) {
        return new TaskObserver() {
            @Override
            public void onStarted(String containerId) {
                synchronized (WorkerLoop.this) {
                    LocalAttempt a = local.get(key);
                    if (a != null && a.phase == Phase.LAUNCHED) {
                        a.startedNanos = System.nanoTime();
                        stages.record(WorkerStage.CONTAINER_SETUP, a.startedNanos - a.launchedNanos);
                        a.phase = Phase.STARTED;
                        a.containerId = containerId == null ? "" : containerId;
                    }
                }
                wake();
            }

            @Override
            public void onFinished(TaskOutcome outcome) {
                synchronized (WorkerLoop.this) {
                    LocalAttempt a = local.computeIfAbsent(key, k -> new LocalAttempt());
                    a.phase = Phase.FINISHED;
                    a.outcome = outcome;
                    a.finishedNanos = System.nanoTime();
                    if (a.startedNanos != 0) {
                        stages.record(WorkerStage.CONTAINER_RUN, a.finishedNanos - a.startedNanos);
                    }
                }
                try {
                    outcomes.accept(outcome);
                } catch (RuntimeException e) {
                    LOG.warn("outcome hook failed for {}", key, e);
                }
                wake();
            }
        };
    }

    /**
     * Orders the reports not sent in the last {@value #RESEND_MILLIS} ms as one {@link ReportBatch}
     * (bounded by {@link ReportBatch#MAX_REPORTS} and {@value #BATCH_BUDGET_BYTES} bytes), unless a
     * batch is still in flight: reports arising meanwhile go together in the next one.
     */
    private void sendReports(Map<AttemptKey, TaskStarted> started, Map<AttemptKey, TaskFinished> finished) {
        long now = clockMillis.getAsLong();
        List<TaskStarted> batchStarted = new ArrayList<>();
        List<TaskFinished> batchFinished = new ArrayList<>();
        synchronized (this) {
            if (batchInFlight) {
                return;
            }
            lastSent.values().removeIf(t -> now - t > 60_000);
            int bytes = 0;
            List<Map.Entry<AttemptKey, ? extends Operation>> due = new ArrayList<>();
            due.addAll(started.entrySet());
            due.addAll(finished.entrySet());
            for (Map.Entry<AttemptKey, ? extends Operation> e : due) {
                String id = e.getValue().getClass().getSimpleName() + " " + e.getKey();
                Long last = lastSent.get(id);
                if (last != null && now - last < RESEND_MILLIS) {
                    continue;
                }
                int size = OperationCodec.encode(e.getValue()).length;
                boolean empty = batchStarted.isEmpty() && batchFinished.isEmpty();
                if (!empty
                        && (bytes + size > BATCH_BUDGET_BYTES
                                || batchStarted.size() + batchFinished.size() >= ReportBatch.MAX_REPORTS)) {
                    break;
                }
                bytes += size;
                lastSent.put(id, now);
                if (e.getValue() instanceof TaskStarted t) {
                    batchStarted.add(t);
                } else {
                    batchFinished.add((TaskFinished) e.getValue());
                }
            }
            if (batchStarted.isEmpty() && batchFinished.isEmpty()) {
                return;
            }
            batchInFlight = true;
        }
        ReportBatch batch = new ReportBatch(batchStarted, batchFinished);
        CompletableFuture<Reply> reply;
        try {
            reply = ops.asNode(batch);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((r, err) -> {
            synchronized (this) {
                batchInFlight = false;
            }
            if (err != null) {
                LOG.warn("node {}: batch of {} report(s) not ordered yet: {}", nodeId, batch.size(), err.toString());
            } else if (r.outcome() == Reply.Outcome.REJECTED) {
                LOG.warn("node {}: batch of {} report(s) rejected: {} {}", nodeId, batch.size(), r.code(), r.detail());
            }
            wake();
        });
    }

    TaskFinished finishedOp(AttemptKey key, TaskOutcome o) {
        String reason = o.reason() == FailureReason.NONE
                ? (o.detail().isEmpty() ? "exited" : "exited: " + o.detail())
                : o.reason().name().toLowerCase(Locale.ROOT) + (o.detail().isEmpty() ? "" : ": " + o.detail());
        reason = reason.replaceAll("\\p{Cntrl}", " ");
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        return new TaskFinished(
                key.taskId(),
                key.attempt(),
                nodeId,
                o.exitCode(),
                o.outputDigest().hex(),
                o.outputText(),
                reason);
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
