package org.bftswarm.state.failure;

import java.util.function.LongSupplier;
import org.bftswarm.state.entry.EntryKind;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.store.StoreListener;
import org.bftswarm.state.view.Heartbeat;

/**
 * Connects the store to a {@link FailureDetector}: every newly applied (hence verified and newer)
 * heartbeat entry counts as an observation of its owner at the local receipt time. The sender's own
 * timestamp is never trusted for liveness.
 */
public final class HeartbeatFeed implements StoreListener {
    private final FailureDetector detector;
    private final LongSupplier localClockMillis;

    public HeartbeatFeed(FailureDetector detector, LongSupplier localClockMillis) {
        this.detector = detector;
        this.localClockMillis = localClockMillis;
    }

    @Override
    public void applied(SignedEntry entry) {
        if (entry.key().kind() == EntryKind.REGISTER && entry.key().name().equals(Heartbeat.ENTRY_NAME)) {
            detector.observe(entry.key().owner(), localClockMillis.getAsLong());
        }
    }
}
