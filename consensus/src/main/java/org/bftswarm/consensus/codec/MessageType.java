package org.bftswarm.consensus.codec;

/**
 * Envelope type codes of the consensus messages. The type is part of the signed bytes
 * ({@code SignedEnvelope.signingBytes}), so a message of one type never verifies as another.
 */
public final class MessageType {
    public static final int REQUEST = 1;
    public static final int PRE_PREPARE = 2;
    public static final int PREPARE = 3;
    public static final int COMMIT = 4;
    public static final int CHECKPOINT = 5;
    public static final int VIEW_CHANGE = 6;
    public static final int NEW_VIEW = 7;
    public static final int REPLY = 8;
    public static final int FETCH = 9;
    public static final int COMMIT_PROOF = 10;
    public static final int STATE_REQUEST = 11;
    public static final int STATE_CHUNK = 12;

    private MessageType() {}

    /** True for types only replicas may send (everything except REQUEST). */
    public static boolean isReplicaType(int type) {
        return type >= PRE_PREPARE && type <= STATE_CHUNK;
    }

    public static String name(int type) {
        return switch (type) {
            case REQUEST -> "REQUEST";
            case PRE_PREPARE -> "PRE_PREPARE";
            case PREPARE -> "PREPARE";
            case COMMIT -> "COMMIT";
            case CHECKPOINT -> "CHECKPOINT";
            case VIEW_CHANGE -> "VIEW_CHANGE";
            case NEW_VIEW -> "NEW_VIEW";
            case REPLY -> "REPLY";
            case FETCH -> "FETCH";
            case COMMIT_PROOF -> "COMMIT_PROOF";
            case STATE_REQUEST -> "STATE_REQUEST";
            case STATE_CHUNK -> "STATE_CHUNK";
            default -> "UNKNOWN(" + type + ")";
        };
    }
}
