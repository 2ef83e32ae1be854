package org.bftswarm.consensus.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bftswarm.crypto.Digest;

/**
 * Safety oracle outside the replicas: correct replicas execute the same batch
 * at every sequence number and reach the same digest at every checkpoint, produce the same result
 * for every request, execute no request twice and none that no client sent, and clients accept
 * only results some correct replica produced.
 */
public final class SafetyChecker {
    private final TreeMap<Long, Digest> executed = new TreeMap<>();
    private final TreeMap<Long, Digest> checkpoints = new TreeMap<>();
    private final Map<Long, byte[]> results = new HashMap<>();
    private final Set<Long> submitted = new HashSet<>();
    private final List<String> violations = new ArrayList<>();

    private static long key(int client, long request) {
        return ((long) client << 40) ^ request;
    }

    public void executedBatch(int replica, long seq, Digest digest) {
        Digest prev = executed.putIfAbsent(seq, digest);
        if (prev != null && !prev.equals(digest)) {
            violation("replica " + replica + " executed batch " + digest.hex().substring(0, 12) + " at seq " + seq
                    + " but another correct replica executed " + prev.hex().substring(0, 12));
        }
    }

    public void checkpoint(int replica, long seq, Digest digest) {
        Digest prev = checkpoints.putIfAbsent(seq, digest);
        if (prev != null && !prev.equals(digest)) {
            violation("replica " + replica + " has checkpoint digest "
                    + digest.hex().substring(0, 12) + " at seq " + seq + " but another correct replica has "
                    + prev.hex().substring(0, 12));
        }
    }

    /** A correct client signed and sent this request. */
    public void submitted(int client, long request) {
        submitted.add(key(client, request));
    }

    public void result(int replica, int client, long request, byte[] result) {
        if (!submitted.contains(key(client, request))) {
            violation("replica " + replica + " executed request " + request + " of client " + client
                    + " that the client never sent (a forged request)");
        }
        byte[] prev = results.putIfAbsent(key(client, request), result);
        if (prev != null && !Arrays.equals(prev, result)) {
            violation(
                    "replica " + replica + " produced a different result for client " + client + " request " + request);
        }
    }

    public void accepted(int client, long request, byte[] result) {
        byte[] correct = results.get(key(client, request));
        if (correct == null) {
            violation(
                    "client " + client + " accepted a result for request " + request + " no correct replica produced");
        } else if (!Arrays.equals(correct, result)) {
            violation("client " + client + " accepted a wrong result for request " + request);
        }
    }

    public void violation(String what) {
        if (violations.size() < 20) {
            violations.add(what);
        }
    }

    public List<String> violations() {
        return violations;
    }

    public int executedSeqs() {
        return executed.size();
    }

    public int checkpointsSeen() {
        return checkpoints.size();
    }
}
