package org.bftswarm.state.failure;

import java.util.function.LongSupplier;
import org.bftswarm.state.crdt.MalformedBytesException;
import org.bftswarm.state.entry.EntryKind;
import org.bftswarm.state.entry.SignedEntry;
import org.bftswarm.state.store.StoreListener;
import org.bftswarm.state.view.Heartbeat;

/**
 * Connects the store to a {@link FailureDetector}: every newly applied (hence verified and newer)
 * heartbeat entry counts as an observation of its owner at the local receipt time, with the interval
 * the heartbeat announced (signed by its owner). The sender's own timestamp is never trusted for liveness.
 */
public final class HeartbeatFeed implements StoreListener {
    private final FailureDetector detector;
    private final LongSupplier localClockMillis;

    public HeartbeatFeed(FailureDetector detector, LongSupplier localClockMillis) {
        this.detector = detector;
        this.localClockMillis = localClockMillis;
    }

    /** The interval the heartbeat announced; 0 (the configured timeout applies) when it does not decode. */
    static long announcedInterval(SignedEntry entry) {
        try {
            return Heartbeat.decode(entry.value()).intervalMillis();
        } catch (MalformedBytesException e) {
            return 0;
        }
    }

    @Override
    public void applied(SignedEntry entry) {
        if (entry.key().kind() == EntryKind.REGISTER && entry.key().name().equals(Heartbeat.ENTRY_NAME)) {
            detector.observe(entry.key().owner(), localClockMillis.getAsLong(), announcedInterval(entry));
        }
    }
}
