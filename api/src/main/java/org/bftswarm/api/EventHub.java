package org.bftswarm.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans every {@link ClusterEvent} out to the connected {@code /api/v1/events} WebSocket clients.
 * Each client has its own {@link SessionOutbox}, so events reach every
 * client in publication order, a slow client never delays the others or the publisher, and a
 * client whose queue fills is disconnected (counted in {@code bftswarm_api_ws_slow_consumers_total}).
 */
final class EventHub implements Consumer<ClusterEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);

    /** Where one subscriber's messages go; the Jetty session in production. */
    interface Sink {
        /** Starts an asynchronous write; exactly one of the callbacks runs, possibly before this returns. */
        void send(String text, Runnable onSuccess, Consumer<Throwable> onFailure);

        /** Drops the connection at once (no close handshake: a slow consumer would not read it). */
        void disconnect();
    }

    private record Subscriber(String id, Sink sink, SessionOutbox outbox) {}

    /** Subscribers beyond this many are refused, so memory stays bounded by maxSubscribers x queueCapacity. */
    static final int DEFAULT_MAX_SUBSCRIBERS = 256;

    private final ObjectMapper json;
    private final int queueCapacity;
    private final int maxSubscribers;
    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final Counter published;
    private final Counter slowConsumers;

    EventHub(ObjectMapper json, int queueCapacity, MeterRegistry registry) {
        this(json, queueCapacity, DEFAULT_MAX_SUBSCRIBERS, registry);
    }

    EventHub(ObjectMapper json, int queueCapacity, int maxSubscribers, MeterRegistry registry) {
        this.json = json;
        this.queueCapacity = queueCapacity;
        this.maxSubscribers = maxSubscribers;
        this.published = Counter.builder("bftswarm.api.events.published")
                .description("cluster events streamed to WebSocket subscribers")
                .register(registry);
        this.slowConsumers = Counter.builder("bftswarm.api.ws.slow.consumers")
                .description("WebSocket subscribers disconnected because their queue filled")
                .register(registry);
        Gauge.builder("bftswarm.api.ws.subscribers", subscribers, Map::size)
                .description("connected /api/v1/events subscribers")
                .register(registry);
    }

    static Sink jettySink(Session session) {
        return new Sink() {
            @Override
            public void send(String text, Runnable onSuccess, Consumer<Throwable> onFailure) {
                session.getRemote().sendString(text, new WriteCallback() {
                    @Override
                    public void writeSuccess() {
                        onSuccess.run();
                    }

                    @Override
                    public void writeFailed(Throwable x) {
                        onFailure.accept(x);
                    }
                });
            }

            @Override
            public void disconnect() {
                session.disconnect();
            }
        };
    }

    /** Adds a subscriber; false (and nothing added) when {@code maxSubscribers} are already connected. */
    synchronized boolean attach(String id, Sink sink) {
        if (subscribers.size() >= maxSubscribers) {
            return false;
        }
        subscribers.put(id, new Subscriber(id, sink, new SessionOutbox(queueCapacity)));
        return true;
    }

    void detach(String id) {
        Subscriber s = subscribers.remove(id);
        if (s != null) {
            s.outbox().close();
        }
    }

    int subscriberCount() {
        return subscribers.size();
    }

    long slowConsumersDisconnected() {
        return (long) slowConsumers.count();
    }

    /** Disconnects everyone (server stop). */
    void closeAll() {
        for (Subscriber s : List.copyOf(subscribers.values())) {
            detach(s.id());
            safeDisconnect(s);
        }
    }

    /** Publishes one event; never throws into the caller (the port's event thread). */
    @Override
    public synchronized void accept(ClusterEvent event) {
        String text;
        try {
            text = json.writeValueAsString(event);
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("dropping unserialisable cluster event {} {}: {}", event.kind(), event.id(), e.toString());
            return;
        }
        published.increment();
        for (Subscriber s : subscribers.values()) {
            switch (s.outbox().offer(text)) {
                case SEND_NOW -> pump(s, text);
                case OVERFLOW -> {
                    slowConsumers.increment();
                    LOG.info("disconnecting slow events subscriber {} (queue of {} full)", s.id(), queueCapacity);
                    detach(s.id());
                    safeDisconnect(s);
                }
                case QUEUED, CLOSED -> {}
            }
        }
    }

    /**
     * Writes {@code first} and then whatever queued behind it. A write that completes synchronously
     * continues this loop instead of recursing, so a long queue cannot overflow the stack.
     */
    private void pump(Subscriber s, String first) {
        String next = first;
        while (next != null) {
            AtomicInteger phase = new AtomicInteger(); // 0 sending, 1 send returned, 2 completed inline
            try {
                s.sink()
                        .send(
                                next,
                                () -> {
                                    if (!phase.compareAndSet(0, 2)) {
                                        pump(s, s.outbox().writeSucceeded());
                                    }
                                },
                                failure -> fail(s, failure));
            } catch (RuntimeException e) {
                fail(s, e);
                return;
            }
            if (phase.compareAndSet(0, 1)) {
                return;
            }
            next = s.outbox().writeSucceeded();
        }
    }

    private void fail(Subscriber s, Throwable failure) {
        LOG.debug("events subscriber {} write failed: {}", s.id(), failure.toString());
        detach(s.id());
        safeDisconnect(s);
    }

    private static void safeDisconnect(Subscriber s) {
        try {
            s.sink().disconnect();
        } catch (RuntimeException e) {
            LOG.debug("disconnect of {} failed: {}", s.id(), e.toString());
        }
    }
}
