package org.bftswarm.consensus.sim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bftswarm.consensus.codec.ByteWriter;
import org.bftswarm.crypto.Digest;

/**
 * Safety oracle outside the replicas: correct replicas execute the same batch
 * at every sequence number and reach the same digest at every checkpoint, produce the same result
 * for every request, execute no request twice and none that no client sent, and clients accept
 * only results some correct replica produced. What a replica executed at a sequence number is hashed
 * here, from the requests its state machine actually ran (sequence, timestamp, client, request number,
 * operation), never taken from the digest the core reports; and the state machine's own digest at
 * every checkpoint and after every state transfer must equal every other correct replica's at that seq.
 */
public final class SafetyChecker {
    private final TreeMap<Long, Digest> executed = new TreeMap<>();
    private final TreeMap<Long, Digest> states = new TreeMap<>();
    /** (replica, seq) -> the requests its state machine ran so far for that seq. */
    private final Map<List<Long>, ByteWriter> executing = new HashMap<>();

    private final TreeMap<Long, Digest> checkpoints = new TreeMap<>();
    private final Map<Long, byte[]> results = new HashMap<>();
    private final Set<Long> submitted = new HashSet<>();
    private final List<String> violations = new ArrayList<>();

    private static long key(int client, long request) {
        return ((long) client << 40) ^ request;
    }

    /** Replica {@code replica}'s state machine ran this request as part of the batch at {@code seq}. */
    public void executedRequest(int replica, long seq, long timestamp, int client, long request, byte[] op) {
        executing
                .computeIfAbsent(List.of((long) replica, seq), k -> new ByteWriter(256))
                .i64(seq)
                .i64(timestamp)
                .i32(client)
                .i64(request)
                .bytes(op);
    }

    /** Replica {@code replica} finished executing {@code seq}: what it ran there must be what the others ran. */
    public void executedSeq(int replica, long seq) {
        ByteWriter w = executing.remove(List.of((long) replica, seq));
        byte[] ran = w == null ? new byte[0] : w.toBytes();
        executedBatch(
                replica,
                seq,
                Digest.sha256(new ByteWriter(16 + ran.length).i64(seq).raw(ran).toBytes()));
    }

    /** A replica incarnation ended (crash): a batch it was executing is forgotten with it. */
    public void crashed(int replica) {
        executing.keySet().removeIf(k -> k.get(0) == replica);
    }

    /** The state machine digest of a correct replica right after {@code seq} (executed or installed by transfer). */
    public void state(int replica, long seq, Digest digest, String how) {
        Digest prev = states.putIfAbsent(seq, digest);
        if (prev != null && !prev.equals(digest)) {
            violation("replica " + replica + " has state " + digest.hex().substring(0, 12) + " at seq " + seq + " ("
                    + how + ") but another correct replica has " + prev.hex().substring(0, 12));
        }
    }

    private void executedBatch(int replica, long seq, Digest digest) {
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
