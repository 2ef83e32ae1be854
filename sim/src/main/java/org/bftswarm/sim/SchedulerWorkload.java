package org.bftswarm.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.consensus.sim.SimWorkload;
import org.bftswarm.orchestrator.NodePrincipals;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.SchedulerConfig;
import org.bftswarm.orchestrator.ops.DecodeResult;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.view.JobView;
import org.bftswarm.orchestrator.view.NodeView;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * Consensus + scheduler + fake executor in one deterministic run:
 * every replica runs the real {@link Scheduler} (or a deliberately broken
 * {@link SchedulerVariant}); each node's agent ({@link NodeWorker}, client 1000 + node) runs the real
 * worker loop over its {@link SimTaskExecutor}, whose results {@link FakeExecutor} defines; the first Byzantine
 * replica's node runs a
 * {@link ByzantineWorker}; users ({@link UserActor}, clients 2000 + k) sign and submit and cancel jobs,
 * about half of them through that node's API ({@link ByzantineEntry}, the node's first API session id),
 * which drops, alters, forges and replays them; a reader ({@link ReaderActor}, the next client id) signs
 * submissions it may not make. The keys and roles are {@link SimClients}, in every replica's config. The
 * run is finished when every submitted task is terminal on every correct replica and no report is still
 * in flight; then {@link SchedulerOutcomeChecker} judges the results, {@link SignedJobsChecker}
 * that every job is exactly what a client signed and {@link DataResultChecker} every data job's shards
 * and reduced result against its dataset.
 */
final class SchedulerWorkload implements SimWorkload {
    static final int USER_BASE = 2000;
    /** Grace past a task's timeout before the scheduler times it out itself (default 5 s; shorter keeps runs short). */
    static final long TIMEOUT_GRACE_MS = 500;

    private final int n;
    private final SchedulerVariant variant;
    private final Scheduler[] schedulers;
    private final SchedulerConfig config;
    private final TreeMap<Integer, SimActor> actors = new TreeMap<>();
    private final List<NodeWorker> workers = new ArrayList<>();
    private final List<UserActor> users = new ArrayList<>();
    private final ResultLedger ledger = new ResultLedger();
    private final QuorumRounds rounds = new QuorumRounds(ledger.quorumJobs);
    private final TreeSet<Integer> correctNodes = new TreeSet<>();
    /** Nodes whose replica was crashed at some point: only these may be suspected by correct nodes. */
    private final TreeSet<Integer> everCrashed = new TreeSet<>();

    private final TreeMap<Integer, Integer> nodeOfClient = new TreeMap<>();
    final TreeMap<String, Long> taskStates = new TreeMap<>();
    /** What {@link DataResultChecker} saw: data jobs, COMPLETE ones by mode, results a forgery changed. */
    final TreeMap<String, Long> dataCounts = new TreeMap<>();

    private ByzantineWorker byzantineWorker;
    private ByzantineEntry entry;
    private final ReaderActor reader;
    private final SimClients clients;
    private final int stateChunkBytes;

    SchedulerWorkload(
            long seed,
            int n,
            Map<Integer, ?> byzantineReplicas,
            int userCount,
            int jobsPerUser,
            SchedulerVariant variant,
            int stateChunkBytes) {
        this.n = n;
        this.stateChunkBytes = stateChunkBytes;
        this.variant = variant;
        this.schedulers = new Scheduler[n];
        SchedulerConfig d = SchedulerConfig.defaults(n);
        this.clients = new SimClients(seed, userCount);
        this.config = new SchedulerConfig(
                        n,
                        d.suspicionWindowMillis(),
                        TIMEOUT_GRACE_MS,
                        d.nodeClientBase(),
                        d.maxBackoffMillis(),
                        d.maxFinishedJobs())
                .withClientPolicy(clients.policy());
        for (int i = 0; i < n; i++) {
            int node = i;
            int clientId = d.nodeClientBase() + i;
            String zone = i % 2 == 0 ? "a" : "b";
            NodeWorker w;
            if (byzantineWorker == null && byzantineReplicas.containsKey(i)) {
                byzantineWorker = new ByzantineWorker(i, clientId, ledger, () -> freshestCorrect(), zone);
                w = byzantineWorker;
                entry = new ByzantineEntry(i, NodePrincipals.apiClientId(i, 0), ledger, seed);
                actors.put(entry.clientId, entry);
            } else {
                w = new NodeWorker(i, clientId, ledger, () -> own(node), zone, true);
            }
            if (!byzantineReplicas.containsKey(i)) {
                correctNodes.add(i);
            }
            workers.add(w);
            actors.put(clientId, w);
            nodeOfClient.put(clientId, i);
        }
        for (int k = 0; k < userCount; k++) {
            UserActor u =
                    new UserActor(k, USER_BASE + k, clients.keyOf(SimClients.userName(k)), entry, jobsPerUser, ledger);
            users.add(u);
            actors.put(u.clientId, u);
        }
        reader = new ReaderActor(USER_BASE + userCount, clients.keyOf(SimClients.READER), ledger);
        actors.put(reader.clientId, reader);
    }

