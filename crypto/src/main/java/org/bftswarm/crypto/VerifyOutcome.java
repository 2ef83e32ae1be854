package org.bftswarm.crypto;

/**
 * The typed result of checking one received envelope (the security model: messages with unknown keys,
 * bad signatures, wrong cluster names or malformed bytes are dropped and counted). Exactly one
 * variant, {@link Ok}, means the bytes are an authentic message of this swarm.
 */
public sealed interface VerifyOutcome
        permits VerifyOutcome.Ok,
                VerifyOutcome.UnknownSender,
                VerifyOutcome.BadSignature,
                VerifyOutcome.WrongSwarm,
                VerifyOutcome.Malformed {

    /** True only for {@link Ok}. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** A short stable label for metrics counters: ok, unknown_sender, bad_signature, wrong_swarm, malformed. */
    String kind();

    /** The envelope decoded, addressed to this swarm, and signed by its sender's registered key. */
    record Ok(SignedEnvelope envelope) implements VerifyOutcome {
        @Override
        public String kind() {
            return "ok";
        }
    }

    /** Well-formed and for this swarm, but the sender id has no registered key. */
    record UnknownSender(int sender) implements VerifyOutcome {
        @Override
        public String kind() {
            return "unknown_sender";
        }
    }

    /** Well-formed, for this swarm, known sender, but the signature does not verify. */
    record BadSignature(int sender) implements VerifyOutcome {
        @Override
        public String kind() {
            return "bad_signature";
        }
    }

    /** Well-formed but addressed to another swarm (the claimed name, at most 255 UTF-8 bytes). */
    record WrongSwarm(String swarm) implements VerifyOutcome {
        @Override
        public String kind() {
            return "wrong_swarm";
        }
    }

    /** Not a canonical envelope encoding; {@code reason} says which rule failed. */
    record Malformed(String reason) implements VerifyOutcome {
        @Override
        public String kind() {
            return "malformed";
        }
    }
}
