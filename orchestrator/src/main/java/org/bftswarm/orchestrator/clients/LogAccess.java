package org.bftswarm.orchestrator.clients;

import java.util.Optional;
import org.bftswarm.crypto.SignatureHex;
import org.bftswarm.orchestrator.ops.LogRequestSigning;

/**
 * Who may read a task's log from a node: an admin or a reader any task's, a submitter only those of
 * jobs it submitted. A request names its client and is signed ({@link LogRequestSigning}) within the
 * freshness window; an unsigned request is served only while bearer tokens are allowed (the open mode,
 * which trusts the serving node anyway). The decision uses the replicated client policy and the job's
 * replicated owner, so every correct node decides alike.
 */
public final class LogAccess {
    /** A signed log request: client, request time and signature (hex). */
    public record Credentials(String client, long timeMillis, String signature) {}

    /** Why a request is refused; empty when it may be served. */
    public enum Refusal {
        UNAUTHENTICATED,
        FORBIDDEN
    }

    private LogAccess() {}

    /**
     * @param owner the client that submitted the task's job, or null when a node or token did
     * @param nowMillis the serving node's wall clock
     */
    public static Optional<Refusal> decide(
            ClientPolicy policy, String taskId, String owner, Optional<Credentials> request, long nowMillis) {
        if (request.isEmpty()) {
            return policy.allowToken() ? Optional.empty() : Optional.of(Refusal.UNAUTHENTICATED);
        }
        Credentials c = request.get();
        boolean fresh = Math.abs(nowMillis - c.timeMillis()) <= LogRequestSigning.FRESHNESS_MILLIS;
        boolean verified = fresh
                && policy.keyOf(c.client())
                        .flatMap(key -> SignatureHex.decode(c.signature())
                                .map(sig -> key.verify(
                                        LogRequestSigning.signedBytes(
                                                policy.swarm(), c.client(), taskId, c.timeMillis()),
                                        sig)))
                        .orElse(false);
        if (!verified) {
            return Optional.of(Refusal.UNAUTHENTICATED);
        }
        ClientRole role = policy.roleOf(c.client()).orElseThrow();
        boolean allowed = role == ClientRole.READER || role.mayManage(c.client(), owner == null ? "" : owner);
        return allowed ? Optional.empty() : Optional.of(Refusal.FORBIDDEN);
    }
}
