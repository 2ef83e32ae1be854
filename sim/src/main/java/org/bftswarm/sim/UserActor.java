package org.bftswarm.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.ClientSigning;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.spec.DataSpec;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.ShardReduce;
import org.bftswarm.orchestrator.spec.Verification;

/**
 * A user client (id outside every node principal range) with its own key: submits a planned number of
 * jobs with random count (1..3), retries (0..2), CPU, memory, timeout and sometimes a label constraint,
 * 0.2..1 s apart, and cancels about one job in four some time after submitting it. About half of its
 * jobs are deterministic and ask for {@code verification: quorum}; their ids go into
 * {@link ResultLedger#quorumJobs} as they are sent, so every worker knows them before any replica can
 * place them, and {@link #quorumJobs} keeps those this user saw accepted. About one job in three is a
 * WebAssembly data job over a random dataset ({@link #dataSpec}), with either verification mode.
 *
 * <p>Every operation is signed end to end as a {@link ClientOperation} with the next request number and
 * recorded in {@link ResultLedger#signed}. The user hands about half of them to the Byzantine node's
 * API ({@link ByzantineEntry}) and, hearing nothing it can trust, retransmits the same signed bytes
 * through its own client after {@link #RETRY_AFTER_MS}; the others it sends through its own client at
 * once. One operation at a time: a submission answered OK, or REPLAYED naming its job (it was
 * executed through the entry), is accepted; one refused for the state budget (a many-shard data job's
 * worst case while others are unfinished) is sent again later, signed anew; any other answer to a valid
 * submission is a violation.
 */
final class UserActor extends SimActor {
    /** The reduce function {@code sum.wasm} exports: the larger of two values. */
    static final String LARGER = "larger";

    /** How long a user waits for an operation handed to another node's API before sending it itself. */
    static final long RETRY_AFTER_MS = 500;

    private final int user;
    private final String name;
    private final SigningKey key;
    private final ByzantineEntry entry;
    private final int planned;
    private final ResultLedger ledger;
    private int submittedCount;
    private long nextAt;
    private long requestNumber;
    private ClientOperation pending;
    private long retryAt = -1;
    private final List<String> toCancel = new ArrayList<>();
    /** Submissions refused for the state budget, sent again (signed anew) when the user next may act. */
    private final ArrayDeque<SubmitJob> refused = new ArrayDeque<>();

    long budgetRefusals;
    final TreeSet<String> acceptedJobs = new TreeSet<>();
    final TreeSet<String> quorumJobs = new TreeSet<>();
    long handedToEntry;

    UserActor(int user, int clientId, SigningKey key, ByzantineEntry entry, int planned, ResultLedger ledger) {
        super(clientId);
        this.user = user;
        this.name = SimClients.userName(user);
        this.key = key;
        this.entry = entry;
        this.planned = planned;
        this.ledger = ledger;
    }

    @Override
    Operation next(SimContext ctx) {
        outstandingBogus = false;
        if (pending != null) {
            if (retryAt >= 0 && ctx.now() >= retryAt) {
                retryAt = -1;
                return pending;
            }
            return null;
        }
        Operation op = plan(ctx);
        if (op == null) {
            return null;
        }
        pending = ClientSigning.sign(SimClients.SWARM, name, ++requestNumber, op, key);
        ledger.signed(pending);
        if (entry != null && ctx.random().nextBoolean()) {
            entry.hand(pending);
            handedToEntry++;
            retryAt = ctx.now() + RETRY_AFTER_MS;
            return null;
        }
        return pending;
    }

    private Operation plan(SimContext ctx) {
        if (ctx.now() < nextAt) {
            return null;
        }
        nextAt = ctx.now() + 200 + ctx.random().nextInt(800);
        if (!refused.isEmpty()) {
            return refused.poll();
        }
        if (!toCancel.isEmpty() && (submittedCount >= planned || ctx.random().nextInt(3) == 0)) {
            return new CancelJob(toCancel.remove(0));
        }
        if (submittedCount >= planned) {
            return null;
        }
        String jobId = "u" + user + "-" + submittedCount;
        submittedCount++;
        if (ctx.random().nextInt(4) == 0) {
            toCancel.add(jobId);
        }
        boolean quorum = ctx.random().nextBoolean();
        JobSpec spec = ctx.random().nextInt(3) == 0 ? dataSpec(ctx, jobId, quorum) : spec(ctx, jobId, quorum);
        if (quorum) {
            ledger.quorumJobs.add(jobId);
        }
        return new SubmitJob(jobId, spec);
    }

