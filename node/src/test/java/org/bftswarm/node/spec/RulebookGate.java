package org.bftswarm.node.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bftswarm.api.ApiConfig;
import org.bftswarm.api.ApiServer;
import org.bftswarm.api.ClusterEvent;
import org.bftswarm.api.ClusterJson;
import org.bftswarm.api.ClusterPort;
import org.bftswarm.api.JobJson;
import org.bftswarm.api.JobSubmission;
import org.bftswarm.api.NodeJson;
import org.bftswarm.api.OrderedWrite;
import org.bftswarm.api.PortException;
import org.bftswarm.api.Principal;
import org.bftswarm.node.ApiMapping;
import org.bftswarm.orchestrator.spec.JobSpec;

/**
 * The API's submission path without consensus: a real {@link ApiServer} over loopback HTTP whose
 * port admits a job exactly as the node's port does ({@link ApiMapping#admittedSpec}) and records
 * the admitted spec instead of ordering it. Reads are not served.
 */
final class RulebookGate implements ClusterPort, AutoCloseable {
    static final String TOKEN = "rulebook-gate-token";

    final List<JobSpec> admitted = new CopyOnWriteArrayList<>();
    private final AtomicLong nextJob = new AtomicLong(1);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ApiServer server;

    RulebookGate() {
        server = new ApiServer(this, ApiConfig.of("127.0.0.1", 0, TOKEN)).start();
    }

    /** POSTs {@code json} to {@code /api/v1/jobs} with the token. */
    HttpResponse<String> submit(String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/jobs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public CompletableFuture<String> submitJob(JobSubmission spec, Principal principal) {
        try {
            admitted.add(ApiMapping.admittedSpec(spec));
        } catch (PortException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        return CompletableFuture.completedFuture("gate-" + nextJob.getAndIncrement());
    }

    @Override
    public CompletableFuture<OrderedWrite> submitSigned(byte[] signedOperation) {
        return CompletableFuture.failedFuture(PortException.invalidSpec("not supported here"));
    }

    @Override
    public CompletableFuture<String> readmitNode(int nodeId, Principal principal) {
        return CompletableFuture.failedFuture(PortException.notFound("no node " + nodeId));
    }

    @Override
    public CompletableFuture<Void> cancelJob(String jobId, Principal principal) {
        return CompletableFuture.failedFuture(PortException.notFound("no job " + jobId));
    }

    @Override
    public Optional<JobJson> job(String jobId) {
        return Optional.empty();
    }

    @Override
    public List<JobJson> jobs() {
        return List.of();
    }

    @Override
    public List<NodeJson> nodes() {
        return List.of();
    }

    @Override
    public ClusterJson cluster() {
        throw PortException.unavailable("the rulebook gate serves no reads");
    }

    @Override
    public Optional<InputStream> taskLogs(String taskId) {
        return Optional.empty();
    }

    @Override
    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        return () -> {};
    }

    @Override
    public void close() {
        server.stop();
    }
}
