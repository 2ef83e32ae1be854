package org.bftswarm.consensus.codec;

/**
 * Which replicas check a client request's Ed25519 signature (issue 3, item 7: where verification
 * happens). Each request (client id, request number) gets f+1 designated replicas, chosen by a fixed
 * hash so that consecutive requests of one client rotate over the cluster; the choice depends on
 * nothing else, so every replica computes the same set without talking.
 *
 * <p>The rule it supports (Castro &amp; Liskov's argument for f+1 matching replies, applied to
 * requests): a correct replica sends PRE-PREPARE, PREPARE or COMMIT for a batch only after it has
 * itself verified every request of the batch designated to it. So when all f+1 designated replicas
 * have signed a protocol message for the batch, at least one of them is correct and the request is
 * authentic. A replica executing a committed batch trusts a request it was designated for (it
 * verified it), or one whose f+1 designated replicas all vouched for the batch, and verifies any
 * other itself; a request that fails is skipped by every correct replica alike, because signature
 * validity is a deterministic function of the bytes. The primary also verifies every request it
 * proposes. Per request, f+1 replicas verify instead of n.
 */
public final class RequestVerifiers {
    private RequestVerifiers() {}

    /** The first of the f+1 consecutive (mod n) replicas designated for this request. */
    public static int first(int clientId, long requestNumber, int n) {
        long h = (requestNumber + 0x9E3779B97F4A7C15L * clientId) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return (int) Math.floorMod(h, (long) n);
    }

    /** Whether {@code replica} is one of the f+1 replicas designated to verify this request. */
    public static boolean designated(int replica, int clientId, long requestNumber, int n, int f) {
        return Math.floorMod(replica - first(clientId, requestNumber, n), n) <= f;
    }
}
