package org.bftswarm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiServerLifecycleTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Test
    void stopReleasesThePortUnsubscribesAndLeavesNoNewNonDaemonThread() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        FakeClusterPort port = new FakeClusterPort();
        ApiServer server = new ApiServer(port, ApiConfig.of("127.0.0.1", 0, ApiTestClient.TOKEN)).start();
        int bound = server.port();
        ApiTestClient client = new ApiTestClient(server);
        assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
        WebSocket ws = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + bound + "/api/v1/events"), new WebSocket.Listener() {})
                .join();
        Polling.await("subscriber registered", DEADLINE, () -> server.eventSubscribers() == 1);
        assertThat(port.listeners).hasSize(1);

        server.stop();
        ws.abort();

        assertThat(port.listeners).isEmpty();
        assertThat(server.eventSubscribers()).isZero();
        Polling.await("port " + bound + " to be free", DEADLINE, () -> canBind(bound));
        Polling.await(
                "server threads to end", DEADLINE, () -> newNonDaemon(before).isEmpty());
        server.stop();
    }

    @Test
    void stopAlsoReleasesTheEventsPortAndItsThreads() throws Exception {
        Set<Thread> before = nonDaemonThreads();
        ApiServer server =
                new ApiServer(new FakeClusterPort(), ApiConfig.of("127.0.0.1", 0, 0, ApiTestClient.TOKEN)).start();
        int events = server.eventsPort().orElseThrow();
        assertThat(canBind(events)).isFalse();

        server.stop();

        Polling.await("events port " + events + " to be free", DEADLINE, () -> canBind(events));
        Polling.await(
                "server threads to end", DEADLINE, () -> newNonDaemon(before).isEmpty());
    }

    @Test
    void anEventsPortThatIsTheHttpPortOrOutOfRangeIsRefused() {
        String token = ApiTestClient.TOKEN;
        assertThatThrownBy(() -> ApiConfig.of("127.0.0.1", 8080, 8080, token))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("differ from the HTTP port 8080");
        assertThatThrownBy(() -> ApiConfig.of("127.0.0.1", 8080, 65536, token))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiConfig.of("127.0.0.1", 8080, -2, token))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ApiConfig.of("127.0.0.1", 8080, 8585, token).eventsPort()).isEqualTo(8585);
        assertThat(ApiConfig.of("127.0.0.1", 8080, token).eventsPort()).isEqualTo(ApiConfig.NO_EVENTS_PORT);
    }

    @Test
    void startingTwiceIsRefusedAndABusyPortFailsToStart() throws Exception {
        try (ApiServer server =
                new ApiServer(new FakeClusterPort(), ApiConfig.of("127.0.0.1", 0, ApiTestClient.TOKEN))) {
            server.start();
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
            ApiServer clash =
                    new ApiServer(new FakeClusterPort(), ApiConfig.of("127.0.0.1", server.port(), ApiTestClient.TOKEN));
            assertThatThrownBy(clash::start).isInstanceOf(RuntimeException.class);
            clash.stop();
        }
    }

    @Test
    void metricsArePrometheusTextWithRequestCountersPerRouteAndStatusAndClusterGauges() {
        try (ApiServer server =
                new ApiServer(new FakeClusterPort(), ApiConfig.of("127.0.0.1", 0, ApiTestClient.TOKEN))) {
            server.start();
            ApiTestClient client = new ApiTestClient(server);
            for (int i = 0; i < 3; i++) {
                client.get("/api/v1/cluster");
            }
            client.get("/api/v1/jobs/unknown");
            client.get("/no/such/route");

            Polling.await(
                    "3 cluster requests to be counted",
                    DEADLINE,
                    () -> counter(client.get("/metrics").body(), "GET", "/api/v1/cluster", 200) >= 3);
            HttpResponse<String> metrics = client.get("/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            String body = metrics.body();
            assertThat(body).contains("# TYPE bftswarm_api_requests_total counter");
            assertThat(counter(body, "GET", "/api/v1/cluster", 200)).isEqualTo(3);
            assertThat(counter(body, "GET", "/api/v1/jobs/{id}", 404)).isEqualTo(1);
            assertThat(counter(body, "GET", RequestMetrics.UNMATCHED, 404)).isEqualTo(1);
            assertThat(body)
                    .contains(
                            "bftswarm_api_request_duration_seconds_count{method=\"GET\",route=\"/api/v1/cluster\",status=\"200\"}");
            assertThat(body).contains("bftswarm_cluster_last_executed 120.0");
            assertThat(body).contains("bftswarm_cluster_stable_checkpoint 100.0");
        }
    }

    private static double counter(String body, String method, String route, int status) {
        Pattern p = Pattern.compile(
                "^bftswarm_api_requests_total\\{method=\"" + method + "\",route=\"" + Pattern.quote(route)
                        + "\",status=\"" + status + "\"} (\\S+)$",
                Pattern.MULTILINE);
        Matcher m = p.matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static boolean canBind(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<Thread> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.isDaemon() && t.isAlive())
                .collect(Collectors.toSet());
    }

    private static Set<String> newNonDaemon(Set<Thread> before) {
        return nonDaemonThreads().stream()
                .filter(t -> !before.contains(t))
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
