package org.bftswarm.orchestrator;

import java.util.List;
import org.bftswarm.orchestrator.view.SchedulerEvent;

/**
 * Receives the state changes of each executed operation, after the scheduler lock is released and
 * in execution order (the API's {@code /api/v1/events} stream). Must not block.
 */
@FunctionalInterface
public interface SchedulerListener {
    void onEvents(List<SchedulerEvent> events);
}
