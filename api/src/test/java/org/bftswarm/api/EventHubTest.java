package org.bftswarm.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class EventHubTest {
    private final StrictJson json = new StrictJson();

    /** A sink that completes writes inline (like a fast local socket) or parks them for the test. */
    private static final class RecordingSink implements EventHub.Sink {
        final List<String> sent = new ArrayList<>();
        final Deque<Runnable> parked = new ArrayDeque<>();
        boolean inline;
        boolean failNext;
        boolean disconnected;

        RecordingSink(boolean inline) {
            this.inline = inline;
        }

        @Override
        public void send(String text, Runnable onSuccess, Consumer<Throwable> onFailure) {
            if (failNext) {
                onFailure.accept(new IOException("broken pipe"));
                return;
            }
            sent.add(text);
            if (inline) {
                onSuccess.run();
            } else {
                parked.add(onSuccess);
            }
        }

        @Override
        public void disconnect() {
            disconnected = true;
        }

        void completeAll() {
            while (!parked.isEmpty()) {
                parked.poll().run();
            }
        }
    }

    private static ClusterEvent event(long seq) {
        return new ClusterEvent(ClusterEvent.Kind.JOB, "job-" + seq, Map.of("status", "RUNNING"), seq);
    }

    @Test
    void asynchronousCompletionsDeliverEveryQueuedEventInOrder() throws Exception {
        EventHub hub = new EventHub(json.mapper(), 100, new SimpleMeterRegistry());
        RecordingSink sink = new RecordingSink(false);
        hub.attach("s", sink);

        for (long i = 1; i <= 50; i++) {
            hub.accept(event(i));
        }
        assertThat(sink.sent).hasSize(1);
        sink.completeAll();

        assertThat(sink.sent).hasSize(50);
        for (int i = 0; i < 50; i++) {
            assertThat(json.mapper().readTree(sink.sent.get(i)).get("sequence").asLong())
                    .isEqualTo(i + 1);
        }
    }

    @Test
    void inlineCompletionsDoNotRecurseSoAHugeBacklogCannotOverflowTheStack() throws Exception {
        int backlog = 100_000;
        EventHub hub = new EventHub(json.mapper(), backlog, new SimpleMeterRegistry());
        RecordingSink sink = new RecordingSink(false);
        hub.attach("s", sink);
        for (long i = 1; i <= backlog; i++) {
            hub.accept(event(i));
        }
        assertThat(sink.sent).hasSize(1);

        sink.inline = true;
        sink.parked.poll().run();

        assertThat(sink.sent).hasSize(backlog);
        assertThat(json.mapper()
                        .readTree(sink.sent.get(backlog - 1))
                        .get("sequence")
                        .asLong())
                .isEqualTo(backlog);
        assertThat(hub.subscriberCount()).isEqualTo(1);
    }

    @Test
    void overflowDisconnectsOnlyTheSlowSubscriberAndCountsIt() {
        EventHub hub = new EventHub(json.mapper(), 3, new SimpleMeterRegistry());
        RecordingSink slow = new RecordingSink(false);
        RecordingSink fast = new RecordingSink(true);
        hub.attach("slow", slow);
        hub.attach("fast", fast);

        for (long i = 1; i <= 10; i++) {
            hub.accept(event(i));
        }

        assertThat(slow.disconnected).isTrue();
        assertThat(fast.disconnected).isFalse();
        assertThat(fast.sent).hasSize(10);
        assertThat(hub.subscriberCount()).isEqualTo(1);
        assertThat(hub.slowConsumersDisconnected()).isEqualTo(1);
    }

    @Test
    void aFailedWriteDetachesTheSubscriber() {
        EventHub hub = new EventHub(json.mapper(), 3, new SimpleMeterRegistry());
        RecordingSink sink = new RecordingSink(true);
        hub.attach("s", sink);
        sink.failNext = true;

        hub.accept(event(1));

        assertThat(hub.subscriberCount()).isZero();
        assertThat(sink.disconnected).isTrue();
    }

    @Test
    void anUnserialisablePayloadIsDroppedWithoutThrowingIntoThePublisher() {
        EventHub hub = new EventHub(json.mapper(), 3, new SimpleMeterRegistry());
        RecordingSink sink = new RecordingSink(true);
        hub.attach("s", sink);

        hub.accept(new ClusterEvent(ClusterEvent.Kind.NODE, "n", Map.of("self", new Object()), 1));
        hub.accept(event(2));

        assertThat(sink.sent).hasSize(1);
        assertThat(sink.sent.get(0)).contains("\"sequence\":2");
    }

    @Test
    void subscribersBeyondTheLimitAreRefused() {
        EventHub hub = new EventHub(json.mapper(), 3, 2, new SimpleMeterRegistry());

        assertThat(hub.attach("a", new RecordingSink(true))).isTrue();
        assertThat(hub.attach("b", new RecordingSink(true))).isTrue();
        assertThat(hub.attach("c", new RecordingSink(true))).isFalse();
        hub.detach("a");
        assertThat(hub.attach("c", new RecordingSink(true))).isTrue();
        assertThat(hub.subscriberCount()).isEqualTo(2);
    }
}
