package org.bftswarm.consensus.codec;

/** Checked: a payload does not follow the canonical encoding. Never escapes {@link Codec}'s public methods. */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String message) {
        super(message, null, false, false);
    }
}
