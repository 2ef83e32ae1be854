package org.bftswarm.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bftswarm.worker.AttemptKey;
import org.bftswarm.worker.agent.FakeResultsExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents the attack quorum verification exists to stop (DESIGN "Security model": {@code none}
 * trusts the one node that ran the task): four real {@link NodeRuntime}s, node {@value #LIAR}
 * showing {@link NodeFault#FAKE_RESULTS}. Its tasks complete SUCCEEDED with the output it made up,
 * and the honest nodes' tasks with the real output, and every replica agrees on both.
 */
class FakeResultsTrustedUnderVerificationNoneTest {
    private static final int LIAR = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theLiarsTasksCompleteWithItsInventedOutputWhenOneNodeIsTrusted(@TempDir Path data) throws Exception {
        try (TestCluster cluster = new TestCluster(data, 4).start(Map.of(LIAR, NodeFault.FAKE_RESULTS))) {
            String body = "{\"image\":\"bftswarm/busybox\",\"command\":[\"echo\",\"honest\"],\"count\":8}";
            HttpResponse<String> r = post(cluster.url(0) + "/api/v1/jobs", body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
            String id = JSON.readTree(r.body()).get("jobId").asText();

            JsonNode job = awaitFinal(cluster.url(2), id);
            assertThat(job.get("status").asText()).isEqualTo("COMPLETE");
            int faked = 0;
            for (JsonNode t : job.get("tasks")) {
                assertThat(t.get("state").asText()).isEqualTo("SUCCEEDED");
                assertThat(t.get("exitCode").asInt()).isZero();
                if (t.get("node").asInt() == LIAR) {
                    faked++;
                    AttemptKey key = new AttemptKey(
                            t.get("id").asText(), t.get("attempt").asInt());
                    assertThat(t.get("output").asText()).isEqualTo(FakeResultsExecutor.inventedOutput(key, LIAR));
                    assertThat(FakeTaskExecutor.LAUNCHES)
                            .as("%s was never run", key)
                            .doesNotContainKey(key);
                } else {
                    assertThat(t.get("output").asText()).isEqualTo("honest\n");
                }
            }
            assertThat(faked).as("tasks placed on the liar").isPositive();
            for (int node = 0; node < 4; node++) {
                assertThat(awaitFinal(cluster.url(node), id).get("tasks")).isEqualTo(job.get("tasks"));
            }
        }
    }

    private JsonNode awaitFinal(String base, String id) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        HttpResponse<String> r;
        do {
            r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/" + id))
                    .GET());
            if (r.statusCode() == 200) {
                return JSON.readTree(r.body());
            }
            Thread.sleep(50);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("job " + id + " not final in 30 s: " + r.statusCode() + " " + r.body());
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TestCluster.TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
