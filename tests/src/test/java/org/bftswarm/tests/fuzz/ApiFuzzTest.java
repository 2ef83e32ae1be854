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
 * The HTTP API of one live node process, fuzzed: generated requests ({@link FuzzedRequests}) never get
 * a 5xx, the node answers its health check after each, and afterwards the ordered jobs are exactly the
 * ones whose submission was answered 202, so no malformed request was ordered. A failing run prints
 * jqwik's seed; {@code -Djqwik.seeds.whenfixed}/{@code @Property(seed = …)} replays it.
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

    /** A single-node cluster (n = 1, so every accepted submission is ordered at once) in ports of its own. */
    static final class FuzzCluster extends RealCluster {
        FuzzCluster(Path dir) throws IOException {
            super(dir, "API fuzz tests", "fuzz", new PortBases(18300, 19300, 23000), List.of(), 1);
        }
    }

    @BeforeContainer
    static void up() throws Exception {
        cluster = new FuzzCluster(Files.createTempDirectory("bftswarm-fuzz"));
        CliRun up = cluster.cli("up", "--skip-docker-check", "--timeout", "150");
        assertThat(up.exitCode()).as("up: %s", up.all()).isZero();
        baseUrl = cluster.target().apiUrls().get(0);
        token = ApiTokenFile.read(cluster.target().layout().tokenFile());
        jobsBefore = cluster.api().jobs().size();
    }

    @AfterContainer
    static void nothingMalformedWasOrderedAndTheNodeLives() throws Exception {
        try {
            assertThat(SENT.get()).as("requests sent").isPositive();
            assertThat(health()).as("node answers /healthz after the fuzzing").isEqualTo(200);
            List<JobJson> jobs = cluster.api().jobs();
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
        HttpResponse<String> r = send(request);
        assertThat(r.statusCode()).as("%s answered %s", request, r.body()).isLessThan(500);
        if (r.statusCode() == 202 && request.method().equals("POST") && isSubmission(request.path())) {
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.has("jobId")).as(r.body()).isTrue();
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
