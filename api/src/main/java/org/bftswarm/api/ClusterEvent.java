package org.bftswarm.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One state change streamed on {@code /api/v1/events} (every job, task, node and view
 * change this node observes). {@code sequence} increases with every event a node emits, so a client
 * can detect gaps after a reconnect.
 *
 * @param kind     what changed
 * @param id       id of the job, task or node that changed (the view number for VIEW)
 * @param payload  details, in insertion order
 * @param sequence per-node event sequence number
 */
public record ClusterEvent(Kind kind, String id, Map<String, Object> payload, long sequence) {

    /** What an event is about; serialised in lower case. */
    public enum Kind {
        JOB,
        TASK,
        NODE,
        VIEW;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ClusterEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        payload = payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }
}
