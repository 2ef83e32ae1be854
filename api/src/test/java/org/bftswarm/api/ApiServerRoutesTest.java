package org.bftswarm.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiServerRoutesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = "{\"name\":\"hello\",\"image\":\"bftswarm/busybox\","
            + "\"command\":[\"echo\",\"hi\"],\"env\":{\"B\":\"2\",\"A\":\"1\"},\"count\":2}";

    private final FakeClusterPort port = new FakeClusterPort();
    private ApiServer server;
    private ApiTestClient client;

    @BeforeAll
    void startServer() {
        ApiConfig config = ApiConfig.of("127.0.0.1", 0, ApiTestClient.TOKEN).withWriteTimeout(Duration.ofMillis(400));
        server = new ApiServer(port, config).start();
        client = new ApiTestClient(server);
    }

    @AfterAll
    void stopServer() {
        server.stop();
    }

    @BeforeEach
    void resetFake() {
        port.jobs.clear();
        port.logs.clear();
        port.submitted.clear();
        port.cancelled.clear();
        port.signed.clear();
        port.readmitted.clear();
        port.submitAnswer = null;
        port.cancelAnswer = null;
        port.readFailure = null;
    }

    @Test
    void submitWithTokenAnswers202WithJobIdAndHandsThePortTheSpecAsSent() throws Exception {
        HttpResponse<String> r = client.post("/api/v1/jobs", SPEC, ApiTestClient.TOKEN);

        assertThat(r.statusCode()).isEqualTo(202);
        String jobId = JSON.readTree(r.body()).get("jobId").asText();
        assertThat(port.jobs).containsKey(jobId);
        JobSubmission seen = port.submitted.get(0);
        assertThat(seen.command()).containsExactly("echo", "hi");
        assertThat(seen.env()).containsOnlyKeys("A", "B");
        assertThat(seen.count()).isEqualTo(2);
        assertThat(seen.cpus())
                .as("defaults are the port's rulebook, not the API's")
                .isNull();
        assertThat(seen.timeoutSeconds()).isNull();
    }

    @Test
    void aSignedOperationIsAnsweredWithItsResultAndTheReplicasSignedReplyCertificates() throws Exception {
        HttpResponse<String> r = client.post("/api/v1/operations", "{\"signed\":true}", null);

        assertThat(r.statusCode()).isEqualTo(202);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("jobId").asText()).isEqualTo("job-signed");
        assertThat(body.get("result").asText()).isEqualTo("AQI=");
        JsonNode reply = body.get("replies").get(0);
        assertThat(reply.get("replica").asInt()).isZero();
        assertThat(reply.get("sequence").asLong()).isEqualTo(3);
        assertThat(reply.get("resultDigest").asText()).isEqualTo("ab");
        assertThat(reply.get("signature").asText()).isEqualTo("cd");
        assertThat(port.signed).containsExactly("{\"signed\":true}");
    }

    @Test
    void submitWithoutOrWithWrongTokenIs401AndThePortSeesNothing() throws Exception {
        HttpResponse<String> none = client.post("/api/v1/jobs", SPEC, null);
        HttpResponse<String> wrong = client.post("/api/v1/jobs", SPEC, "not-the-token");
        HttpResponse<String> prefix = client.post("/api/v1/jobs", SPEC, ApiTestClient.TOKEN.substring(0, 5));

        for (HttpResponse<String> r : List.of(none, wrong, prefix)) {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(error(r)).isEqualTo("unauthorized");
            assertThat(r.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        assertThat(port.submitted).isEmpty();
    }

    @Test
    void malformedJsonIs400WithJsonErrorNotA500() throws Exception {
        for (String body : List.of("{\"image\":", "not json", "{\"image\":\"x\"} trailing", "[1,2]", "null", "")) {
            HttpResponse<String> r = client.post("/api/v1/jobs", body, ApiTestClient.TOKEN);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(error(r)).as(body).isEqualTo("bad_request");
            assertThat(detail(r)).as(body).isNotBlank();
        }
        assertThat(port.submitted).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"image\":\"x\",\"cpus\":\"two\"}|cpus",
                "{\"image\":\"x\",\"count\":\"3\"}|count",
                "{\"image\":\"x\",\"count\":1.5}|count",
                "{\"image\":5}|image",
                "{\"image\":\"x\",\"command\":\"echo hi\"}|command",
                "{\"image\":\"x\",\"env\":{\"A\":1}}|env",
                "{\"image\":\"x\",\"retries\":true}|retries"
            })
    void wrongTypeIs400NamingTheField(String body, String field) throws Exception {
        HttpResponse<String> r = client.post("/api/v1/jobs", body, ApiTestClient.TOKEN);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r)).isEqualTo("bad_request");
        assertThat(detail(r)).contains(field);
        assertThat(detail(r)).doesNotContainPattern("ArrayList|LinkedHashMap|Map|Integer|Long|Double|String|Boolean");
        assertThat(port.submitted).isEmpty();
    }

    @Test
    void wrongTypeNamesTheJsonTypeExpected() throws Exception {
        HttpResponse<String> command =
                client.post("/api/v1/jobs", "{\"image\":\"x\",\"command\":\"echo hi\"}", ApiTestClient.TOKEN);
        HttpResponse<String> count =
                client.post("/api/v1/jobs", "{\"image\":\"x\",\"count\":1.5}", ApiTestClient.TOKEN);
        HttpResponse<String> env = client.post("/api/v1/jobs", "{\"image\":\"x\",\"env\":[]}", ApiTestClient.TOKEN);
        HttpResponse<String> huge =
                client.post("/api/v1/jobs", "{\"image\":\"x\",\"timeoutSeconds\":99999999999}", ApiTestClient.TOKEN);

        assertThat(detail(command)).contains("field 'command': expected array at");
        assertThat(detail(count)).contains("field 'count': expected whole number at");
        assertThat(detail(env)).contains("field 'env': expected object at");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(detail(huge)).contains("field 'timeoutSeconds'");
    }

    @Test
    void unknownOrDuplicateFieldIs400NamingIt() throws Exception {
        HttpResponse<String> unknown =
                client.post("/api/v1/jobs", "{\"image\":\"x\",\"imagee\":\"y\"}", ApiTestClient.TOKEN);
        HttpResponse<String> duplicate =
                client.post("/api/v1/jobs", "{\"image\":\"x\",\"image\":\"y\"}", ApiTestClient.TOKEN);

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(detail(unknown)).contains("unknown field 'imagee'");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(detail(duplicate)).contains("image");
        assertThat(port.submitted).isEmpty();
    }

    @Test
    void hostAccessFieldsAre400NamingTheFieldAndSayingWhy() throws Exception {
        for (String field : List.of(
                "\"privileged\":true",
                "\"devices\":[\"/dev/sda\"]",
                "\"mounts\":[]",
                "\"binds\":[\"/:/host\"]",
                "\"capAdd\":[\"SYS_ADMIN\"]",
                "\"cap_add\":[\"NET_ADMIN\"]",
                "\"pidMode\":\"host\"",
                "\"networkMode\":\"host\"",
                "\"ipcMode\":\"host\"")) {
            String name = field.substring(1, field.indexOf('"', 1));
            HttpResponse<String> r =
                    client.post("/api/v1/jobs", "{\"image\":\"x\"," + field + "}", ApiTestClient.TOKEN);
            assertThat(r.statusCode()).as(field).isEqualTo(400);
            assertThat(detail(r))
                    .as(field)
                    .startsWith(name + ": refused: ")
                    .contains("cannot ask for privileged mode, host namespaces, devices or mounts");
        }
        assertThat(port.submitted).isEmpty();
    }

    @Test
    void theHardeningOptionsReachThePortAsSent() throws Exception {
        HttpResponse<String> r = client.post(
                "/api/v1/jobs",
                "{\"image\":\"i\",\"pids\":64,\"user\":\"1000:1000\",\"readOnlyRootfs\":true}",
                ApiTestClient.TOKEN);
        assertThat(r.statusCode()).isEqualTo(202);
        JobSubmission got = port.submitted.get(0);
        assertThat(got.pids()).isEqualTo(64);
        assertThat(got.user()).isEqualTo("1000:1000");
        assertThat(got.readOnlyRootfs()).isTrue();
        HttpResponse<String> wrongType =
                client.post("/api/v1/jobs", "{\"image\":\"i\",\"readOnlyRootfs\":\"yes\"}", ApiTestClient.TOKEN);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(detail(wrongType)).contains("field 'readOnlyRootfs'");
    }

    @Test
    void everySpecFieldCanBeSentAndReachesThePort() throws Exception {
        String all = "{\"name\":\"n\",\"image\":\"i\",\"command\":[\"true\"],\"env\":{\"A\":\"1\"},"
                + "\"cpus\":0.5,\"memoryMb\":32,\"timeoutSeconds\":9,\"retries\":1,\"backoffSeconds\":3,"
                + "\"count\":2,\"constraints\":{\"zone\":\"a\"},\"network\":\"bridge\"}";

        HttpResponse<String> r = client.post("/api/v1/jobs", all, ApiTestClient.TOKEN);

        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(port.submitted)
                .containsExactly(new JobSubmission(
                        "n",
                        "i",
                        List.of("true"),
                        Map.of("A", "1"),
                        0.5,
                        32L,
                        9,
                        1,
                        3,
                        2,
                        Map.of("zone", "a"),
                        "bridge",
                        null));
    }

    @Test
    void bodyOverTheLimitIs413WhetherDeclaredOrChunked() throws Exception {
        String big = "{\"image\":\"x\",\"name\":\"" + "a".repeat(ApiConfig.DEFAULT_MAX_BODY_BYTES + 10) + "\"}";
        HttpResponse<String> declared = client.post("/api/v1/jobs", big, ApiTestClient.TOKEN);
        HttpResponse<String> chunked = client.send(HttpRequest.newBuilder(URI.create(client.base + "/api/v1/jobs"))
                .header("Authorization", "Bearer " + ApiTestClient.TOKEN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));

        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(error(declared)).isEqualTo("payload_too_large");
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(port.submitted).isEmpty();
    }

    @Test
    void portFailuresMapTo400And503AndUnexpectedOnesTo500WithCorrelationId() throws Exception {
        port.submitAnswer = () -> CompletableFuture.failedFuture(PortException.invalidSpec("no node has 64 cpus"));
        HttpResponse<String> rejected = client.post("/api/v1/jobs", SPEC, ApiTestClient.TOKEN);
        port.submitAnswer = () -> CompletableFuture.failedFuture(PortException.unavailable("view change in progress"));
        HttpResponse<String> unavailable = client.post("/api/v1/jobs", SPEC, ApiTestClient.TOKEN);
        port.submitAnswer = CompletableFuture::new;
        HttpResponse<String> neverOrdered = client.post("/api/v1/jobs", SPEC, ApiTestClient.TOKEN);
        port.submitAnswer = () -> CompletableFuture.failedFuture(new IllegalStateException("bug"));
        HttpResponse<String> bug = client.post("/api/v1/jobs", SPEC, ApiTestClient.TOKEN);

        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(detail(rejected)).isEqualTo("no node has 64 cpus");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(error(unavailable)).isEqualTo("unavailable");
        assertThat(neverOrdered.statusCode()).isEqualTo(503);
        assertThat(bug.statusCode()).isEqualTo(500);
        assertThat(error(bug)).isEqualTo("internal");
        assertThat(detail(bug)).matches("internal error; correlation id [0-9a-f-]{36}");
    }

    @ParameterizedTest
    @CsvSource({"PENDING,202", "RUNNING,202", "PARTIAL,206", "COMPLETE,200", "FAILED,200", "CANCELLED,200"})
    void jobStatusSelectsTheHttpCode(JobStatusJson status, int expected) throws Exception {
        TaskJson task = new TaskJson("job-7/0", 2, "SUCCEEDED", 1, 0, "hi\n", List.of(), List.of(), null);
        port.jobs.put("job-7", new JobJson("job-7", "hello", status, List.of(task), 10L, null, null));

        HttpResponse<String> r = client.get("/api/v1/jobs/job-7");

        assertThat(r.statusCode()).isEqualTo(expected);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("id").asText()).isEqualTo("job-7");
        assertThat(body.get("status").asText()).isEqualTo(status.name());
        JsonNode t = body.get("tasks").get(0);
        assertThat(t.get("node").asInt()).isEqualTo(2);
        assertThat(t.get("attempt").asInt()).isEqualTo(1);
        assertThat(t.get("exitCode").asInt()).isZero();
        assertThat(t.get("output").asText()).isEqualTo("hi\n");
    }

    @Test
    void unknownJobIs404Json() throws Exception {
        HttpResponse<String> r = client.get("/api/v1/jobs/nope");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(error(r)).isEqualTo("not_found");
        assertThat(detail(r)).contains("nope");
    }

    @Test
    void jobsListsEveryJob() throws Exception {
        port.jobs.put("a", new JobJson("a", "n", JobStatusJson.RUNNING, List.of(), 1L, null, null));
        port.jobs.put("b", new JobJson("b", "n", JobStatusJson.COMPLETE, List.of(), 1L, 2L, null));

        HttpResponse<String> r = client.get("/api/v1/jobs");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).findValuesAsText("id")).containsExactly("a", "b");
    }

    @Test
    void cancelNeedsTheTokenAnswers202ForAKnownJobAnd404ForAnUnknownOne() throws Exception {
        port.jobs.put("job-1", new JobJson("job-1", "n", JobStatusJson.RUNNING, List.of(), 1L, null, null));

        HttpResponse<String> noToken = client.delete("/api/v1/jobs/job-1", null);
        HttpResponse<String> ok = client.delete("/api/v1/jobs/job-1", ApiTestClient.TOKEN);
        HttpResponse<String> unknown = client.delete("/api/v1/jobs/job-9", ApiTestClient.TOKEN);

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(ok.body()).get("jobId").asText()).isEqualTo("job-1");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown)).isEqualTo("not_found");
        assertThat(port.cancelled).containsExactly("job-1");
    }

    @Test
    void readmitNeedsTheTokenAndAWholeNumberNodeIdAndAnswersTheVote() throws Exception {
        HttpResponse<String> noToken = client.post("/api/v1/nodes/3/readmit", "", null);
        HttpResponse<String> notANumber = client.post("/api/v1/nodes/three/readmit", "", ApiTestClient.TOKEN);
        HttpResponse<String> ok = client.post("/api/v1/nodes/3/readmit", "", ApiTestClient.TOKEN);

        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notANumber.body()).get("detail").asText()).contains("node id");
        assertThat(ok.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(ok.body()).get("result").asText()).contains("1 of 2 votes");
        assertThat(port.readmitted).containsExactly(3);
    }

    @Test
    void taskLogsAreServedAsPlainTextAnd404WhenAbsent() throws Exception {
        port.logs.put("job-1/0", "line 1\nline 2\n");

        HttpResponse<String> r = client.get("/api/v1/tasks/job-1%2F0/logs");
        HttpResponse<String> missing = client.get("/api/v1/tasks/none/logs");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(r.body()).isEqualTo("line 1\nline 2\n");
        assertThat(r.headers().firstValue("X-Bftswarm-Attempt")).hasValue("2");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing)).isEqualTo("not_found");
    }

    @Test
    void nodesAndClusterAndHealthzAnswerFromThePort() throws Exception {
        port.nodes = List.of(new NodeJson(
                0,
                "UP",
                "http://127.0.0.1:8080",
                new Resources(2, 2048),
                new Resources(0.5, 128),
                Map.of("tasksRun", 3L),
                0,
                0,
                false));

        HttpResponse<String> nodes = client.get("/api/v1/nodes");
        HttpResponse<String> cluster = client.get("/api/v1/cluster");
        HttpResponse<String> health = client.get("/healthz");

        assertThat(nodes.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(nodes.body())
                        .get(0)
                        .get("capacity")
                        .get("memoryMb")
                        .asLong())
                .isEqualTo(2048);
        assertThat(cluster.statusCode()).isEqualTo(200);
        JsonNode c = JSON.readTree(cluster.body());
        assertThat(c.get("n").asInt()).isEqualTo(4);
        assertThat(c.get("f").asInt()).isEqualTo(1);
        assertThat(c.get("primary").asInt()).isEqualTo(3);
        assertThat(c.get("lastExecuted").asLong()).isEqualTo(120);
        assertThat(c.get("stableCheckpoint").asLong()).isEqualTo(100);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("ok");
    }

    @Test
    void readsOnAnUnavailablePortAre503AndOnABrokenPortAre500() throws Exception {
        port.readFailure = PortException.unavailable("replica is recovering");
        HttpResponse<String> unavailable = client.get("/healthz");
        port.readFailure = new NullPointerException("bug");
        HttpResponse<String> broken = client.get("/api/v1/nodes");

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(detail(unavailable)).isEqualTo("replica is recovering");
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(detail(broken)).startsWith("internal error; correlation id");
    }

    @Test
    void unknownRouteIs404JsonAndWrongMethodIs405Json() throws Exception {
        HttpResponse<String> unknown = client.get("/api/v1/nothing-here");
        HttpResponse<String> wrongMethod = client.method("PUT", "/api/v1/jobs");
        HttpResponse<String> wrongMethod2 = client.method("PATCH", "/api/v1/cluster");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown)).isEqualTo("not_found");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(error(wrongMethod)).isEqualTo("method_not_allowed");
        assertThat(wrongMethod2.statusCode()).isEqualTo(405);
    }

    private static String error(HttpResponse<String> r) throws Exception {
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).contains("json"));
        return JSON.readTree(r.body()).get("error").asText();
    }

    private static String detail(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("detail").asText();
    }
}
