package org.bftswarm.consensus.client;

import java.util.List;

/**
 * A result f+1 replicas agreed on, with the f+1 signed reply certificates that agree on it (distinct
 * replicas, one result digest): a proof of the outcome that needs no trust in the node that collected it.
 */
public record CertifiedResult(byte[] result, List<ReplySignature> replies) {
    public CertifiedResult {
        result = result.clone();
        replies = List.copyOf(replies);
    }

    @Override
    public byte[] result() {
        return result.clone();
    }
}
