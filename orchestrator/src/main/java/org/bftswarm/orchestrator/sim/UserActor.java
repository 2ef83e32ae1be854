package org.bftswarm.orchestrator.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.spec.JobSpec;
import org.bftswarm.orchestrator.spec.Verification;

/**
 * A user client (id outside every node principal range): submits a planned number of jobs with
 * random count (1..3), retries (0..2), CPU, memory, timeout and sometimes a label constraint,
 * 0.2..1 s apart, and cancels about one job in four some time after submitting it. About half of
 * its jobs are deterministic and ask for {@code verification: quorum}; their ids go into
 * {@link ResultLedger#quorumJobs} as they are sent, so every worker knows them before any replica
 * can place them, and {@link #quorumJobs} keeps those this user saw accepted.
 */
final class UserActor extends SimActor {
    private final int user;
    private final int planned;
    private final ResultLedger ledger;
    private int submittedCount;
    private long nextAt;
    private final List<String> toCancel = new ArrayList<>();
    final TreeSet<String> acceptedJobs = new TreeSet<>();
    final TreeSet<String> quorumJobs = new TreeSet<>();

    UserActor(int user, int clientId, int planned, ResultLedger ledger) {
        super(clientId);
        this.user = user;
        this.planned = planned;
        this.ledger = ledger;
    }

    @Override
    Operation next(SimContext ctx) {
        outstandingBogus = false;
        if (ctx.now() < nextAt) {
            return null;
        }
        nextAt = ctx.now() + 200 + ctx.random().nextInt(800);
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
        JobSpec spec = spec(ctx, jobId, quorum);
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

    @Override
    void accepted(SimContext ctx, Operation op, Reply reply) {
        if (op instanceof SubmitJob submit) {
            if (reply.isOk()) {
                String jobId = reply.jobId() == null ? submit.jobId() : reply.jobId();
                acceptedJobs.add(jobId);
                if (Verification.QUORUM.equals(submit.spec().verification())) {
                    quorumJobs.add(jobId);
                }
            } else {
                ledger.violation("valid job " + submit.jobId() + " was not accepted: " + reply);
            }
        }
    }

    @Override
    boolean settled(SimContext ctx) {
        return submittedCount >= planned && toCancel.isEmpty() && outstanding == null;
    }

    @Override
    String progress() {
        return " user" + user + "[" + submittedCount + "/" + planned + " cancels_left=" + toCancel.size() + "]";
    }
}
