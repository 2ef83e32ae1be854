package org.bftswarm.sim;

import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.ClientSigning;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;

/**
 * The {@code reader} client: a known key whose role may only read. It signs one or two submissions
 * correctly and sends them through its own client; every one must be answered FORBIDDEN and create no
 * job (the checker also finds any job of a client that may not submit).
 */
final class ReaderActor extends SimActor {
    private final SigningKey key;
    private final ResultLedger ledger;
    private int planned = -1;
    private int sent;
    private long nextAt;
    long forbidden;

    ReaderActor(int clientId, SigningKey key, ResultLedger ledger) {
        super(clientId);
        this.key = key;
        this.ledger = ledger;
    }

    @Override
    Operation next(SimContext ctx) {
        if (planned < 0) {
            planned = 1 + ctx.random().nextInt(2);
            nextAt = 300 + ctx.random().nextInt(2000);
        }
        if (sent >= planned || ctx.now() < nextAt) {
            return null;
        }
        nextAt = ctx.now() + 500 + ctx.random().nextInt(1000);
        String jobId = "reader-" + sent;
        sent++;
        ClientOperation op = ClientSigning.sign(
                SimClients.SWARM, SimClients.READER, sent, new SubmitJob(jobId, UserActor.plainSpec(jobId)), key);
        ledger.signed(op);
        return op;
    }

    @Override
    void accepted(SimContext ctx, Operation op, Reply reply) {
        if (reply.code() == ReplyCode.FORBIDDEN) {
            forbidden++;
        } else {
            ledger.violation("a submission signed by the reader client was answered " + reply);
        }
    }

    @Override
    boolean settled(SimContext ctx) {
        return planned >= 0 && sent >= planned && outstanding == null;
    }

    @Override
    String progress() {
        return " reader[" + sent + "/" + planned + "]";
    }
}
