package org.bftswarm.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.ToDoubleFunction;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP + WebSocket API of one node: jobs are submitted and cancelled here, and their status, the
 * nodes, the cluster and the event stream are read here. It holds no state: every answer comes from
 * the {@link ClusterPort}.
 *
 * <pre>
 * method  path                         auth    answers
 * POST    /api/v1/jobs                 bearer  202 {"jobId"} once ordered; 400 bad JSON / unknown field /
 *                                              wrong type / invalid spec; 401; 413 body &gt; limit; 503 not ordered
 * POST    /api/v1/operations           signed  202 {"jobId"} once a client-signed SubmitJob/CancelJob is
 *                                              ordered; 400; 401 unknown client or bad signature; 403 role;
 *                                              409 request number used before; 503 not ordered
 * GET     /api/v1/jobs                 -       200 [JobJson]; with ?signed: 200 SignedRead of that list
 * GET     /api/v1/jobs/{id}?signed     -       200 SignedRead (the JobJson, this node's sequence and signature)
 * GET     /api/v1/jobs/{id}            -       202 PENDING|RUNNING, 206 PARTIAL, 200 COMPLETE|FAILED|CANCELLED, 404
 * DELETE  /api/v1/jobs/{id}            bearer  202 {"jobId","status":"cancelling"} once ordered; 401; 404; 503
 * GET     /api/v1/tasks/{id}/logs      -       200 text/plain; 404 when this node holds no logs for the task
 * GET     /api/v1/nodes                -       200 [NodeJson]
 * POST    /api/v1/nodes/{id}/readmit   bearer  202 {"node","result"} once this node's vote to lift the node's
 *                                              quarantine is ordered (f+1 votes readmit it); 400; 401; 404; 503
 * GET     /api/v1/cluster              -       200 ClusterJson {n,f,view,primary,lastExecuted,stableCheckpoint,nodeId}
 * GET     /api/v1/energy               -       200 EnergyJson (power, kWh, grams CO2, rating per node and cluster); 404
 * GET     /healthz                     -       200 {"status":"ok",…}; 503 if the port is unavailable
 * GET     /metrics                     -       200 Prometheus text (Micrometer)
 * GET     /                            -       the web dashboard (static files from the jar's dashboard/ folder)
 * WS      /api/v1/events               -       every ClusterEvent as JSON, in order; slow consumers disconnected
 *                                              (also on the events port, when configured: it serves only this)
 * any     other path                   -       404 JSON; a known path with the wrong method: 405 JSON
 * </pre>
 * Every error body is {@code {"error": code, "detail": text}}; unexpected failures are 500 with a
 * logged correlation id. Bearer tokens are compared in constant time.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Where the web dashboard's static files sit on the class path. */
    static final String DASHBOARD_DIRECTORY = "/dashboard";

    private final ClusterPort port;
    private final ApiConfig config;
    private final PrometheusMeterRegistry registry;
    private final EventHub events;
    private final Javalin app;
    private final Javalin eventsApp;
    private AutoCloseable subscription;
    private boolean started;
    private boolean stopped;

    /** A server with its own Prometheus registry. */
    public ApiServer(ClusterPort port, ApiConfig config) {
        this(port, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** A server that exposes (and records into) the given registry, e.g. one shared with consensus meters. */
    public ApiServer(ClusterPort port, ApiConfig config, PrometheusMeterRegistry registry) {
        this.port = Objects.requireNonNull(port, "port");
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        StrictJson json = new StrictJson();
        ErrorRendering errors = new ErrorRendering();
        this.events = new EventHub(json.mapper(), config.eventQueueCapacity(), registry);
        ApiRoutes routes = new ApiRoutes(port, config, json, registry, errors);
        RequestMetrics requests = new RequestMetrics(registry);
        bindMeters();

        this.app = Javalin.create(cfg -> {
            listenOn(cfg, config.port());
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.http.defaultContentType = "application/json";
            cfg.router.ignoreTrailingSlashes = true;
            cfg.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = DASHBOARD_DIRECTORY;
                files.location = Location.CLASSPATH;
                files.mimeTypes.add("text/html; charset=utf-8", "html");
                files.mimeTypes.add("text/javascript; charset=utf-8", "js");
                files.mimeTypes.add("text/css; charset=utf-8", "css");
            });
            cfg.jsonMapper(new JavalinJackson(json.mapper(), false));
            cfg.requestLogger.http(
                    (ctx, millis) -> requests.record(ctx.method().name(), routeOf(ctx), ctx.statusCode(), millis));
        });
        this.eventsApp = config.eventsPort() == ApiConfig.NO_EVENTS_PORT
                ? null
                : Javalin.create(cfg -> {
                    listenOn(cfg, config.eventsPort());
                    cfg.http.defaultContentType = "application/json";
                });

        app.post("/api/v1/jobs", routes::submitJob);
        app.post("/api/v1/operations", routes::submitSigned);
        app.get("/api/v1/jobs", routes::jobs);
        app.get("/api/v1/jobs/{id}", routes::job);
        app.delete("/api/v1/jobs/{id}", routes::cancelJob);
        app.get("/api/v1/tasks/{id}/logs", routes::taskLogs);
        app.get("/api/v1/nodes", routes::nodes);
        app.post("/api/v1/nodes/{id}/readmit", routes::readmitNode);
        app.get("/api/v1/cluster", routes::cluster);
        app.get("/api/v1/energy", routes::energy);
        app.get("/healthz", routes::health);
        app.get("/metrics", routes::metrics);
        serveEvents(app);

        app.exception(ApiProblem.class, errors::problem);
        app.exception(PortException.class, errors::port);
        app.exception(HttpResponseException.class, errors::http);
        app.exception(Exception.class, errors::unexpected);
        if (eventsApp != null) {
            serveEvents(eventsApp);
            eventsApp.exception(HttpResponseException.class, errors::http);
            eventsApp.exception(Exception.class, errors::unexpected);
        }
    }

    /** Where a server binds, its worker pool and its WebSocket limits: the same for the API and the events port. */
    private void listenOn(JavalinConfig cfg, int tcpPort) {
        cfg.showJavalinBanner = false;
        cfg.startupWatcherEnabled = false;
        cfg.jetty.defaultHost = config.host();
        cfg.jetty.defaultPort = tcpPort;
        cfg.jetty.threadPool = threadPool(config, tcpPort);
        cfg.jetty.modifyWebSocketServletFactory(ws -> {
            ws.setIdleTimeout(config.wsIdleTimeout());
            ws.setMaxTextMessageSize(4096);
        });
    }

    /** {@code WS /api/v1/events}: every subscriber joins the one {@link EventHub}, whichever port it came in on. */
    private void serveEvents(Javalin server) {
        server.ws("/api/v1/events", ws -> {
            ws.onConnect(c -> {
                if (!events.attach(c.sessionId(), EventHub.jettySink(c.session))) {
                    c.closeSession(1013, "too many event subscribers; try again later");
                }
            });
            ws.onClose(c -> events.detach(c.sessionId()));
            ws.onError(c -> events.detach(c.sessionId()));
        });
    }

    /** Binds the port and starts streaming events. Call once. */
    public synchronized ApiServer start() {
        if (started) {
            throw new IllegalStateException("ApiServer already started");
        }
        started = true;
        app.start();
        if (eventsApp != null) {
            eventsApp.start();
        }
        subscription = port.subscribe(events);
        LOG.info(
                "API listening on {}{}",
                baseUrl(),
                eventsApp == null ? "" : ", events WebSocket also on port " + eventsApp.port());
        return this;
    }

    /** The bound TCP port (the real one when the config asked for port 0). */
    public int port() {
        return app.port();
    }

    /** The bound events-only WebSocket port; empty when the config asked for none. */
    public OptionalInt eventsPort() {
        return eventsApp == null ? OptionalInt.empty() : OptionalInt.of(eventsApp.port());
    }

    /** {@code http://host:port} of the running server. */
    public String baseUrl() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Connected {@code /api/v1/events} subscribers. */
    public int eventSubscribers() {
        return events.subscriberCount();
    }

    /** Subscribers disconnected so far because they did not keep up. */
    public long slowConsumersDisconnected() {
        return events.slowConsumersDisconnected();
    }

    /** Stops streaming, disconnects subscribers and releases the port and every server thread. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("closing the event subscription failed: {}", e.toString());
            }
        }
        events.closeAll();
        if (eventsApp != null) {
            eventsApp.stop();
        }
        app.stop();
    }

    @Override
    public void close() {
        stop();
    }

    private void bindMeters() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        clusterGauge("bftswarm.cluster.view", "current PBFT view", v -> v.view());
        clusterGauge("bftswarm.cluster.last.executed", "last executed sequence number", v -> v.lastExecuted());
        clusterGauge("bftswarm.cluster.stable.checkpoint", "last stable checkpoint", v -> v.stableCheckpoint());
        port.bindMetrics(registry);
    }

    private void clusterGauge(String name, String description, ToDoubleFunction<ClusterJson> field) {
        Gauge.builder(name, port, p -> {
                    try {
                        return field.applyAsDouble(p.cluster());
                    } catch (RuntimeException e) {
                        return Double.NaN;
                    }
                })
                .description(description)
                .strongReference(true)
                .register(registry);
    }

    private static QueuedThreadPool threadPool(ApiConfig config, int tcpPort) {
        QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), 2, 60_000);
        pool.setName("bftswarm-api-" + tcpPort);
        pool.setDaemon(true);
        return pool;
    }

    private static String routeOf(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (RuntimeException e) {
            return RequestMetrics.UNMATCHED;
        }
    }
}
