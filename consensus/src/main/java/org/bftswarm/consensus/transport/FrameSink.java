package org.bftswarm.consensus.transport;

/**
 * Receives decoded frames, always on an {@link InboundDispatcher} worker thread, never on a Netty event
 * loop. Implementations must not throw; a thrown exception is logged and the frame is dropped.
 */
@FunctionalInterface
public interface FrameSink {
    void onFrame(Connection from, byte[] frame);
}
