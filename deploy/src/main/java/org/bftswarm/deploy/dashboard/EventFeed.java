package org.bftswarm.deploy.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's recent events: a WebSocket on one node's {@code /api/v1/events}, each event kept
 * as one short line ({@code 21:04:05 task job-1.0 state=RUNNING node=2}, without the ordering bookkeeping
 * fields) in a bounded buffer, newest
 * last. When the connection drops, {@link #ensureConnected} tries the nodes again in order. What one
 * node streams is that node's word; the dashboard shows it as a live feed, not as a verified result.
 */
public final class EventFeed implements AutoCloseable {
    static final int KEPT = 200;
    /** Payload fields left off the line: bookkeeping, not what changed. */
    static final Set<String> OMITTED = Set.of("consensusSequence", "timestamp");

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final List<String> apiUrls;
    private final Deque<String> lines = new ArrayDeque<>();
    private final ObjectMapper json = new ObjectMapper();
    private volatile WebSocket socket;
    private volatile boolean open;
    private volatile int node = -1;

    public EventFeed(List<String> apiUrls) {
        this.apiUrls = List.copyOf(apiUrls);
    }

    /** Connects to the first node that accepts, unless connected; returns whether it is. */
    public boolean ensureConnected() {
        if (open) {
            return true;
        }
        for (int i = 0; i < apiUrls.size(); i++) {
            String url = apiUrls.get(i).replaceFirst("^http", "ws") + "/api/v1/events";
            try {
                socket = HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(1))
                        .build()
                        .newWebSocketBuilder()
                        .connectTimeout(Duration.ofSeconds(1))
                        .buildAsync(URI.create(url), new Listener())
                        .get(2, TimeUnit.SECONDS);
                open = true;
                node = i;
                return true;
            } catch (Exception e) {
                // this node does not stream events now: try the next one
            }
        }
        return false;
    }

    /** The node streaming, or -1. */
    public int node() {
        return open ? node : -1;
    }

    /** The kept lines, oldest first. */
    public synchronized List<String> recent() {
        return List.copyOf(lines);
    }

    synchronized void add(String line) {
        lines.addLast(line);
        while (lines.size() > KEPT) {
            lines.removeFirst();
        }
    }

    /** {@code 21:04:05 task job-1.0 state=RUNNING node=2} for one event's JSON. */
    static String line(JsonNode event, LocalTime at) {
        StringBuilder out = new StringBuilder(CLOCK.format(at))
                .append(' ')
                .append(event.path("kind").asText("?"))
                .append(' ')
                .append(event.path("id").asText(""));
        JsonNode payload = event.path("payload");
        for (Iterator<Map.Entry<String, JsonNode>> it = payload.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (OMITTED.contains(field.getKey())) {
                continue;
            }
            JsonNode v = field.getValue();
            String text = v.isValueNode() ? v.asText() : v.toString();
            out.append(' ').append(field.getKey()).append('=').append(text.replaceAll("\\s+", " "));
        }
        return out.toString();
    }

    @Override
    public void close() {
        WebSocket ws = socket;
        open = false;
        if (ws != null) {
            ws.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode event = json.readTree(text);
                    if (event != null && event.has("kind")) {
                        add(line(event, LocalTime.now()));
                    }
                } catch (IOException | RuntimeException e) {
                    // a frame that is not an event: skip it
                }
            }
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            open = false;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            open = false;
        }
    }
}
