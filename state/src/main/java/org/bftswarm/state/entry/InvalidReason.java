package org.bftswarm.state.entry;

/**
 * Why a received entry was dropped. {@link #isProven()} tells whether the signer's own valid
 * signature proves the misbehaviour (evidence), or whether the sender id is only claimed and could
 * be framed by whoever injected the bytes.
 */
public enum InvalidReason {
    MALFORMED(false),
    UNKNOWN_SIGNER(false),
    BAD_SIGNATURE(false),
    WRONG_OWNER(true),
    BAD_VALUE(true);

    private final boolean proven;

    InvalidReason(boolean proven) {
        this.proven = proven;
    }

    public boolean isProven() {
        return proven;
    }
}
