package org.bftswarm.deploy.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A subscription to one node's {@code /api/v1/events} WebSocket that hands every task event
 * ({@code {"kind":"task","id":…,"payload":{"state":…,"attempt":…}}}) to a consumer, stamped with
 * the local arrival time. Used by the task benchmark to time submit→running and submit→done
 * without polling. Malformed frames are skipped.
 */
public final class TaskEventStream implements AutoCloseable {

    /** One task state change as received: task id, new state, attempt, arrival (System.nanoTime()). */
    public record TaskEvent(String taskId, String state, int attempt, String detail, long receivedNanos) {}

    private final WebSocket socket;

    private TaskEventStream(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to {@code ws://host:port/api/v1/events} of the node at {@code apiBaseUrl}. */
    public static TaskEventStream open(String apiBaseUrl, Consumer<TaskEvent> consumer) throws Exception {
        String wsUrl = apiBaseUrl.replaceFirst("^http", "ws") + "/api/v1/events";
        ObjectMapper json = new ObjectMapper();
        WebSocket ws = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .build()
                .newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(3))
                .buildAsync(URI.create(wsUrl), new Listener(json, consumer))
                .get(10, TimeUnit.SECONDS);
        return new TaskEventStream(ws);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS);
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final ObjectMapper json;
        private final Consumer<TaskEvent> consumer;
        private final StringBuilder partial = new StringBuilder();

        Listener(ObjectMapper json, Consumer<TaskEvent> consumer) {
            this.json = json;
            this.consumer = consumer;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                String text = partial.toString();
                partial.setLength(0);
                parse(text, now);
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        private void parse(String text, long now) {
            try {
                JsonNode event = json.readTree(text);
                if (event == null || !"task".equals(event.path("kind").asText())) {
                    return;
                }
                JsonNode payload = event.path("payload");
                consumer.accept(new TaskEvent(
                        event.path("id").asText(),
                        payload.path("state").asText(),
                        payload.path("attempt").asInt(0),
                        payload.path("detail").asText(null),
                        now));
            } catch (IOException | RuntimeException e) {
                // a frame we cannot read: skip it
            }
        }
    }
}
