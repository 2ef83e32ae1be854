package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four {@link NodeRuntime}s in one JVM (real PBFT over loopback TCP, real scheduler, real HTTP API,
 * fake task executor): jobs submitted through any node's API are ordered, run on the nodes the
 * scheduler picks, and read back complete with their outputs from every node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeClusterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private TestCluster cluster;

    @BeforeAll
    void startCluster(@TempDir Path data) throws Exception {
        cluster = new TestCluster(data, 4).start();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void jobsSubmittedThroughAnyNodeCompleteWithTheirOutputsOnEveryNode() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            String body = "{\"image\":\"bftswarm/busybox\",\"command\":[\"echo\",\"hello-" + j + "\"],\"count\":2}";
            HttpResponse<String> r = post(cluster.url(j % 4) + "/api/v1/jobs", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            ids.add(JSON.readTree(r.body()).get("jobId").asText());
        }
        for (int j = 0; j < ids.size(); j++) {
            JsonNode job = awaitFinal(cluster.url((j + 1) % 4), ids.get(j));
            assertThat(job.get("status").asText()).isEqualTo("COMPLETE");
            assertThat(job.get("tasks")).hasSize(2);
            for (JsonNode t : job.get("tasks")) {
                assertThat(t.get("exitCode").asInt()).isZero();
                assertThat(t.get("output").asText()).isEqualTo("hello-" + j + "\n");
                assertThat(t.get("state").asText()).isEqualTo("SUCCEEDED");
            }
            for (int node = 0; node < 4; node++) {
                // every replica executes the same operations, so each one (possibly a little later) agrees
                JsonNode same = awaitFinal(cluster.url(node), ids.get(j));
                assertThat(same.get("tasks")).isEqualTo(job.get("tasks"));
            }
        }
        assertThat(FakeTaskExecutor.LAUNCHES.values())
                .allSatisfy(c -> assertThat(c.get()).isEqualTo(1));
    }

    @Test
    void aFailingTaskEndsTheJobFailedWithItsExitCode() throws Exception {
        HttpResponse<String> r =
                post(cluster.url(2) + "/api/v1/jobs", "{\"image\":\"bftswarm/busybox\",\"command\":[\"fail\",\"3\"]}");
        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode job =
                awaitFinal(cluster.url(0), JSON.readTree(r.body()).get("jobId").asText());
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("tasks").get(0).get("exitCode").asInt()).isEqualTo(3);
    }

    @Test
    void cancellingARunningJobKillsItsTaskAndEndsItCancelled() throws Exception {
        int killsBefore = FakeTaskExecutor.KILLS.get();
        HttpResponse<String> r = post(
                cluster.url(1) + "/api/v1/jobs", "{\"image\":\"bftswarm/busybox\",\"command\":[\"sleep\",\"60\"]}");
        String id = JSON.readTree(r.body()).get("jobId").asText();
        awaitTaskState(cluster.url(1), id, "RUNNING");
        HttpResponse<String> cancel = send(HttpRequest.newBuilder(URI.create(cluster.url(1) + "/api/v1/jobs/" + id))
                .header("Authorization", "Bearer " + TestCluster.TOKEN)
                .DELETE());
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(202);
        JsonNode job = awaitFinal(cluster.url(3), id);
        assertThat(job.get("status").asText()).isEqualTo("CANCELLED");
        long deadline = System.currentTimeMillis() + 10_000;
        while (FakeTaskExecutor.KILLS.get() == killsBefore && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(FakeTaskExecutor.KILLS.get()).isGreaterThan(killsBefore);
    }

    @Test
    void writesWithoutTheTokenAreRefusedAndBadSpecsAreBadRequests() throws Exception {
        HttpResponse<String> noToken = send(HttpRequest.newBuilder(URI.create(cluster.url(0) + "/api/v1/jobs"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"image\":\"x\",\"command\":[\"echo\"]}")));
        assertThat(noToken.statusCode()).isEqualTo(401);
        HttpResponse<String> bad = post(cluster.url(0) + "/api/v1/jobs", "{\"image\":\"x\",\"count\":0}");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    @Test
    void clusterNodesLogsAndMetricsEndpointsReflectTheRunningCluster() throws Exception {
        JsonNode c = JSON.readTree(get(cluster.url(3) + "/api/v1/cluster").body());
        assertThat(c.get("n").asInt()).isEqualTo(4);
        assertThat(c.get("f").asInt()).isEqualTo(1);
        assertThat(c.get("nodeId").asInt()).isEqualTo(3);
        assertThat(c.get("lastExecuted").asLong()).isPositive();
        JsonNode nodes = JSON.readTree(get(cluster.url(0) + "/api/v1/nodes").body());
        assertThat(nodes).hasSize(4);
        for (JsonNode node : nodes) {
            assertThat(node.get("state").asText()).isEqualTo("UP");
            assertThat(node.get("capacity").get("cpus").asDouble()).isEqualTo(4.0);
        }
        HttpResponse<String> r = post(
                cluster.url(0) + "/api/v1/jobs", "{\"image\":\"bftswarm/busybox\",\"command\":[\"echo\",\"logged\"]}");
        JsonNode job =
                awaitFinal(cluster.url(0), JSON.readTree(r.body()).get("jobId").asText());
        JsonNode task = job.get("tasks").get(0);
        HttpResponse<String> logs = get(cluster.url(task.get("node").asInt()) + "/api/v1/tasks/"
                + task.get("id").asText() + "/logs");
        assertThat(logs.statusCode()).isEqualTo(200);
        assertThat(logs.body()).isEqualTo("logged\n");
        String metrics = get(cluster.url(1) + "/metrics").body();
        assertThat(metrics).contains("bftswarm_consensus_log_commits").contains("bftswarm_node_running_tasks");
    }

    @Test
    void theEventStreamReportsTheJobAndItsTasksInOrder() throws Exception {
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = subscribe(cluster.url(2).replace("http:", "ws:") + "/api/v1/events", received);
        try {
            HttpResponse<String> r = post(
                    cluster.url(0) + "/api/v1/jobs",
                    "{\"image\":\"bftswarm/busybox\",\"command\":[\"echo\",\"evented\"]}");
            String id = JSON.readTree(r.body()).get("jobId").asText();
            List<String> states = new ArrayList<>();
            long last = -1;
            long deadline = System.currentTimeMillis() + 20_000;
            while (!states.contains("task SUCCEEDED") && System.currentTimeMillis() < deadline) {
                String text = received.poll(200, TimeUnit.MILLISECONDS);
                if (text != null) {
                    JsonNode e = JSON.readTree(text);
                    assertThat(e.get("sequence").asLong()).isGreaterThan(last);
                    last = e.get("sequence").asLong();
                    if (e.get("id").asText().startsWith(id)) {
                        states.add(e.get("kind").asText() + " "
                                + e.get("payload").get("state").asText());
                    }
                }
            }
            assertThat(states).contains("task RUNNING", "task SUCCEEDED");
            assertThat(states.indexOf("task RUNNING")).isLessThan(states.indexOf("task SUCCEEDED"));
        } finally {
            ws.abort();
        }
    }

    @Test
    void eachNodeAlsoServesTheEventStreamOnItsOwnWsPort() throws Exception {
        int node = 3;
        int wsPort = cluster.config.nodes().get(node).wsPort();
        assertThat(wsPort).isNotEqualTo(cluster.config.nodes().get(node).httpPort());
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = subscribe("ws://127.0.0.1:" + wsPort + "/api/v1/events", received);
        try {
            HttpResponse<String> r = post(
                    cluster.url(1) + "/api/v1/jobs",
                    "{\"image\":\"bftswarm/busybox\",\"command\":[\"echo\",\"on-ws-port\"]}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            String id = JSON.readTree(r.body()).get("jobId").asText();
            long deadline = System.currentTimeMillis() + 20_000;
            boolean seen = false;
            while (!seen && System.currentTimeMillis() < deadline) {
                String text = received.poll(200, TimeUnit.MILLISECONDS);
                seen = text != null && JSON.readTree(text).get("id").asText().startsWith(id);
            }
            assertThat(seen)
                    .as("an event of job %s on ws port %d of node %d", id, wsPort, node)
                    .isTrue();
        } finally {
            ws.abort();
        }
    }

    /** A WebSocket to {@code url} whose text messages (whole, as the server sends events) land in {@code received}. */
    private WebSocket subscribe(String url, LinkedBlockingQueue<String> received) throws Exception {
        return http.newWebSocketBuilder()
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                        received.add(data.toString());
                        w.request(1);
                        return null;
                    }
                })
                .get(10, TimeUnit.SECONDS);
    }

    private JsonNode awaitFinal(String base, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        HttpResponse<String> r;
        do {
            r = get(base + "/api/v1/jobs/" + id);
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body());
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("job " + id + " not final in 20 s: " + r.statusCode() + " " + r.body());
    }

    private void awaitTaskState(String base, String id, String state) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        AtomicInteger polls = new AtomicInteger();
        while (System.currentTimeMillis() < deadline) {
            polls.incrementAndGet();
            HttpResponse<String> r = get(base + "/api/v1/jobs/" + id);
            if (r.statusCode() != 404
                    && state.equals(JSON.readTree(r.body())
                            .get("tasks")
                            .get(0)
                            .get("state")
                            .asText())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("task of " + id + " never " + state + " after " + polls + " polls");
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestCluster.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
