package org.bftswarm.deploy.launcher;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobStatusJson;
import org.bftswarm.api.SignedRead;
import org.bftswarm.crypto.VerifyingKey;

/**
 * Reads the cluster can be held to: every node is asked for its signed answer, each signature is
 * checked against that node's key from the configuration's key directory, and an answer is accepted
 * only when f+1 nodes signed the very same one (so at least one correct node stands behind it). A node
 * whose answer differs although its state is at least as recent as the accepted answer's is named as
 * disagreeing, as is one whose signature does not verify. Nodes still catching up are asked again for
 * a few seconds before the read fails.
 */
public final class VerifiedReads {
    static final int ROUNDS = 15;
    static final long PAUSE_MILLIS = 300;

    /** The accepted answer, who signed it, and who said something else (node → what). */
    public record Verdict<T>(T value, List<Integer> agreeing, Map<Integer, String> disagreeing) {}

    /** Loads every node's public key, by node id. */
    @FunctionalInterface
    public interface KeySource {
        List<VerifyingKey> load() throws IOException;
    }

    private final ApiClient api;
    private final String swarm;
    private final KeySource keySource;
    private List<VerifyingKey> nodeKeys;
    private final int f;
    private final ObjectMapper json = ApiClient.mapper();

    public VerifiedReads(ApiClient api, String swarm, KeySource keys, int f) {
        this.api = api;
        this.swarm = swarm;
        this.keySource = keys;
        this.f = f;
    }

    private List<VerifyingKey> keys() throws ApiException {
        if (nodeKeys == null) {
            try {
                nodeKeys = List.copyOf(keySource.load());
            } catch (IOException e) {
                throw new ApiException(0, "no_keys", "cannot check the nodes' signed answers: " + e.getMessage());
            }
        }
        return nodeKeys;
    }

    public Verdict<JobJson> job(String jobId) throws ApiException, InterruptedException {
        Verdict<String> v = read("/api/v1/jobs/" + jobId);
        return new Verdict<>(parse(v.value(), new TypeReference<JobJson>() {}), v.agreeing(), v.disagreeing());
    }

    /**
     * Verified reads of one job until f+1 nodes sign it finished (COMPLETE, FAILED, CANCELLED) or
     * {@code timeout} passes; the last verified answer either way.
     */
    public Verdict<JobJson> awaitFinished(String jobId, Duration timeout) throws ApiException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Verdict<JobJson> v = job(jobId);
        while (!finished(v.value()) && System.nanoTime() < deadline) {
            Thread.sleep(PAUSE_MILLIS);
            v = job(jobId);
        }
        return v;
    }

    private static boolean finished(JobJson job) {
        return job.status() == JobStatusJson.COMPLETE
                || job.status() == JobStatusJson.FAILED
                || job.status() == JobStatusJson.CANCELLED;
    }

    public Verdict<List<JobJson>> jobs() throws ApiException, InterruptedException {
        Verdict<String> v = read("/api/v1/jobs");
        return new Verdict<>(parse(v.value(), new TypeReference<List<JobJson>>() {}), v.agreeing(), v.disagreeing());
    }

    /** The body f+1 nodes signed for {@code path}, with the nodes that signed it and those that did not agree. */
    Verdict<String> read(String path) throws ApiException, InterruptedException {
        Map<Integer, SignedRead> last = new TreeMap<>();
        for (int round = 0; round < ROUNDS; round++) {
            Map<Integer, SignedRead> answers = new TreeMap<>();
            Map<Integer, String> bad = new TreeMap<>();
            StringBuilder unreachable = new StringBuilder();
            int silent = 0;
            for (int k = 0; k < api.nodeCount(); k++) {
                int node = (api.preferred() + k) % api.nodeCount();
                ApiClient.SignedAnswer answer = api.signedFrom(node, path);
                if (answer.read().isEmpty()) {
                    silent += answer.unreachable() ? 1 : 0;
                    unreachable.append(String.format("%n  %s", answer.failure()));
                    continue;
                }
                SignedRead a = answer.read().get();
                if (a.node() != node || !a.swarm().equals(swarm) || !a.path().equals(path)) {
                    bad.put(node, "answered for another node, swarm or path");
                } else if (!a.verifiedBy(keys().get(node))) {
                    bad.put(node, "signature does not verify");
                } else {
                    answers.put(node, a);
                }
            }
            if (silent == api.nodeCount()) {
                throw new ApiException(
                        0,
                        "unreachable",
                        "no node of the cluster answered:" + unreachable + System.lineSeparator()
                                + "Is the cluster up? (`./bftswarm status`)");
            }
            last = answers;
            Map<String, List<Integer>> byBody = new TreeMap<>();
            answers.forEach((node, a) ->
                    byBody.computeIfAbsent(a.body(), b -> new ArrayList<>()).add(node));
            for (Map.Entry<String, List<Integer>> group : byBody.entrySet()) {
                if (group.getValue().size() >= f + 1) {
                    return verdict(group.getKey(), group.getValue(), answers, bad);
                }
            }
            Thread.sleep(PAUSE_MILLIS);
        }
        StringBuilder seen = new StringBuilder();
        last.forEach((node, a) ->
                seen.append(String.format("%n  node %d at sequence %d: %s", node, a.sequence(), clip(a.body()))));
        throw new ApiException(
                0,
                "no_quorum",
                "no " + (f + 1) + " nodes signed the same answer for " + path + " (" + last.size() + " answered):"
                        + seen);
    }

    private static Verdict<String> verdict(
            String body, List<Integer> agreeing, Map<Integer, SignedRead> answers, Map<Integer, String> bad) {
        long newestAgreeing = agreeing.stream()
                .mapToLong(n -> answers.get(n).sequence())
                .max()
                .orElse(0);
        Map<Integer, String> disagreeing = new TreeMap<>(bad);
        answers.forEach((node, a) -> {
            if (!a.body().equals(body) && a.sequence() >= newestAgreeing) {
                disagreeing.put(node, "signed a different answer at sequence " + a.sequence() + ": " + clip(a.body()));
            }
        });
        return new Verdict<>(body, List.copyOf(agreeing), disagreeing);
    }

    private <T> T parse(String body, TypeReference<T> type) throws ApiException {
        try {
            return json.readValue(body, type);
        } catch (IOException e) {
            throw new ApiException(0, "bad_answer", "f+1 nodes signed an answer that is not JSON: " + e.getMessage());
        }
    }

    private static String clip(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }
}
