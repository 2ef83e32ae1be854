package org.bftswarm.sim;

import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.consensus.api.ForwardingStateMachine;
import org.bftswarm.consensus.api.ReplicatedStateMachine;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.orchestrator.EvictionRule;
import org.bftswarm.orchestrator.RunEligibility;
import org.bftswarm.orchestrator.Scheduler;
import org.bftswarm.orchestrator.SchedulerRules;
import org.bftswarm.orchestrator.ShardSelection;
import org.bftswarm.orchestrator.clients.ClientPolicy;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.ClientSigning;
import org.bftswarm.orchestrator.ops.DecodeResult;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.OperationCodec;
import org.bftswarm.orchestrator.ops.ReportBatch;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.ops.SuspectNode;
import org.bftswarm.orchestrator.ops.TaskFinished;
import org.bftswarm.orchestrator.ops.TaskStarted;
import org.bftswarm.orchestrator.spec.Verification;
import org.bftswarm.orchestrator.view.Assignment;
import org.bftswarm.orchestrator.view.TaskView;

/**
 * The scheduler the replicas run: the real one, or a deliberately broken wrapper used only to prove
 * the checkers bite. ACCEPT_ANY_REPORTER executes a task report as if its named node had sent it
 * (no authorisation); EVICT_ON_ONE_SUSPICION replays one suspicion as f+1 distinct suspectors;
 * TRUST_FIRST_REPORT executes every SubmitJob that asks for {@code quorum} verification as if it
 * asked for {@code none} (a signed one unwrapped, as its forwarder's: the wrapper cannot sign for the
 * client), so the first report of a task is its result and one lying node decides it;
 * IGNORE_CLIENT_SIGNATURES executes the inner operation of a ClientOperation whose signature does not
 * verify as a plain operation of the client that forwarded it, so an entry node's altered or forged
 * submission becomes a job (a bearer-token one of that node); DROP_LAST_SHARD is not a wrapper but the
 * scheduler built with a reduction that folds every accepted shard but the last (an off-by-one in the
 * fold loop), so a data job's result misses its last slice, and a one-shard job gets no result at all.
 * ACCEPT_STALE_REPORT executes a TaskFinished (alone or in a batch) for an attempt older than its
 * task's current one, while that old attempt has no run in flight, as the report of the task's newest
 * run, from that run's node: the stale attempt's result becomes the task's. LOSE_TASK_ON_DOWN is the
 * scheduler built with an eviction rule that, when a node goes DOWN, takes its runs away but never
 * puts their tasks back in the placement queue: they wait for a node forever. TWO_RUNS_ON_ONE_NODE is
 * the scheduler built with a placement rule that lets a node take another run of a task while it
 * still has one in flight (and a quorum round's run on a node it already tried): the new attempt
 * replaces the live one on that node, which never ends.
 */
enum SchedulerVariant {
    CORRECT,
    ACCEPT_ANY_REPORTER,
    EVICT_ON_ONE_SUSPICION,
    TRUST_FIRST_REPORT,
    IGNORE_CLIENT_SIGNATURES,
    DROP_LAST_SHARD,
    ACCEPT_STALE_REPORT,
    LOSE_TASK_ON_DOWN,
    TWO_RUNS_ON_ONE_NODE;

    ReplicatedStateMachine wrap(Scheduler scheduler) {
        return this == CORRECT || this == DROP_LAST_SHARD || this == LOSE_TASK_ON_DOWN || this == TWO_RUNS_ON_ONE_NODE
                ? scheduler
                : new Broken(scheduler, this);
    }

    /** The scheduler's rules: the standard ones, but eviction under LOSE_TASK_ON_DOWN, placement under
     * TWO_RUNS_ON_ONE_NODE. */
    SchedulerRules rules() {
        if (this == LOSE_TASK_ON_DOWN) {
            return new SchedulerRules(() -> false, RunEligibility.ONE_LIVE_RUN_PER_NODE);
        }
        if (this == TWO_RUNS_ON_ONE_NODE) {
            return new SchedulerRules(EvictionRule.REQUEUE, (hasLiveRun, tried, distinct) -> true);
        }
        return SchedulerRules.STANDARD;
    }

    /** Which accepted shards a data job's reduction folds: every one, but the last under DROP_LAST_SHARD. */
    ShardSelection shardSelection() {
        return this == DROP_LAST_SHARD
                ? count -> ShardSelection.ALL.indexes(count).subList(0, count - 1)
                : ShardSelection.ALL;
    }

