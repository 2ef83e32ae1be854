package org.bftswarm.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventsWebSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final FakeClusterPort port = new FakeClusterPort();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebSocket> sockets = new ArrayList<>();
    private ApiServer server;

    @AfterEach
    void stop() {
        sockets.forEach(WebSocket::abort);
        if (server != null) {
            server.stop();
        }
    }

    /** Collects whole text messages; {@code demandAfterFirst=false} makes a consumer that stops reading. */
    private static final class Collector implements WebSocket.Listener {
        final List<String> messages = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private final boolean keepReading;

        Collector(boolean keepReading) {
            this.keepReading = keepReading;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            if (keepReading || !last) {
                ws.request(1);
            }
            return null;
        }
    }

    private Collector connect(boolean keepReading) {
        return connect(server.port(), keepReading);
    }

    private Collector connect(int tcpPort, boolean keepReading) {
        Collector c = new Collector(keepReading);
        int before = server.eventSubscribers();
        sockets.add(http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + tcpPort + "/api/v1/events"), c)
                .join());
        Polling.await("server to register the subscriber", DEADLINE, () -> server.eventSubscribers() == before + 1);
        return c;
    }

    @Test
    void everySubscriberReceivesEveryEventAsJsonInPublicationOrder() throws Exception {
        server = new ApiServer(port, ApiConfig.of("127.0.0.1", 0, ApiTestClient.TOKEN)).start();
        Collector a = connect(true);
        Collector b = connect(true);
        int count = 300;

        for (int i = 1; i <= count; i++) {
            ClusterEvent.Kind kind = ClusterEvent.Kind.values()[i % 4];
            port.emit(new ClusterEvent(kind, "id-" + i, Map.of("n", i), i));
        }

        Polling.await(
                "both subscribers to get " + count + " events",
                DEADLINE,
                () -> a.messages.size() == count && b.messages.size() == count);
        for (Collector c : List.of(a, b)) {
            for (int i = 1; i <= count; i++) {
                JsonNode e = JSON.readTree(c.messages.get(i - 1));
                assertThat(e.get("sequence").asLong()).isEqualTo(i);
                assertThat(e.get("id").asText()).isEqualTo("id-" + i);
                assertThat(e.get("kind").asText()).isEqualTo(ClusterEvent.Kind.values()[i % 4].json());
                assertThat(e.get("payload").get("n").asInt()).isEqualTo(i);
            }
        }
    }

    @Test
    void aSubscriberThatStopsReadingIsDisconnectedWhileOthersKeepReceiving() {
        server = new ApiServer(
                        port, ApiConfig.of("127.0.0.1", 0, ApiTestClient.TOKEN).withEventQueueCapacity(4))
                .start();
        Collector fast = connect(true);
        connect(false);
        String blob = "x".repeat(64 * 1024);
        int emitted = 0;

        while (server.slowConsumersDisconnected() == 0 && emitted < 2000) {
            emitted++;
            port.emit(new ClusterEvent(ClusterEvent.Kind.TASK, "t", Map.of("blob", blob), emitted));
            int expected = emitted;
            Polling.await("fast subscriber to get event " + expected, DEADLINE, () -> fast.messages.size() == expected);
        }

        assertThat(server.slowConsumersDisconnected()).isEqualTo(1);
        assertThat(server.eventSubscribers()).isEqualTo(1);
        port.emit(new ClusterEvent(ClusterEvent.Kind.VIEW, "v", Map.of(), emitted + 1));
        int total = emitted + 1;
        Polling.await(
                "fast subscriber to get the event after the disconnect", DEADLINE, () -> fast.messages.size() == total);
        assertThat(server.registry().scrape()).contains("bftswarm_api_ws_slow_consumers_total 1.0");
    }

    @Test
    void theEventsPortServesTheSameStreamAndNoOtherRoute() throws Exception {
        server = new ApiServer(port, ApiConfig.of("127.0.0.1", 0, 0, ApiTestClient.TOKEN)).start();
        int eventsPort = server.eventsPort().orElseThrow();
        assertThat(eventsPort).isNotEqualTo(server.port());
        Collector viaEventsPort = connect(eventsPort, true);
        Collector viaHttpPort = connect(true);

        port.emit(new ClusterEvent(ClusterEvent.Kind.JOB, "job-1", Map.of("state", "PENDING"), 1));
        Polling.await(
                "both subscribers to get the event",
                DEADLINE,
                () -> viaEventsPort.messages.size() == 1 && viaHttpPort.messages.size() == 1);
        assertThat(viaEventsPort.messages).isEqualTo(viaHttpPort.messages);
        assertThat(JSON.readTree(viaEventsPort.messages.get(0)).get("id").asText())
                .isEqualTo("job-1");

        HttpResponse<String> jobs = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + eventsPort + "/api/v1/jobs"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jobs.statusCode()).isEqualTo(404);
    }

    @Test
    void withoutAnEventsPortNoSecondPortIsBound() {
        server = new ApiServer(port, ApiConfig.of("127.0.0.1", 0, ApiTestClient.TOKEN)).start();
        assertThat(server.eventsPort()).isEmpty();
    }
}
