package org.bftswarm.deploy.launcher;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.bftswarm.api.ClusterJson;
import org.bftswarm.api.EnergyJson;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.NodeJson;
import org.bftswarm.api.OrderedWrite;
import org.bftswarm.api.SignedRead;
import org.bftswarm.orchestrator.ops.ClientOperation;
import org.bftswarm.orchestrator.ops.OperationCodec;

/**
 * The CLI's HTTP client for the node API ({@code ApiServer}'s routes), over {@code java.net.http}.
 * Starts with the first node (or the one named by {@link #prefer(int)}) and fails over to the next
 * one when a node cannot be reached. Reads
 * fail over on any I/O error or 5xx; a write (job submission) fails over only when the connection
 * could not be made, so a job is never submitted twice. Each write goes over a fresh connection: a
 * pooled keep-alive connection to a node that has since died would otherwise fail after "sending"
 * and make a harmless failover look unsafe.
 */
public final class ApiClient {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final List<String> baseUrls;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json;
    private volatile int preferred;

    /**
     * @param baseUrls every node's API base URL, by node id
     * @param token    bearer token for writes (may be null for read-only use)
     */
    public ApiClient(List<String> baseUrls, String token) {
        this.baseUrls = List.copyOf(baseUrls);
        this.token = token;
        this.http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.json = mapper();
    }

    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    public ObjectMapper json() {
        return json;
    }

    /** How many nodes this client can talk to. */
    public int nodeCount() {
        return baseUrls.size();
    }

    /**
     * Makes node {@code node} the one tried first (the others follow in id order after it); returns
     * this client. Throws IllegalArgumentException when there is no such node.
     */
    public ApiClient prefer(int node) {
        if (node < 0 || node >= baseUrls.size()) {
            throw new IllegalArgumentException("no node " + node + " in a cluster of " + baseUrls.size() + " (ids 0.."
                    + (baseUrls.size() - 1) + ")");
        }
        preferred = node;
        return this;
    }

    /** The node tried first by the next request. */
    public int preferred() {
        return preferred;
    }