    private static final class Broken extends ForwardingStateMachine {
        private final Scheduler inner;
        private final SchedulerVariant variant;

        Broken(Scheduler inner, SchedulerVariant variant) {
            super(inner);
            this.inner = inner;
            this.variant = variant;
        }

        @Override
        public byte[] execute(ExecutionContext ctx, byte[] operation) {
            DecodeResult d = OperationCodec.decode(operation);
            if (!(d instanceof DecodeResult.Decoded ok)) {
                return inner.execute(ctx, operation);
            }
            int n = inner.config().clusterSize();
            if (variant == IGNORE_CLIENT_SIGNATURES) {
                if (ok.operation() instanceof ClientOperation signed
                        && !verifies(inner.config().clientPolicy(), signed)) {
                    return inner.execute(ctx, OperationCodec.encode(signed.operation()));
                }
            } else if (variant == TRUST_FIRST_REPORT) {
                Operation op = ok.operation() instanceof ClientOperation signed ? signed.operation() : ok.operation();
                if (op instanceof SubmitJob submit
                        && submit.spec() != null
                        && Verification.QUORUM.equals(submit.spec().verification())) {
                    SubmitJob trusting =
                            new SubmitJob(submit.jobId(), submit.spec().withVerification(Verification.NONE));
                    return inner.execute(ctx, OperationCodec.encode(trusting));
                }
            } else if (variant == ACCEPT_STALE_REPORT) {
                List<TaskFinished> reports = ok.operation() instanceof TaskFinished f
                        ? List.of(f)
                        : ok.operation() instanceof ReportBatch b ? b.finished() : List.of();
                for (TaskFinished f : reports) {
                    acceptIfStale(ctx, f);
                }
            } else if (variant == ACCEPT_ANY_REPORTER) {
                Integer named = ok.operation() instanceof TaskFinished f
                        ? Integer.valueOf(f.node())
                        : ok.operation() instanceof TaskStarted s ? Integer.valueOf(s.node()) : null;
                if (named != null && named >= 0 && named < n) {
                    return inner.execute(as(ctx, inner.principals().clientIdOf(named)), operation);
                }
            } else if (ok.operation() instanceof SuspectNode s
                    && inner.principals().speaksFor(ctx.clientId(), s.suspector())) {
                byte[] reply = inner.execute(ctx, operation);
                int extra = inner.config().faults();
                for (int other = 0; other < n && extra > 0; other++) {
                    if (other != s.suspector() && other != s.suspect()) {
                        inner.execute(as(ctx, other), OperationCodec.encode(new SuspectNode(other, s.suspect())));
                        extra--;
                    }
                }
                return reply;
            }
            return inner.execute(ctx, operation);
        }

        /** Executes a stale attempt's report as the newest run's own (the broken rule). */
        private void acceptIfStale(ExecutionContext ctx, TaskFinished f) {
            TaskView t = inner.task(f.taskId()).orElse(null);
            if (t == null || !t.state().isActive() || f.attempt() >= t.attempt()) {
                return;
            }
            if (t.runs().stream().anyMatch(r -> r.attempt() == f.attempt())) {
                return;
            }
            Assignment newest = t.runs().stream()
                    .max(Comparator.comparingInt(Assignment::attempt))
                    .orElse(null);
            if (newest == null) {
                return;
            }
            TaskFinished asNewest = new TaskFinished(
                    f.taskId(),
                    newest.attempt(),
                    newest.node(),
                    f.exitCode(),
                    f.outputDigest(),
                    f.output(),
                    f.reason());
            inner.execute(as(ctx, inner.principals().clientIdOf(newest.node())), OperationCodec.encode(asNewest));
        }

        private static boolean verifies(ClientPolicy policy, ClientOperation op) {
            Optional<VerifyingKey> key = policy.keyOf(op.client());
            if (key.isEmpty() || op.signature() == null) {
                return false;
            }
            byte[] signature;
            try {
                signature = HexFormat.of().parseHex(op.signature());
            } catch (IllegalArgumentException e) {
                return false;
            }
            byte[] signed = ClientSigning.signedBytes(policy.swarm(), op.client(), op.requestNumber(), op.operation());
            return signature.length == 64 && key.get().verify(signed, signature);
        }

        private static ExecutionContext as(ExecutionContext ctx, int clientId) {
            return new ExecutionContext(ctx.sequence(), ctx.timestampMillis(), clientId, ctx.requestNumber());
        }
    }
}
