package org.bftswarm.deploy.launcher;

import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.OrderedWrite;
import org.bftswarm.node.ApiMapping;
import org.bftswarm.orchestrator.ops.CancelJob;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCodec;
import org.bftswarm.orchestrator.ops.SubmitJob;

/**
 * Writes the client signs itself. A submission: the job id is chosen here (so a retry through another node
 * names the same job), the SubmitJob is signed with the client's key, and the signed bytes are sent
 * unchanged to the entry node, then to the others while none gets it ordered. The answer is believed only
 * if it passes the given check (see {@link WriteCertificateCheck}: f+1 replicas' signed reply certificates).
 */
public final class SignedSubmission {
    private SignedSubmission() {}

    public static String submit(
            ApiClient api, String swarm, ClientKey key, JobSubmission job, ApiClient.WriteCheck check)
            throws ApiException {
        String jobId =
                key.name() + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        ClientOperation op =
                new ClientSession(swarm, key.name(), key.key()).sign(new SubmitJob(jobId, ApiMapping.toJobSpec(job)));
        return api.submitSigned(op, jobId, check);
    }

    /**
     * Cancels {@code jobId} by an operation the client signs (allowed to an admin, or to its submitter);
     * returns the scheduler's certified reply (IGNORED when the job had already finished or was
     * already cancelled), or empty when an earlier try was ordered and its reply is not repeated.
     */
    public static Optional<Reply> cancel(
            ApiClient api, String swarm, ClientKey key, String jobId, ApiClient.WriteCheck check) throws ApiException {
        ClientOperation op = new ClientSession(swarm, key.name(), key.key()).sign(new CancelJob(jobId));
        return api.submitSignedAnswer(op, jobId, check).flatMap(SignedSubmission::reply);
    }

    private static Optional<Reply> reply(OrderedWrite answer) {
        try {
            return ReplyCodec.decode(Base64.getDecoder().decode(answer.result() == null ? "" : answer.result()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
