package org.bftswarm.api;

import java.util.List;

/**
 * The answer to an ordered client-signed operation: the job id it concerns, the result bytes the
 * replicas agreed on ({@code result}, base64: the scheduler's encoded reply), and f+1 replicas' signed
 * reply certificates over that result ({@code replies}), so the client can check the outcome without
 * trusting the node that answered. Missing {@code replies} read as none.
 */
public record OrderedWrite(String jobId, String result, List<ReplyCertificateJson> replies) {
    public OrderedWrite {
        replies = replies == null ? List.of() : List.copyOf(replies);
    }
}
