package org.bftswarm.consensus.codec;

/**
 * Which replicas check a client request's Ed25519 signature. In view v the f+1 designated replicas
 * of a request (client id, request number) are the primary of v, which verifies every request it
 * proposes anyway, and f of the backups, chosen by a fixed hash so that consecutive requests of one
 * client rotate over them; every replica computes the same set without talking.
 *
 * <p>The rule it supports (Castro &amp; Liskov's argument for f+1 matching replies, applied to
 * requests): a correct replica votes for a fresh proposal of view v (PRE-PREPARE, PREPARE or COMMIT)
 * only after it has itself verified every request of the batch designated to it. So when all f+1
 * designated replicas have voted for the batch, at least one of them is correct and the request is
 * authentic. A replica executing a committed batch trusts a request it was designated for, or one
 * whose f+1 designated replicas all voted for the batch, and verifies any other itself; a request that
 * fails is skipped by every correct replica alike, because signature validity is a deterministic
 * function of the bytes. Per request, f+1 replicas verify instead of n.
 */
public final class RequestVerifiers {
    private RequestVerifiers() {}

    /**
     * Whether {@code replica} is one of the f+1 replicas designated to verify this request when {@code primary} leads.
     */
    public static boolean designated(int replica, int primary, int clientId, long requestNumber, int n, int f) {
        if (replica == primary) {
            return true;
        }
        int backup = Math.floorMod(replica - primary - 1, n); // 0..n-2, in ring order after the primary
        return Math.floorMod(backup - firstBackup(clientId, requestNumber, n - 1), n - 1) < f;
    }

    /** The first of the f consecutive (in ring order after the primary) designated backups. */
    static int firstBackup(int clientId, long requestNumber, int backups) {
        long h = (requestNumber + 0x9E3779B97F4A7C15L * clientId) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        return (int) Math.floorMod(h, (long) backups);
    }
}
