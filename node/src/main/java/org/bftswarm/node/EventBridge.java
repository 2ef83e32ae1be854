package org.bftswarm.node;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bftswarm.api.ClusterEvent;
import org.bftswarm.orchestrator.SchedulerListener;
import org.bftswarm.orchestrator.view.SchedulerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds {@code /api/v1/events}: every scheduler event of the local
 * replica, in execution order, and every view change the replica installs, each numbered with this
 * node's own increasing event sequence. Listeners only enqueue, so the replica's core thread, which
 * calls {@link #onEvents}, never blocks here.
 */
public final class EventBridge implements SchedulerListener {
    private static final Logger LOG = LoggerFactory.getLogger(EventBridge.class);

    private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
    private long sequence;
    private long lastView = -1;

    @Override
    public synchronized void onEvents(List<SchedulerEvent> events) {
        for (SchedulerEvent e : events) {
            publish(ApiMapping.toEvent(e, ++sequence));
        }
    }

    /** Publishes a VIEW event when {@code view} differs from the last one seen. */
    public synchronized void observeView(long view, int primary) {
        if (view != lastView) {
            boolean first = lastView < 0;
            lastView = view;
            if (!first || view > 0) {
                publish(ApiMapping.viewEvent(view, primary, ++sequence));
            }
        }
    }

    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void publish(ClusterEvent event) {
        for (Consumer<ClusterEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException ex) {
                LOG.warn("event listener failed on {} {}", event.kind(), event.id(), ex);
            }
        }
    }
}
