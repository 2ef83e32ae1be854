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

/**
 * A user client (id outside every node principal range): submits a planned number of jobs with
 * random count (1..3), retries (0..2), CPU, memory, timeout and sometimes a label constraint,
 * 0.2..1 s apart, and cancels about one job in four some time after submitting it.
 */
final class UserActor extends SimActor {
    private final int user;
    private final int planned;
    private final ResultLedger ledger;
    private int submittedCount;
    private long nextAt;
    private final List<String> toCancel = new ArrayList<>();
    final TreeSet<String> acceptedJobs = new TreeSet<>();

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
        return new SubmitJob(jobId, spec(ctx, jobId));
    }

    private static JobSpec spec(SimContext ctx, String name) {
        Map<String, String> constraints = ctx.random().nextInt(5) == 0 ? Map.of("zone", "a") : null;
        return new JobSpec(
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
    }

    @Override
    void accepted(SimContext ctx, Operation op, Reply reply) {
        if (op instanceof SubmitJob submit) {
            if (reply.isOk()) {
                acceptedJobs.add(reply.jobId() == null ? submit.jobId() : reply.jobId());
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
