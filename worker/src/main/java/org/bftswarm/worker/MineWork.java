package org.bftswarm.worker;

import java.util.Objects;
import org.bftswarm.orchestrator.mine.BlockHeader;
import org.bftswarm.orchestrator.mine.MiningTarget;

/**
 * One work unit for the built-in hasher: nonces {@code from..to} (inclusive) of {@code header} against
 * {@code target}.
 */
public record MineWork(BlockHeader header, MiningTarget target, long from, long to) {
    public MineWork {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(target, "target");
        if (from < 0 || to > BlockHeader.MAX_U32 || from > to) {
            throw new IllegalArgumentException("bad nonce range [" + from + ", " + to + "]");
        }
    }

    public long size() {
        return to - from + 1;
    }
}
