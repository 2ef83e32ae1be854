package org.bftswarm.orchestrator.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.Optional;

/** Canonical bytes of a {@link Reply}, so that f+1 correct replicas return byte-identical replies. */
public final class ReplyCodec {

    private ReplyCodec() {}

    public static byte[] encode(Reply reply) {
        try {
            return CanonicalJson.mapper().writeValueAsBytes(reply);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reply cannot be encoded", e);
        }
    }

    /** Decodes reply bytes (e.g. in a client); empty when they are not a reply. Never throws. */
    public static Optional<Reply> decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes.length > CanonicalJson.MAX_OPERATION_BYTES) {
            return Optional.empty();
        }
        try {
            Reply reply = CanonicalJson.mapper().readValue(bytes, Reply.class);
            return reply == null || reply.outcome() == null || reply.code() == null
                    ? Optional.empty()
                    : Optional.of(reply);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