    /**
     * Sends an operation the client signed to the preferred node, and on to the next ones while a node
     * does not get it ordered (unreachable, 503): the same signed bytes can only execute once, so a retry
     * through another node is safe, and a REPLAYED answer means an earlier try was ordered. An accepted
     * answer must pass {@code check} (the replicas' signed reply certificates), else this throws with
     * the check's reason: the entry node is not trusted to say the operation ran. Returns the job id the
     * operation concerns.
     */
    public String submitSigned(ClientOperation op, String jobId, WriteCheck check) throws ApiException {
        byte[] body = OperationCodec.encode(op);
        StringBuilder failures = new StringBuilder();
        for (int k = 0; k < baseUrls.size(); k++) {
            int node = (preferred + k) % baseUrls.size();
            String url = baseUrls.get(node);
            HttpResponse<String> r;
            try {
                r = sendFresh(HttpRequest.newBuilder(URI.create(url + "/api/v1/operations"))
                        .timeout(WRITE_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
            } catch (IOException e) {
                failures.append(String.format("%n  node %d (%s): %s", node, url, describe(e)));
                continue;
            }
            if (r.statusCode() == 202) {
                preferred = node;
                Optional<String> problem = check.problem(jobId, parseOrderedWrite(r.body()));
                if (problem.isPresent()) {
                    throw new ApiException(
                            0, "unverified", "node " + node + " (" + url + ") answered unproven: " + problem.get());
                }
                return jobId;
            }
            ApiException refused = error(r);
            if (r.statusCode() == 409 && "replayed".equals(refused.error())) {
                return jobId;
            }
            if (r.statusCode() >= 500) {
                failures.append(
                        String.format("%n  node %d (%s): HTTP %d %s", node, url, r.statusCode(), clip(r.body())));
                continue;
            }
            throw refused;
        }
        throw new ApiException(0, "unavailable", "no node got the signed operation ordered:" + failures);
    }

    /** What a client requires of an accepted signed write's answer before it believes it. */
    @FunctionalInterface
    public interface WriteCheck {
        /** Why {@code answer} does not prove the operation on {@code jobId}, or empty when it does. */
        Optional<String> problem(String jobId, OrderedWrite answer);
    }

    private OrderedWrite parseOrderedWrite(String body) {
        try {
            return json.readValue(body, OrderedWrite.class);
        } catch (IOException e) {
            return new OrderedWrite(null, null, List.of());
        }
    }

    /** What one node said to a signed read: its answer, or why there is none ({@code unreachable}: no connection). */
    public record SignedAnswer(Optional<SignedRead> read, String failure, boolean unreachable) {}

    /** Node {@code node}'s signed answer for {@code path} ({@code ?signed}). */
    public SignedAnswer signedFrom(int node, String path) {
        String url = baseUrls.get(node);
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url + path + "?signed"))
                    .timeout(READ_TIMEOUT)
                    .GET()
                    .build());
            if (r.statusCode() != 200) {
                return new SignedAnswer(
                        Optional.empty(), url + ": HTTP " + r.statusCode() + " " + clip(r.body()), false);
            }
            return new SignedAnswer(Optional.of(json.readValue(r.body(), SignedRead.class)), null, false);
        } catch (IOException e) {
            return new SignedAnswer(Optional.empty(), url + ": " + describe(e), true);
        }
    }

    /** The raw bytes of a task's log as node {@code node} serves them, or empty when it holds none. */
    public Optional<byte[]> taskLogBytesFrom(int node, String taskId) {
        return taskLogBytesFrom(node, taskId, Map.of());
    }

    /**
     * The same, sending {@code headers} (a signed log request: client, time, signature), or empty when
     * the node holds none or refuses the request.
     */
    public Optional<byte[]> taskLogBytesFrom(int node, String taskId, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(baseUrls.get(node) + "/api/v1/tasks/" + enc(taskId) + "/logs"))
                    .timeout(READ_TIMEOUT)
                    .GET();
            headers.forEach(request::header);
            HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Node {@code node}'s own answer for one job, unchecked (what {@code --trust-node} shows). */
    public JobJson jobFrom(int node, String jobId) throws ApiException {
        try {
            HttpResponse<String> r =
                    send(HttpRequest.newBuilder(URI.create(baseUrls.get(node) + "/api/v1/jobs/" + enc(jobId)))
                            .timeout(READ_TIMEOUT)
                            .GET()
                            .build());
            return parse(r, JobJson.class);
        } catch (IOException e) {
            throw new ApiException(0, "unreachable", baseUrls.get(node) + ": " + describe(e));
        }
    }

    /** Submits a job; returns its id. */
    public String submit(JobSubmission job) throws ApiException {
        byte[] body = toJson(job);
        HttpResponse<String> r = call(
                true,
                url -> HttpRequest.newBuilder(URI.create(url + "/api/v1/jobs"))
                        .timeout(WRITE_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
        JsonNode answer = parse(r, JsonNode.class);
        if (answer == null || !answer.hasNonNull("jobId")) {
            throw new ApiException(r.statusCode(), "bad_answer", "no jobId in " + clip(r.body()));
        }
        return answer.get("jobId").asText();
    }

    /** Asks the cluster to cancel a job. */
    public void cancel(String jobId) throws ApiException {
        HttpResponse<String> r = call(
                true,
                url -> HttpRequest.newBuilder(URI.create(url + "/api/v1/jobs/" + enc(jobId)))
                        .timeout(WRITE_TIMEOUT)
                        .header("Authorization", "Bearer " + token)
                        .DELETE()
                        .build());
        expectSuccess(r);
    }

    /**
     * Asks node {@code voter} to order its vote to lift node {@code target}'s quarantine; returns the
     * scheduler's answer (vote recorded, node readmitted, or why nothing changed). Not retried
     * elsewhere: each vote must come from a distinct node.
     */
    public String readmitVia(int voter, int target) throws ApiException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(baseUrls.get(voter) + "/api/v1/nodes/" + target + "/readmit"))
                .timeout(WRITE_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> r;
        try {
            r = sendFresh(request);
        } catch (IOException e) {
            throw new ApiException(0, "unreachable", baseUrls.get(voter) + ": " + describe(e));
        }
        JsonNode answer = parse(r, JsonNode.class);
        return answer != null && answer.hasNonNull("result")
                ? answer.get("result").asText()
                : "";
    }

    public JobJson job(String jobId) throws ApiException {
        return parse(get("/api/v1/jobs/" + enc(jobId)), JobJson.class);
    }

    public List<JobJson> jobs() throws ApiException {
        HttpResponse<String> r = get("/api/v1/jobs");
        expectSuccess(r);
        try {
            return json.readValue(r.body(), new TypeReference<List<JobJson>>() {});
        } catch (IOException e) {
            throw new ApiException(r.statusCode(), "bad_answer", "cannot parse job list: " + e.getMessage());
        }
    }

    /** A task's log as one node served it: which node, which attempt (when it says) and the text. */
    public record TaskLog(int node, Optional<Integer> attempt, String text) {}

    /** The task's log from whichever node holds it (each node serves only the logs of tasks it ran). */
    public String taskLogs(String taskId) throws ApiException {
        return taskLog(taskId).text();
    }

    /**
     * The task's log from the first node, in id order from the preferred one, that holds it, with the node
     * and attempt.
     */
    public TaskLog taskLog(String taskId) throws ApiException {
        ApiException last = null;
        int first = preferred;
        for (int k = 0; k < baseUrls.size(); k++) {
            int i = (first + k) % baseUrls.size();
            try {
                HttpResponse<String> r = send(
                        HttpRequest.newBuilder(URI.create(baseUrls.get(i) + "/api/v1/tasks/" + enc(taskId) + "/logs"))
                                .timeout(READ_TIMEOUT)
                                .GET()
                                .build());
                if (r.statusCode() == 200) {
                    Optional<Integer> attempt =
                            r.headers().firstValue("X-Bftswarm-Attempt").flatMap(ApiClient::wholeNumber);
                    return new TaskLog(i, attempt, r.body());
                }
                last = error(r);
            } catch (IOException e) {
                last = new ApiException(0, "unreachable", baseUrls.get(i) + ": " + describe(e));
            }
        }
        throw last != null && last.status() != 0
                ? last
                : new ApiException(404, "not_found", "no node holds logs for task " + taskId);
    }

    /** One node's Prometheus text from {@code /metrics}, or empty when that node does not answer. */
    public Optional<String> metrics(int node) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrls.get(node) + "/metrics"))
                    .timeout(Duration.ofSeconds(3))
                    .GET()
                    .build());
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** One node's view of the cluster, or empty when that node does not answer. */
    public Optional<ClusterJson> cluster(int node) {
        return readFrom(node, "/api/v1/cluster", ClusterJson.class);
    }

    /** One node's power, energy and carbon figures, or empty when that node does not answer. */
    public Optional<EnergyJson> energy(int node) {
        return readFrom(node, "/api/v1/energy", EnergyJson.class);
    }

    /** {@code GET path} on one node decoded as {@code type}; empty unless it answers 200 with that shape. */
    private <T> Optional<T> readFrom(int node, String path, Class<T> type) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrls.get(node) + path))
                    .timeout(Duration.ofSeconds(3))
                    .GET()
                    .build());
            return r.statusCode() == 200 ? Optional.of(json.readValue(r.body(), type)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The primary as reported by the first node (in id order) that answers {@code /api/v1/cluster}; empty when none
     * does.
     */
    public OptionalInt primary() {
        for (int node = 0; node < baseUrls.size(); node++) {
            Optional<ClusterJson> view = cluster(node);
            if (view.isPresent()) {
                return OptionalInt.of(view.get().primary());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * One node's {@code /api/v1/nodes} (scheduler state merged with its CRDT view), or empty when it does not answer.
     */
    public Optional<List<NodeJson>> nodes(int node) {
        try {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(baseUrls.get(node) + "/api/v1/nodes"))
                    .timeout(Duration.ofSeconds(3))
                    .GET()
                    .build());
            return r.statusCode() == 200
                    ? Optional.of(List.of(json.readValue(r.body(), NodeJson[].class)))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether node {@code node}'s {@code /healthz} answers 200. */
    public boolean healthy(int node) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrls.get(node) + "/healthz"))
                                    .timeout(Duration.ofSeconds(2))
                                    .GET()
                                    .build())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private HttpResponse<String> get(String path) throws ApiException {
        return call(
                false,
                url -> HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(READ_TIMEOUT)
                        .GET()
                        .build());
    }

    private interface RequestFor {
        HttpRequest at(String baseUrl);
    }

    /** Sends to the preferred node, failing over to the others in id order. */
    private HttpResponse<String> call(boolean write, RequestFor request) throws ApiException {
        StringBuilder failures = new StringBuilder();
        for (int k = 0; k < baseUrls.size(); k++) {
            int node = (preferred + k) % baseUrls.size();
            String url = baseUrls.get(node);
            if (write && !healthy(node)) {
                // down, paused or overloaded: a write there could hang until its timeout and then
                // not be retried, so pick a node that answers its health check now
                failures.append(String.format("%n  %s: /healthz did not answer", url));
                continue;
            }
            try {
                HttpResponse<String> r = write ? sendFresh(request.at(url)) : send(request.at(url));
                if (!write && r.statusCode() >= 500 && k + 1 < baseUrls.size()) {
                    failures.append(String.format("%n  %s: HTTP %d", url, r.statusCode()));
                    continue;
                }
                preferred = node;
                return r;
            } catch (IOException e) {
                boolean notConnected = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                failures.append(String.format("%n  %s: %s", url, describe(e)));
                if (write && !notConnected) {
                    throw new ApiException(
                            0,
                            "unreachable",
                            "request to " + url + " failed after sending (" + describe(e)
                                    + "); not retried elsewhere so the job is not submitted twice — check `./bftswarm jobs`");
                }
            }
        }
        throw new ApiException(
                0,
                "unreachable",
                "no node of the cluster answered:" + failures + System.lineSeparator()
                        + "Is the cluster up? (`./bftswarm status`)");
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Sends on a connection of its own (a new client, so nothing pooled is reused). */
    private HttpResponse<String> sendFresh(HttpRequest request) throws IOException {
        HttpClient fresh = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        try {
            return fresh.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private <T> T parse(HttpResponse<String> r, Class<T> type) throws ApiException {
        expectSuccess(r);
        try {
            return json.readValue(r.body(), type);
        } catch (IOException e) {
            throw new ApiException(
                    r.statusCode(), "bad_answer", "cannot parse " + clip(r.body()) + ": " + e.getMessage());
        }
    }

    private void expectSuccess(HttpResponse<String> r) throws ApiException {
        if (r.statusCode() < 200 || r.statusCode() >= 300) {
            throw error(r);
        }
    }

    private ApiException error(HttpResponse<String> r) {
        try {
            JsonNode body = json.readTree(r.body());
            if (body != null && body.has("error")) {
                return new ApiException(
                        r.statusCode(),
                        body.path("error").asText(),
                        body.path("detail").asText(""));
            }
        } catch (IOException ignored) {
            // not JSON: report the raw text below
        }
        return new ApiException(r.statusCode(), "http_" + r.statusCode(), clip(r.body()));
    }

    private byte[] toJson(Object value) throws ApiException {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new ApiException(0, "encode", e.getMessage());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<Integer> wholeNumber(String s) {
        try {
            return Optional.of(Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    private static String clip(String s) {
        String one = s == null ? "" : s.replaceAll("\\s+", " ");
        return one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }
}
