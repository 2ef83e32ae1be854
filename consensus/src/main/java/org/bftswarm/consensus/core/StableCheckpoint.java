package org.bftswarm.consensus.core;

import java.util.List;
import org.bftswarm.consensus.codec.Signed;
import org.bftswarm.crypto.Digest;

/**
 * A stable checkpoint (PBFT section 4.3): seq, state digest, the 2f+1 signed CHECKPOINT messages
 * proving it (empty for the genesis seq 0), and the snapshot bytes (see {@link ReplicaSnapshot}).
 */
public record StableCheckpoint(long seq, Digest digest, List<Signed> proof, byte[] snapshot) {
    public StableCheckpoint {
        proof = List.copyOf(proof);
    }
}