    private SimContext ctx;

    private Scheduler own(int node) {
        return ctx.stateMachine(node) == null ? null : schedulers[node];
    }

    private Scheduler freshestCorrect() {
        Scheduler best = null;
        long bestSeq = -1;
        for (int i = 0; i < n; i++) {
            if (ctx.correct(i) && ctx.lastExecuted(i) > bestSeq) {
                bestSeq = ctx.lastExecuted(i);
                best = schedulers[i];
            }
        }
        return best;
    }

    /**
     * The scheduler's snapshot is kilobytes, so with small chunks a lagging replica needs hundreds of
     * chunks while newer checkpoints keep arriving under steady load. The core verifies each chunk on
     * its own (Merkle path), pipelines requests over all sources and finishes at the checkpoint it
     * started with; CI runs most seeds with 8 KiB chunks and a set with 128-byte chunks
     * ({@code SchedulerSimulationSeedsTest}). {@code -Dschedsim.chunk=N} overrides the default.
     */
    @Override
    public int stateChunkBytes() {
        return stateChunkBytes;
    }

    @Override
    public List<Integer> clientIds() {
        return new ArrayList<>(actors.keySet());
    }

    @Override
    public ReplicatedStateMachine newStateMachine(int replica) {
        schedulers[replica] = new Scheduler(config, variant.shardSelection(), variant.rules());
        if (correctNodes.contains(replica)) {
            rounds.watch(schedulers[replica]);
        }
        ReplicatedStateMachine sm = variant.wrap(schedulers[replica]);
        return correctNodes.contains(replica) ? new LiveAttemptsChecker(sm, schedulers[replica], replica, ledger) : sm;
    }

