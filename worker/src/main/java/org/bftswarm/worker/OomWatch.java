package org.bftswarm.worker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.EventType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which containers the kernel's out-of-memory killer hit, learnt from the engine's {@code oom}
 * events (one events stream per runner, reopened when it ends). The engine sends a container's
 * {@code oom} before its {@code die}, but on another connection than the exit wait, so a reader that
 * sees exit 137 gives the event a moment to arrive ({@link #GRACE_MILLIS}). Remembers the last
 * {@value #REMEMBERED} containers, so it stays bounded whatever else runs on the engine.
 */
final class OomWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OomWatch.class);
    static final int REMEMBERED = 4096;
    static final long OPEN_SECONDS = 5;
    /** How long an exit 137 waits for the container's {@code oom} event before it is taken as a kill. */
    static final long GRACE_MILLIS = 1_500;

    /** Pause before reopening an events stream that ended, so an engine that is down is not hammered. */
    static final long REOPEN_MILLIS = 1_000;

    private final DockerClient docker;
    private final ScheduledExecutorService timer;
    private final Set<String> killed = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));
    private volatile Stream stream;
    private volatile boolean closed;

    OomWatch(DockerClient docker, ScheduledExecutorService timer) {
        this.docker = docker;
        this.timer = timer;
    }

    /** Opens the events stream and waits (bounded) until the engine answered, so no later OOM is missed. */
    void open() throws InterruptedException {
        Stream s = reopen();
        if (s != null && !s.awaitOpened(OPEN_SECONDS, TimeUnit.SECONDS)) {
            LOG.warn(
                    "docker events did not answer within {} s; out-of-memory kills may show as exit 137 only",
                    OPEN_SECONDS);
        }
    }

    /** Whether the container {@code containerId} was killed for running out of memory. */
    boolean oomKilled(String containerId) {
        return killed.contains(containerId);
    }

    private Stream reopen() {
        if (closed) {
            return null;
        }
        Stream s = new Stream();
        stream = s;
        try {
            docker.eventsCmd()
                    .withEventTypeFilter(EventType.CONTAINER)
                    .withEventFilter("oom")
                    .exec(s);
        } catch (RuntimeException e) {
            LOG.warn("cannot follow docker oom events: {}", e.toString());
            return null;
        }
        s.whenEnded(() -> {
            if (!closed) {
                LOG.info("docker events stream ended ({}); reopening", s.error() == null ? "closed" : s.error());
                try {
                    timer.schedule(this::reopen, REOPEN_MILLIS, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException e) {
                    // the runner is closing
                }
            }
        });
        return s;
    }

    @Override
    public void close() {
        closed = true;
        Stream s = stream;
        if (s != null) {
            s.close();
        }
    }

    private final class Stream extends StreamWatch<Event> {
        @Override
        public void onNext(Event event) {
            String id = event == null ? null : event.getId();
            if (id == null && event != null && event.getActor() != null) {
                id = event.getActor().getId();
            }
            if (id != null) {
                killed.add(id);
            }
        }
    }
}
