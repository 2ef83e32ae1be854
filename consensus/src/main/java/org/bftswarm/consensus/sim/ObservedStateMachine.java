package org.bftswarm.consensus.sim;

import java.util.TreeMap;
import org.bftswarm.consensus.api.ExecutionContext;
import org.bftswarm.consensus.api.ForwardingStateMachine;
import org.bftswarm.consensus.api.ReplicatedStateMachine;

/**
 * Wraps one replica incarnation's state machine for the checkers (two of the safety
 * properties: no request runs twice, batch time never goes backwards): reports every execution's
 * result and counts, whatever the service, a client's request executed again (request numbers of
 * one client must rise, it has one outstanding at a time) and batch timestamps that go backwards
 * within the incarnation.
 */
final class ObservedStateMachine extends ForwardingStateMachine {
    /** Observer of executions (the simulator's checkers). */
    interface Listener {
        void executed(ExecutionContext ctx, byte[] operation, byte[] result);
    }

    private final Listener listener;
    private final TreeMap<Integer, Long> lastRequest = new TreeMap<>();
    private long lastTimestamp = Long.MIN_VALUE;
    private long duplicates;
    private long timestampRegressions;

    ObservedStateMachine(ReplicatedStateMachine inner, Listener listener) {
        super(inner);
        this.listener = listener;
    }

    ReplicatedStateMachine inner() {
        return delegate;
    }

    @Override
    public byte[] execute(ExecutionContext ctx, byte[] operation) {
        Long last = lastRequest.get(ctx.clientId());
        if (last != null && ctx.requestNumber() <= last) {
            duplicates++;
        }
        lastRequest.put(ctx.clientId(), ctx.requestNumber());
        if (ctx.timestampMillis() < lastTimestamp) {
            timestampRegressions++;
        }
        lastTimestamp = ctx.timestampMillis();
        byte[] result = delegate.execute(ctx, operation);
        listener.executed(ctx, operation, result);
        return result;
    }

    long duplicates() {
        return duplicates + (delegate instanceof TestStateMachine t ? t.duplicates() : 0);
    }

    long timestampRegressions() {
        return timestampRegressions + (delegate instanceof TestStateMachine t ? t.timestampRegressions() : 0);
    }
}