    @Override
    public void start(SimContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void step(SimContext ctx) {
        for (int i = 0; i < n; i++) {
            if (ctx.stateMachine(i) == null) {
                everCrashed.add(i);
            }
        }
        for (NodeWorker w : workers) {
            w.step(ctx);
        }
    }

    @Override
    public byte[] nextOperation(SimContext ctx, int clientId) {
        SimActor a = actors.get(clientId);
        Operation op = a.next(ctx);
        a.outstanding = op;
        if (op instanceof TaskFinished f) {
            ledger.sent(f);
        } else if (op instanceof ReportBatch batch) {
            batch.finished().forEach(ledger::sent);
        }
        return op == null ? null : OperationCodec.encode(op);
    }

    @Override
    public void completed(SimContext ctx, int clientId, long requestNumber, byte[] operation, byte[] result) {
        SimActor a = actors.get(clientId);
        DecodeResult d = OperationCodec.decode(operation);
        Optional<Reply> reply = ReplyCodec.decode(result);
        if (!(d instanceof DecodeResult.Decoded ok) || reply.isEmpty()) {
            ledger.violation("client " + clientId + " accepted an undecodable reply or operation");
            a.outstanding = null;
            return;
        }
        ledger.record(clientId, ok.operation(), a.outstandingBogus, reply.get());
        a.accepted(ctx, ok.operation(), reply.get());
        a.outstanding = null;
        a.outstandingBogus = false;
    }

    @Override
    public void healed(SimContext ctx) {}

    @Override
    public boolean finished(SimContext ctx) {
        for (SimActor a : actors.values()) {
            if (!a.settled(ctx)) {
                return false;
            }
        }
        for (int i = 0; i < n; i++) {
            if (!ctx.correct(i)) {
                continue;
            }
            Scheduler s = own(i);
            if (s == null) {
                return false;
            }
            for (UserActor u : users) {
                for (String jobId : u.acceptedJobs) {
                    Optional<JobView> job = s.job(jobId);
                    if (job.isEmpty()
                            || !job.get().tasks().stream()
                                    .allMatch(t -> t.state().isTerminal())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    @Override
    public String progress(SimContext ctx) {
        StringBuilder sb = new StringBuilder();
        actors.values().forEach(a -> sb.append(a.progress()));
        Scheduler ref = freshestCorrect();
        if (ref != null) {
            for (JobView job : ref.jobs()) {
                for (TaskView t : job.tasks()) {
                    if (!t.state().isTerminal()) {
                        sb.append(" ")
                                .append(t.id())
                                .append('=')
                                .append(t.state())
                                .append("@")
                                .append(t.node())
                                .append('#')
                                .append(t.attempt());
                    }
                }
            }
        }
        return sb.toString();
    }

    @Override
    public List<String> finalViolations(SimContext ctx) {
        List<String> v = new ArrayList<>(ledger.violations);
        TreeSet<String> submitted = new TreeSet<>();
        users.forEach(u -> submitted.addAll(u.acceptedJobs));
        for (int i = 0; i < n; i++) {
            if (ctx.correct(i) && own(i) != null) {
                try {
                    own(i).checkInvariants();
                } catch (RuntimeException e) {
                    v.add("replica " + i + " scheduler invariant broken: " + e.getMessage());
                }
            }
        }
        Scheduler ref = freshestCorrect();
        if (ref != null) {
            v.addAll(SchedulerOutcomeChecker.check(
                    ref, submitted, ledger, rounds, correctNodes, everCrashed, nodeOfClient, taskStates));
            v.addAll(SignedJobsChecker.check(ref, ledger, config.clientPolicy(), config.defaultVerification()));
            v.addAll(DataResultChecker.check(ref, submitted, ledger, dataCounts));
            v.addAll(StaleReportChecker.check(ref, submitted, ledger));
            v.addAll(LostTaskChecker.check(ref, submitted));
        }
        return v;
    }

    /** Counts of one run that the CI test asserts were exercised. */
    record Figures(
            long jobs,
            long succeeded,
            long failed,
            long cancelled,
            long forgedRejected,
            long staleIgnored,
            long suspicionsRecorded,
            long batchedReports,
            long quorumJobs,
            long quorumSucceeded,
            long forgedVotes,
            long viaEntry,
            long droppedByEntry,
            long alteredRefused,
            long replaysRefused,
            long readerForbidden,
            long dataJobs,
            long dataNoneComplete,
            long dataQuorumComplete,
            long dataForgedChanged,
            long nodesDown,
            long agentRestarts,
            long machinesLost,
            long launches) {}

    Figures counts() {
        return new Figures(
                users.stream().mapToLong(u -> u.acceptedJobs.size()).sum(),
                taskStates.getOrDefault("SUCCEEDED", 0L),
                taskStates.getOrDefault("FAILED", 0L),
                taskStates.getOrDefault("CANCELLED", 0L),
                ledger.count("TaskFinished.bogus.REJECTED"),
                ledger.count("TaskFinished.bogus.IGNORED") + ledger.count("TaskStarted.bogus.IGNORED"),
                ledger.count("SuspectNode.bogus.OK"),
                ledger.count("batched.reports"),
                users.stream().mapToLong(u -> u.quorumJobs.size()).sum(),
                taskStates.getOrDefault("quorum.SUCCEEDED", 0L),
                ledger.count("forged.votes.OK"),
                users.stream().mapToLong(u -> u.handedToEntry).sum(),
                entry == null ? 0 : entry.dropped,
                entry == null ? 0 : entry.alteredRefused,
                entry == null ? 0 : entry.replaysRefused,
                reader.forbidden,
                dataCounts.getOrDefault("data.jobs", 0L),
                dataCounts.getOrDefault("data.none.COMPLETE", 0L),
                dataCounts.getOrDefault("data.quorum.COMPLETE", 0L),
                dataCounts.getOrDefault("data.forged_changed", 0L),
                nodesDown(),
                workers.stream().mapToLong(w -> Math.max(0, w.loopsStarted - 1)).sum(),
                workers.stream().mapToLong(w -> w.machinesLost).sum(),
                workers.stream().mapToLong(w -> w.containers.launched).sum());
    }

    /** How often the most advanced correct replica marked a node DOWN. */
    private long nodesDown() {
        Scheduler ref = ctx == null ? null : freshestCorrect();
        return ref == null
                ? 0
                : ref.nodes().stream().mapToLong(NodeView::timesDown).sum();
    }

    /** Figures of the run for the per-seed line. */
    String figures() {
        long jobs = users.stream().mapToLong(u -> u.acceptedJobs.size()).sum();
        return "jobs=" + jobs + " tasks=" + taskStates + " forged_rejected="
                + ledger.count("TaskFinished.bogus.REJECTED") + " stale_ignored="
                + ledger.count("TaskFinished.bogus.IGNORED")
                + " suspicions=" + ledger.count("SuspectNode.bogus.OK") + " lies="
                + (byzantineWorker == null ? 0 : byzantineWorker.lies) + " accepted_reports="
                + ledger.count("TaskFinished.OK") + " quorum_jobs="
                + users.stream().mapToLong(u -> u.quorumJobs.size()).sum() + " forged_votes="
                + ledger.count("forged.votes.OK") + "/"
                + (byzantineWorker == null ? 0 : byzantineWorker.forgedVotesSent)
                + " via_entry=" + users.stream().mapToLong(u -> u.handedToEntry).sum() + " dropped="
                + (entry == null ? 0 : entry.dropped) + " altered_refused="
                + (entry == null ? 0 : entry.alteredRefused + "/" + entry.alteredSent) + " replays_refused="
                + (entry == null ? 0 : entry.replaysRefused + "/" + entry.replaysSent) + " reader_forbidden="
                + reader.forbidden + " data=" + dataCounts + " nodes_down=" + nodesDown() + " agent_restarts="
                + workers.stream()
                        .mapToLong(w -> Math.max(0, w.loopsStarted - 1))
                        .sum() + " machines_lost="
                + workers.stream().mapToLong(w -> w.machinesLost).sum() + " launches="
                + workers.stream().mapToLong(w -> w.containers.launched).sum();
    }
}
