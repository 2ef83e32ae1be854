package org.bftswarm.api;

import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The HTTP handlers of {@link ApiServer}: each turns one request into one
 * {@link ClusterPort} call and its answer into a status code and JSON. Writes are checked for the
 * bearer token and a bounded, strictly decoded body before the port sees anything; failures are
 * thrown as {@link ApiProblem}/{@link PortException} and rendered by {@link ErrorRendering}. A job
 * spec is passed on as sent: its rules are the port's.
 */
final class ApiRoutes {
    /** Response header naming the attempt a served task log belongs to. */
    static final String ATTEMPT_HEADER = "X-Bftswarm-Attempt";

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final ClusterPort port;
    private final ApiConfig config;
    private final BearerAuth auth;
    private final StrictJson json;
    private final PrometheusMeterRegistry registry;
    private final ErrorRendering errors;

    ApiRoutes(
            ClusterPort port,
            ApiConfig config,
            StrictJson json,
            PrometheusMeterRegistry registry,
            ErrorRendering errors) {
        this.port = port;
        this.config = config;
        this.auth = new BearerAuth(config.token());
        this.json = json;
        this.registry = registry;
        this.errors = errors;
    }

    void submitJob(Context ctx) {
        Principal who = authenticate(ctx);
        byte[] body = BoundedBody.read(inputOf(ctx), ctx.req().getContentLengthLong(), config.maxBodyBytes());
        JobSubmission spec = json.decode(body, JobSubmission.class);
        CompletableFuture<String> ordered =
                Objects.requireNonNull(port.submitJob(spec, who), "ClusterPort.submitJob returned null");
        answerWhenOrdered(ctx, ordered, jobId -> Map.of("jobId", jobId));
    }

    void submitSigned(Context ctx) {
        byte[] body = BoundedBody.read(inputOf(ctx), ctx.req().getContentLengthLong(), config.maxBodyBytes());
        CompletableFuture<OrderedWrite> ordered =
                Objects.requireNonNull(port.submitSigned(body), "ClusterPort.submitSigned returned null");
        answerWhenOrdered(ctx, ordered, write -> write);
    }

    void cancelJob(Context ctx) {
        Principal who = authenticate(ctx);
        String jobId = ctx.pathParam("id");
        CompletableFuture<Void> ordered =
                Objects.requireNonNull(port.cancelJob(jobId, who), "ClusterPort.cancelJob returned null");
        answerWhenOrdered(ctx, ordered, ignored -> Map.of("jobId", jobId, "status", "cancelling"));
    }

    void readmitNode(Context ctx) {
        Principal who = authenticate(ctx);
        String raw = ctx.pathParam("id");
        int nodeId;
        try {
            nodeId = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest("node id: expected a whole number, got \"" + raw + "\"");
        }
        CompletableFuture<String> ordered =
                Objects.requireNonNull(port.readmitNode(nodeId, who), "ClusterPort.readmitNode returned null");
        answerWhenOrdered(ctx, ordered, detail -> Map.of("node", nodeId, "result", detail));
    }

    void job(Context ctx) {
        String jobId = ctx.pathParam("id");
        if (ctx.queryParam("signed") != null) {
            ctx.json(port.signedJob(jobId).orElseThrow(() -> notFound("signed answer for job", jobId)));
            return;
        }
        JobJson job = port.job(jobId).orElseThrow(() -> notFound("job", jobId));
        ctx.status(job.status().httpStatus()).json(job);
    }

    void jobs(Context ctx) {
        if (ctx.queryParam("signed") != null) {
            ctx.json(port.signedJobs().orElseThrow(() -> notFound("signed answer for", "the job list")));
            return;
        }
        ctx.json(port.jobs());
    }

    void taskLogs(Context ctx) {
        String taskId = ctx.pathParam("id");
        port.authorizeLogs(
                taskId,
                LogRequest.fromHeaders(
                        ctx.header(LogRequest.CLIENT_HEADER),
                        ctx.header(LogRequest.TIME_HEADER),
                        ctx.header(LogRequest.SIGNATURE_HEADER)));
        Optional<InputStream> logs = port.taskLogs(taskId);
        if (logs.isPresent()) {
            port.taskLogsAttempt(taskId).ifPresent(a -> ctx.header(ATTEMPT_HEADER, Integer.toString(a)));
        }
        ctx.contentType("text/plain; charset=utf-8").result(logs.orElseThrow(() -> notFound("logs of task", taskId)));
    }

    void nodes(Context ctx) {
        ctx.json(port.nodes());
    }

    void energy(Context ctx) {
        ctx.json(port.energy().orElseThrow(() -> notFound("energy figures of", "this node")));
    }

    void cluster(Context ctx) {
        ctx.json(port.cluster());
    }

    void health(Context ctx) {
        ClusterJson view = port.cluster();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("nodeId", view.nodeId());
        body.put("view", view.view());
        body.put("lastExecuted", view.lastExecuted());
        ctx.json(body);
    }

    void metrics(Context ctx) {
        ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape());
    }

    private Principal authenticate(Context ctx) {
        if (!auth.allows(ctx.header("Authorization"))) {
            throw new ApiProblem(
                    401,
                    "unauthorized",
                    "writes need the header 'Authorization: Bearer <token>' " + "with the cluster's API token");
        }
        return Principal.tokenHolder();
    }

    private <T> void answerWhenOrdered(Context ctx, CompletableFuture<T> ordered, Function<T, Object> body) {
        long timeoutMillis = config.writeTimeout().toMillis();
        ctx.future(() -> ordered.copy()
                .orTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .handle((value, failure) -> {
                    if (failure == null) {
                        ctx.status(202).json(body.apply(value));
                    } else {
                        errors.renderFailure(ctx, failure);
                    }
                    return null;
                }));
    }

    private static InputStream inputOf(Context ctx) {
        try {
            return ctx.req().getInputStream();
        } catch (IOException e) {
            throw ApiProblem.badRequest(
                    "could not read the request body: " + e.getClass().getSimpleName());
        }
    }

    private static ApiProblem notFound(String what, String id) {
        String shown = id.length() <= 80 ? id : id.substring(0, 80) + "…";
        return new ApiProblem(404, "not_found", "no " + what + " '" + shown.replaceAll("\\p{Cntrl}", "?") + "'");
    }
}
