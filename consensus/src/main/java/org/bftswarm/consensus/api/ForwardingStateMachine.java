package org.bftswarm.consensus.api;

import org.bftswarm.crypto.Digest;

/**
 * A state machine that passes everything to another one: subclasses (observers in the simulator,
 * test-only broken variants) override {@link #execute} and keep snapshot, restore and digest of the
 * wrapped machine, so wrapping never changes what is checkpointed.
 */
public abstract class ForwardingStateMachine implements ReplicatedStateMachine {
    protected final ReplicatedStateMachine delegate;

    protected ForwardingStateMachine(ReplicatedStateMachine delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] execute(ExecutionContext ctx, byte[] operation) {
        return delegate.execute(ctx, operation);
    }

    @Override
    public byte[] snapshot() {
        return delegate.snapshot();
    }

    @Override
    public void restore(byte[] snapshot) {
        delegate.restore(snapshot);
    }

    @Override
    public Digest digest() {
        return delegate.digest();
    }
}
