package org.bftswarm.consensus.transport;

/**
 * One live TCP connection a frame arrived on; a receiver can answer on it (replicas answer clients
 * on the connection the client opened, as BFT-SMaRt's Netty client layer does).
 */
public interface Connection {
    /** Queues a frame for this connection; false (and counted) when the connection is closed or backed up. */
    boolean send(byte[] frame);

    boolean isOpen();

    /** Remote address, for logs. */
    String describe();
}
