package org.bftswarm.node;

import org.bftswarm.orchestrator.spec.DataRules;

/**
 * How large a job's WebAssembly module (decoded bytes) and data (bytes of its JSON array) this node's
 * API accepts before anything is ordered; larger is 413 naming the limit. At most the rulebook's caps,
 * which bound what one ordered operation may carry.
 */
public record DataLimits(long maxModuleBytes, long maxDataBytes) {
    public static final long DEFAULT_BYTES = 1L << 20;
    public static final DataLimits DEFAULT = new DataLimits(DEFAULT_BYTES, DEFAULT_BYTES);

    public DataLimits {
        if (maxModuleBytes < 1 || maxModuleBytes > DataRules.MAX_MODULE_BYTES) {
            throw new IllegalArgumentException(
                    "maxModuleBytes must be between 1 and " + DataRules.MAX_MODULE_BYTES + ", got " + maxModuleBytes);
        }
        if (maxDataBytes < 1 || maxDataBytes > DataRules.MAX_DATA_JSON_BYTES) {
            throw new IllegalArgumentException(
                    "maxDataBytes must be between 1 and " + DataRules.MAX_DATA_JSON_BYTES + ", got " + maxDataBytes);
        }
    }
}
