package org.bftswarm.consensus.transport;

import org.bftswarm.crypto.Invariants;

/**
 * Limits of one TCP endpoint: largest frame accepted or sent, frames kept per peer while it is slow or
 * unreachable, reconnect backoff bounds, inbound hand-off queue size and worker count.
 */
public record TransportConfig(
        int maxFrameBytes,
        int outboundQueueFrames,
        long reconnectMinMillis,
        long reconnectMaxMillis,
        int inboundQueueFrames,
        int inboundWorkers) {

    public TransportConfig {
        Invariants.check(maxFrameBytes >= 64, "maxFrameBytes too small: %s", maxFrameBytes);
        Invariants.check(outboundQueueFrames >= 1, "outboundQueueFrames must be >= 1: %s", outboundQueueFrames);
        Invariants.check(
                reconnectMinMillis >= 1 && reconnectMaxMillis >= reconnectMinMillis,
                "bad reconnect backoff %s..%s",
                reconnectMinMillis,
                reconnectMaxMillis);
        Invariants.check(inboundQueueFrames >= 1, "inboundQueueFrames must be >= 1: %s", inboundQueueFrames);
        Invariants.check(inboundWorkers >= 1, "inboundWorkers must be >= 1: %s", inboundWorkers);
    }

    /** Defaults sized for a 4-replica cluster on one small machine. */
    public static TransportConfig defaults() {
        return new TransportConfig(16 * 1024 * 1024, 10_000, 50, 2_000, 50_000, 2);
    }

    public TransportConfig withInboundWorkers(int workers) {
        return new TransportConfig(
                maxFrameBytes,
                outboundQueueFrames,
                reconnectMinMillis,
                reconnectMaxMillis,
                inboundQueueFrames,
                workers);
    }

    public TransportConfig withMaxFrameBytes(int max) {
        return new TransportConfig(
                max, outboundQueueFrames, reconnectMinMillis, reconnectMaxMillis, inboundQueueFrames, inboundWorkers);
    }

    public TransportConfig withOutboundQueueFrames(int frames) {
        return new TransportConfig(
                maxFrameBytes, frames, reconnectMinMillis, reconnectMaxMillis, inboundQueueFrames, inboundWorkers);
    }
}
