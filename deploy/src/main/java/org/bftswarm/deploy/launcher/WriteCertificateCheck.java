package org.bftswarm.deploy.launcher;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bftswarm.api.OrderedWrite;
import org.bftswarm.api.ReplyCertificateJson;
import org.bftswarm.consensus.client.ReplyCertificate;
import org.bftswarm.consensus.client.ReplySignature;
import org.bftswarm.crypto.Digest;
import org.bftswarm.crypto.SignatureHex;
import org.bftswarm.crypto.VerifyingKey;
import org.bftswarm.orchestrator.ops.Reply;
import org.bftswarm.orchestrator.ops.ReplyCodec;

/**
 * The client's check of an ordered signed operation, so the entry node need not be trusted: the
 * answer's result bytes must decode to a scheduler reply naming the job id the client chose, and at
 * least f+1 distinct replicas must have signed a reply certificate, valid under that node's public key,
 * for one and the same executed request (consensus client, request number, sequence) with the SHA-256
 * of exactly those result bytes. At least one of f+1 signers is correct, so the result is what the
 * replicas executed. Pure: keys and f are given.
 */
public final class WriteCertificateCheck implements ApiClient.WriteCheck {
    private final String swarm;
    private final int f;
    private final List<VerifyingKey> nodeKeys;

    /** @param nodeKeys every node's public key, by node id (node i's key is replica i's) */
    public WriteCertificateCheck(String swarm, int f, List<VerifyingKey> nodeKeys) {
        this.swarm = swarm;
        this.f = f;
        this.nodeKeys = List.copyOf(nodeKeys);
    }

    /** Why {@code answer} does not prove the operation on {@code jobId}, or empty when it does. */
    @Override
    public Optional<String> problem(String jobId, OrderedWrite answer) {
        byte[] result;
        try {
            result = Base64.getDecoder().decode(answer.result() == null ? "" : answer.result());
        } catch (IllegalArgumentException e) {
            return Optional.of("the answer's result is not base64");
        }
        Optional<Reply> reply = ReplyCodec.decode(result);
        if (reply.isEmpty()) {
            return Optional.of("the answer's result does not decode to a scheduler reply");
        }
        if (!jobId.equals(reply.get().jobId())) {
            return Optional.of(
                    "the certified result is about job " + reply.get().jobId() + ", not " + jobId);
        }
        Digest digest = Digest.sha256(result);
        List<String> rejected = new ArrayList<>();
        Map<List<Long>, TreeSet<Integer>> signersByRequest = new TreeMap<>(WriteCertificateCheck::compare);
        for (ReplyCertificateJson c : answer.replies()) {
            Optional<String> why = invalid(c, digest);
            if (why.isPresent()) {
                rejected.add("replica " + c.replica() + ": " + why.get());
                continue;
            }
            signersByRequest
                    .computeIfAbsent(List.of((long) c.client(), c.request(), c.sequence()), k -> new TreeSet<>())
                    .add(c.replica());
        }
        int best =
                signersByRequest.values().stream().mapToInt(TreeSet::size).max().orElse(0);
        if (best >= f + 1) {
            return Optional.empty();
        }
        return Optional.of(
                "only " + best + " of f+1 = " + (f + 1) + " valid reply signatures for job " + jobId + " (result "
                        + digest.shortHex() + ")" + (rejected.isEmpty() ? "" : ": " + String.join("; ", rejected)));
    }

    private Optional<String> invalid(ReplyCertificateJson c, Digest digest) {
        if (c.replica() < 0 || c.replica() >= nodeKeys.size()) {
            return Optional.of("no such replica");
        }
        if (!digest.hex().equalsIgnoreCase(String.valueOf(c.resultDigest()))) {
            return Optional.of("signs another result");
        }
        Optional<byte[]> signature = SignatureHex.decode(c.signature());
        if (signature.isEmpty()) {
            return Optional.of("malformed signature");
        }
        ReplySignature cert =
                new ReplySignature(c.replica(), c.client(), c.request(), c.sequence(), digest, signature.get());
        if (!ReplyCertificate.verifies(swarm, nodeKeys.get(c.replica()), cert)) {
            return Optional.of("signature does not verify under node " + c.replica() + "'s key");
        }
        return Optional.empty();
    }

    private static int compare(List<Long> a, List<Long> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
