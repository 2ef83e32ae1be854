package org.bftswarm.orchestrator;

import java.util.List;
import java.util.Optional;
import org.bftswarm.crypto.SignatureHex;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.orchestrator.clients.ClientPolicy;
import org.bftswarm.orchestrator.clients.ClientRole;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.ClientSigning;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCode;
import org.bftswarm.orchestrator.ops.SubmitJob;

/**
 * Operations users sign end to end, checked on every replica when they execute, in this order: the
 * client is known (else UNAUTHORIZED), the signature verifies over the canonical bytes of swarm,
 * client, request number and operation (else UNAUTHORIZED), the operation is one a client may sign
 * (SubmitJob, CancelJob; else INVALID), its role allows it (else FORBIDDEN), and the request number is
 * fresh (else REPLAYED). Whoever forwarded it, the job is the signing client's. A refused operation
 * changes nothing, and its request number stays unused.
 */
final class ClientOperations {
    private final SchedulerState state;
    private final JobCommands jobs;

    ClientOperations(SchedulerState state, JobCommands jobs) {
        this.state = state;
        this.jobs = jobs;
    }

    Reply execute(int clientId, ClientOperation op) {
        ClientPolicy policy = state.config.clientPolicy();
        Optional<VerifyingKey> key = policy.keyOf(op.client());
        if (key.isEmpty()) {
            return Reply.rejected(ReplyCode.UNAUTHORIZED, "unknown client " + JobCommands.clip(op.client()));
        }
        byte[] signed = ClientSigning.signedBytes(policy.swarm(), op.client(), op.requestNumber(), op.operation());
        boolean verified = SignatureHex.decode(op.signature())
                .map(sig -> key.get().verify(signed, sig))
                .orElse(false);
        if (!verified) {
            return Reply.rejected(
                    ReplyCode.UNAUTHORIZED,
                    "signature of client " + op.client() + " does not verify for swarm " + policy.swarm());
        }
        ClientRole role = policy.roleOf(op.client()).orElseThrow();
        Requester who = new Requester(clientId, op.client(), role);
        Reply reply;
        if (op.operation() instanceof SubmitJob submit) {
            if (!role.maySubmit()) {
                return Reply.rejected(
                        ReplyCode.FORBIDDEN, "client " + op.client() + " is a " + role.word() + ": it may not submit");
            }
            if (!fresh(op)) {
                return replayed(op, submit.jobId());
            }
            reply = jobs.submit(who, submit);
        } else if (op.operation() instanceof CancelJob cancel) {
            if (!fresh(op)) {
                return replayed(op, cancel.jobId());
            }
            reply = jobs.cancel(who, cancel);
        } else {
            return Reply.rejected(
                    ReplyCode.INVALID,
                    "a client may sign SubmitJob or CancelJob, not "
                            + op.operation().getClass().getSimpleName());
        }
        if (reply.outcome() != Reply.Outcome.REJECTED) {
            state.clientRequests
                    .computeIfAbsent(op.client(), c -> new RequestWindow())
                    .use(op.requestNumber());
        }
        return reply;
    }

    private boolean fresh(ClientOperation op) {
        RequestWindow w = state.clientRequests.get(op.client());
        return w == null ? op.requestNumber() > 0 : w.fresh(op.requestNumber());
    }

    /** REPLAYED, naming the job the earlier use of this request number concerns, so a retrying client finds it. */
    private Reply replayed(ClientOperation op, String jobId) {
        String detail = "request " + op.requestNumber() + " of client " + op.client() + " was already used";
        return new Reply(Reply.Outcome.REJECTED, ReplyCode.REPLAYED, detail, jobId, List.of());
    }
}
