package org.bftswarm.tests.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.bftswarm.api.JobJson;
import org.bftswarm.deploy.cli.CliRun;
import org.bftswarm.deploy.launcher.ApiTokenFile;
import org.bftswarm.tests.support.RealCluster;

/**
 * The HTTP API of one live node process (node 0 of a real 4-node cluster), fuzzed: generated requests
 * ({@link FuzzedRequests}) never get a 5xx, the node answers its health check after each, and afterwards
 * the ordered jobs are exactly the ones whose submission was answered 202, so no malformed request was
 * ordered. A failing run prints jqwik's seed; {@code @Property(seed = …)} replays it.
 */
@Tag("docker")
class ApiFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static FuzzCluster cluster;
    private static String baseUrl;
    private static String token;
    private static final Set<String> ACCEPTED = new TreeSet<>();
    private static final AtomicInteger SENT = new AtomicInteger();
    private static int jobsBefore;

    /** A 4-node cluster in ports of its own; every request goes to node 0's process. */
    static final class FuzzCluster extends RealCluster {
        FuzzCluster(Path dir) throws IOException {
            super(dir, "API fuzz tests", "fuzz", new PortBases(18300, 19300, 23000), List.of());
        }
    }

    @BeforeContainer
    static void up() throws Exception {
        cluster = new FuzzCluster(Files.createTempDirectory("bftswarm-fuzz"));
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
        baseUrl = cluster.target().apiUrls().get(0);
        token = ApiTokenFile.read(cluster.target().layout().tokenFile());
        jobsBefore = cluster.api().prefer(0).jobs().size();
    }

    @AfterContainer
    static void nothingMalformedWasOrderedAndTheNodeLives() throws Exception {
        try {
            assertThat(SENT.get()).as("requests sent").isPositive();
            assertThat(health()).as("node answers /healthz after the fuzzing").isEqualTo(200);
            List<JobJson> jobs = cluster.api().prefer(0).jobs();
            Set<String> ordered = new TreeSet<>();
            jobs.forEach(j -> ordered.add(j.id()));
            assertThat(jobs).as("no job is listed twice").hasSize(ordered.size());
            assertThat(ordered)
                    .as("the ordered jobs are exactly the %d submissions answered 202", ACCEPTED.size())
                    .isEqualTo(ACCEPTED);
            assertThat(jobs.size()).isEqualTo(jobsBefore + ACCEPTED.size());
            System.out.printf("fuzzed %d requests; %d accepted and ordered%n", SENT.get(), ACCEPTED.size());
        } finally {
            cluster.cli("down");
        }
    }

    @Provide
    Arbitrary<FuzzedRequests.Request> requests() {
        return FuzzedRequests.requests();
    }

    @Property(tries = 400)
    void aGeneratedRequestNeverGetsA5xxAndTheNodeStaysUp(@ForAll("requests") FuzzedRequests.Request request)
            throws Exception {
        SENT.incrementAndGet();
        int status;
        String answer;
        try {
            HttpResponse<String> r = send(request);
            status = r.statusCode();
            answer = r.body();
        } catch (IOException e) {
            // The server may answer a request it refuses on its head alone (a NUL in the path, say) and
            // close the connection while the body is still being sent, which the JDK client reports as a
            // failure without the answer; the same bytes over a plain socket show what it answered.
            RawHttp.Answer raw = RawHttp.send(URI.create(baseUrl), request, token);
            status = raw.status();
            answer = raw.body();
        }
        assertThat(status).as("%s answered %s", request, answer).isLessThan(500);
        if (status == 202 && request.method().equals("POST") && isSubmission(request.path())) {
            JsonNode body = JSON.readTree(answer);
            assertThat(body.has("jobId")).as(answer).isTrue();
            synchronized (ACCEPTED) {
                ACCEPTED.add(body.get("jobId").asText());
            }
        }
        assertThat(health()).as("node answers /healthz after %s", request).isEqualTo(200);
    }

    private static boolean isSubmission(String path) {
        return path.equals("/api/v1/jobs") || path.equals("/api/v1/operations");
    }

    private static HttpResponse<String> send(FuzzedRequests.Request request) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + request.path())).timeout(Duration.ofSeconds(30));
        switch (request.token()) {
            case VALID -> b.header("Authorization", "Bearer " + token);
            case GARBAGE -> b.header("Authorization", "Bearer ~~not-a-token~~\u00e9");
            case VALID_WITH_SUFFIX -> b.header("Authorization", "Bearer " + token + "x");
            case NOT_BEARER -> b.header("Authorization", "Basic " + token);
            case NONE -> {}
        }
        if (request.body() != null) {
            b.header("Content-Type", "application/json");
        }
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        return HTTP.send(b.method(request.method(), body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int health() throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/healthz"))
                                .timeout(Duration.ofSeconds(10))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
