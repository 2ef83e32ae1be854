package org.bftswarm.consensus.client;

/** No f+1 matching authentic replies arrived within the invocation timeout. */
public final class ConsensusTimeoutException extends RuntimeException {
    public ConsensusTimeoutException(String message) {
        super(message);
    }
}