    /**
     * A random spec. A quorum job never carries the zone constraint: only half the nodes are in a zone,
     * fewer than the 2f+1 distinct nodes a round may need, so such a task could wait forever.
     */
    private static JobSpec spec(SimContext ctx, String name, boolean quorum) {
        Map<String, String> constraints = ctx.random().nextInt(5) == 0 && !quorum ? Map.of("zone", "a") : null;
        JobSpec spec = new JobSpec(
                name,
                "bftswarm/busybox",
                List.of("sh", "-c", "echo " + name),
                Map.of("JOB", name),
                0.1 * (1 + ctx.random().nextInt(10)),
                64L * (1 + ctx.random().nextInt(8)),
                1 + ctx.random().nextInt(2),
                ctx.random().nextInt(3),
                1,
                1 + ctx.random().nextInt(3),
                constraints,
                null);
        return quorum ? spec.withVerification(Verification.QUORUM) : spec;
    }

    /**
     * A random WebAssembly sum job: 1..40 integers of at most three digits, or in one job of four also some
     * beyond 32 bits (up to 2^40 in magnitude, so no shard sum nor total overflows 64 bits) run by
     * {@code sum64} instead of {@code sum}; {@code shards} absent or 1..len; reduce sum, min, max, concat
     * or (only with {@code sum.wasm}) its function {@code larger}; retries 2 so most shards end accepted.
     */
    private static JobSpec dataSpec(SimContext ctx, String name, boolean quorum) {
        int len = 1 + ctx.random().nextInt(40);
        boolean wide = ctx.random().nextInt(4) == 0;
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < len; i++) {
            long v = ctx.random().nextInt(2001) - 1000L;
            if (wide && ctx.random().nextInt(3) == 0) {
                v = (ctx.random().nextBoolean() ? 1 : -1)
                        * ((1L << 31) + (ctx.random().nextLong() & ((1L << 40) - 1)));
            }
            values.add(v);
        }
        List<String> reduces =
                new ArrayList<>(List.of(ShardReduce.SUM, ShardReduce.MIN, ShardReduce.MAX, ShardReduce.CONCAT));
        DataSpec probe = new DataSpec(null, DataSpec.toArray(values), null, null, null, null, null, null, null);
        boolean i32 = probe.fitsI32();
        if (i32) {
            reduces.add(LARGER);
        }
        Integer shards = ctx.random().nextInt(3) == 0 ? null : 1 + ctx.random().nextInt(len);
        DataSpec data = new DataSpec(
                i32 ? SimModules.SUM_BASE64 : SimModules.SUM64_BASE64,
                DataSpec.toArray(values),
                null,
                shards,
                reduces.get(ctx.random().nextInt(reduces.size())),
                null,
                null,
                null,
                null);
        return new JobSpec(
                name,
                null,
                null,
                null,
                0.1 * (1 + ctx.random().nextInt(5)),
                64L,
                1 + ctx.random().nextInt(3),
                2,
                1,
                null,
                null,
                null,
                quorum ? Verification.QUORUM : null,
                data);
    }

    /** A one-task spec with every other field left to its default. */
    static JobSpec plainSpec(String name) {
        return new JobSpec(
                name,
                "bftswarm/busybox",
                List.of("sh", "-c", "echo " + name),
                null,
                null,
                null,
                1,
                null,
                null,
                null,
                null,
                null);
    }

    @Override
    void accepted(SimContext ctx, Operation op, Reply reply) {
        pending = null;
        if (op instanceof ClientOperation signed && signed.operation() instanceof SubmitJob submit) {
            boolean executedBefore =
                    reply.code() == ReplyCode.REPLAYED && submit.jobId().equals(reply.jobId());
            if (reply.isOk() || executedBefore) {
                String jobId = reply.jobId() == null ? submit.jobId() : reply.jobId();
                acceptedJobs.add(jobId);
                if (Verification.QUORUM.equals(submit.spec().verification())) {
                    quorumJobs.add(jobId);
                }
            } else if (refusedForStateBudget(reply)) {
                refused.add(submit);
                budgetRefusals++;
            } else {
                ledger.violation("valid job " + submit.jobId() + " was not accepted: " + reply);
            }
        }
    }

    /** The scheduler's admission control: unfinished jobs' worst case would pass the state budget. */
    private static boolean refusedForStateBudget(Reply reply) {
        return reply.code() == ReplyCode.INVALID
                && reply.errors() != null
                && reply.errors().stream().anyMatch(e -> e.startsWith("state:"));
    }

    @Override
    boolean settled(SimContext ctx) {
        return submittedCount >= planned
                && toCancel.isEmpty()
                && refused.isEmpty()
                && pending == null
                && outstanding == null;
    }

    @Override
    String progress() {
        return " user" + user + "[" + submittedCount + "/" + planned + " cancels_left=" + toCancel.size()
                + " budget_refusals=" + budgetRefusals
                + (pending == null ? "" : " pending=" + pending.requestNumber()) + "]";
    }
}
