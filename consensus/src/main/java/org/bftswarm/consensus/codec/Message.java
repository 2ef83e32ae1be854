package org.bftswarm.consensus.codec;

import java.util.List;
import org.bftswarm.crypto.Digest;

/**
 * The PBFT message bodies (Castro &amp; Liskov OSDI '99 section 4, TOCS 2002 section 2.3 for the
 * signature variant PBFT-PK). Bodies carry no signature: a body travels inside a {@link Signed}.
 * Byte arrays in these records are never mutated after construction (treat them as immutable).
 */
public sealed interface Message {
    /** The envelope type code of this body. */
    int type();

    /** A client operation; signed by the client (envelope sender == clientId). */
    record Request(int clientId, long requestNumber, byte[] operation) implements Message {
        public int type() {
            return MessageType.REQUEST;
        }
    }

    /** Primary's proposal of {@code batch} at (view, seq). An empty batch is a null request. */
    record PrePrepare(long view, long seq, Batch batch) implements Message {
        public int type() {
            return MessageType.PRE_PREPARE;
        }

        public Digest digest() {
            return batch.digest();
        }
    }

    record Prepare(long view, long seq, Digest digest) implements Message {
        public int type() {
            return MessageType.PREPARE;
        }
    }

    record Commit(long view, long seq, Digest digest) implements Message {
        public int type() {
            return MessageType.COMMIT;
        }
    }

    /** State digest after executing seq (a multiple of K). */
    record Checkpoint(long seq, Digest stateDigest) implements Message {
        public int type() {
            return MessageType.CHECKPOINT;
        }
    }

    /** A prepared certificate: a signed pre-prepare plus 2f signed matching prepares (PBFT-PK). */
    record PreparedCert(Signed prePrepare, List<Signed> prepares) {
        public PrePrepare body() {
            return (PrePrepare) prePrepare.body();
        }
    }

    /** VIEW-CHANGE to newView: stable checkpoint with its 2f+1 proof, and prepared certificates above it. */
    record ViewChange(
            long newView,
            long stableSeq,
            Digest stableDigest,
            List<Signed> checkpointProof,
            List<PreparedCert> prepared)
            implements Message {
        public int type() {
            return MessageType.VIEW_CHANGE;
        }
    }

    /** NEW-VIEW: 2f+1 signed view changes and the re-proposed pre-prepares (the O set). */
    record NewView(long view, List<Signed> viewChanges, List<Signed> prePrepares) implements Message {
        public int type() {
            return MessageType.NEW_VIEW;
        }
    }

    /**
     * A replica's reply to a client; authenticated by the runtime (see CORE-API.md). {@code sequence} is
     * the sequence number at which the request executed; {@code signature} is the replica's reply
     * certificate over it (empty until the runtime signs it, see {@code client.ReplyCertificate}). Only
     * {@code result} must be identical across correct replicas.
     */
    record Reply(long view, int clientId, long requestNumber, byte[] result, long sequence, byte[] signature)
            implements Message {
        private static final byte[] UNSIGNED = new byte[0];

        /** A reply without execution sequence or certificate (as older replicas send it). */
        public Reply(long view, int clientId, long requestNumber, byte[] result) {
            this(view, clientId, requestNumber, result, 0, UNSIGNED);
        }

        /** An unsigned reply to a request executed at {@code sequence}. */
        public Reply(long view, int clientId, long requestNumber, byte[] result, long sequence) {
            this(view, clientId, requestNumber, result, sequence, UNSIGNED);
        }

        public Reply withSignature(byte[] certificate) {
            return new Reply(view, clientId, requestNumber, result, sequence, certificate);
        }

        public boolean signed() {
            return signature.length > 0;
        }

        public int type() {
            return MessageType.REPLY;
        }
    }

    /** A lagging replica asks for the committed certificate of seq. */
    record Fetch(long seq) implements Message {
        public int type() {
            return MessageType.FETCH;
        }
    }

    /** Committed certificate: signed pre-prepare + 2f+1 signed matching commits; transferable. */
    record CommitProof(Signed prePrepare, List<Signed> commits) implements Message {
        public int type() {
            return MessageType.COMMIT_PROOF;
        }
    }

    /** Asks for one chunk of the snapshot of stable checkpoint seq. */
    record StateRequest(long seq, int chunk) implements Message {
        public int type() {
            return MessageType.STATE_REQUEST;
        }
    }

    /**
     * One chunk of a checkpoint snapshot with its Merkle sibling path ({@code proof}, leaf to root):
     * each chunk is verified on its own against the certified checkpoint digest.
     */
    record StateChunk(long seq, int chunk, int totalChunks, int totalLength, byte[] data, List<Digest> proof)
            implements Message {
        public StateChunk {
            proof = List.copyOf(proof);
        }

        public int type() {
            return MessageType.STATE_CHUNK;
        }
    }
}
