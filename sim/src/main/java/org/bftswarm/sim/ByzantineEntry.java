package org.bftswarm.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.bftswarm.consensus.sim.SimContext;
import org.bftswarm.crypto.SigningKey;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.ClientSigning;
import org.bftswarm.orchestrator.ops.Operation;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;
import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * A Byzantine node's API as the users' entry point: a user hands it a signed {@link ClientOperation}
 * and it orders it as its own consensus client (the node's first API session id). For each handed
 * operation it rolls one of five: drop it; alter the inner SubmitJob's image and command, keeping the
 * user's signature; replace it by a SubmitJob of its own making signed under the user's name with a key
 * it made up; replay an operation it forwarded earlier (the handed one stays queued); or forward it
 * unchanged. Every alteration, forgery and replay is really ordered. The replicas must answer the
 * altered and forged ones UNAUTHORIZED and the replays REPLAYED; anything else is a violation.
 */
final class ByzantineEntry extends SimActor {
    private enum Kind {
        HONEST,
        ALTERED,
        FORGED,
        REPLAY
    }

    private final int node;
    private final ResultLedger ledger;
    private final SigningKey forger;
    private final ArrayDeque<ClientOperation> handed = new ArrayDeque<>();
    /** Operations forwarded unchanged whose request number the replicas used: replaying them must fail. */
    private final List<ClientOperation> used = new ArrayList<>();

    private Kind kind;
    private int forgeries;
    long dropped;
    long alteredSent;
    long replaysSent;
    long alteredRefused;
    long replaysRefused;

    ByzantineEntry(int node, int clientId, ResultLedger ledger, long seed) {
        super(clientId);
        this.node = node;
        this.ledger = ledger;
        this.forger = SimClients.derive("forger-" + node + "-", seed);
    }

    /** A user hands it a signed operation to forward. */
    void hand(ClientOperation op) {
        handed.add(op);
    }

    @Override
    Operation next(SimContext ctx) {
        outstandingBogus = false;
        if (handed.isEmpty()) {
            return null;
        }
        ClientOperation op = handed.peekFirst();
        int roll = ctx.random().nextInt(5);
        if (roll == 3 && !used.isEmpty()) {
            return send(Kind.REPLAY, used.get(ctx.random().nextInt(used.size())));
        }
        handed.removeFirst();
        if (roll == 0) {
            dropped++;
            return null;
        } else if (roll == 1 && op.operation() instanceof SubmitJob submit) {
            SubmitJob changed = new SubmitJob(submit.jobId(), altered(submit.spec(), "altered by node " + node));
            return send(Kind.ALTERED, new ClientOperation(op.client(), op.requestNumber(), changed, op.signature()));
        } else if (roll == 2) {
            String jobId = "byz" + node + "-" + forgeries++;
            SubmitJob invented = new SubmitJob(jobId, altered(UserActor.plainSpec(jobId), "forged by node " + node));
            return send(
                    Kind.FORGED,
                    ClientSigning.sign(SimClients.SWARM, op.client(), op.requestNumber(), invented, forger));
        }
        return send(Kind.HONEST, op);
    }

    private Operation send(Kind k, ClientOperation op) {
        kind = k;
        outstandingBogus = k != Kind.HONEST;
        alteredSent += k == Kind.ALTERED || k == Kind.FORGED ? 1 : 0;
        replaysSent += k == Kind.REPLAY ? 1 : 0;
        return op;
    }

    /** {@code spec} running another image and command. */
    static JobSpec altered(JobSpec spec, String why) {
        return spec.withImageAndCommand("bftswarm/evil", List.of("sh", "-c", "echo " + why));
    }

    @Override
    void accepted(SimContext ctx, Operation op, Reply reply) {
        ClientOperation c = (ClientOperation) op;
        String what = " operation of client " + c.client() + " (request " + c.requestNumber() + ") entered at node "
                + node + " was answered " + reply.outcome() + " " + reply.code();
        if (kind == Kind.HONEST) {
            if (reply.outcome() != Reply.Outcome.REJECTED) {
                used.add(c);
            }
        } else if (kind == Kind.REPLAY) {
            if (reply.code() == ReplyCode.REPLAYED) {
                replaysRefused++;
            } else {
                ledger.violation("a replayed" + what);
            }
        } else if (reply.code() == ReplyCode.UNAUTHORIZED) {
            alteredRefused++;
        } else {
            ledger.violation((kind == Kind.ALTERED ? "an altered" : "a forged") + what);
        }
    }

    @Override
    boolean settled(SimContext ctx) {
        return handed.isEmpty() && outstanding == null;
    }

    @Override
    String progress() {
        return " entry" + node + "[handed=" + handed.size() + "]";
    }
}
