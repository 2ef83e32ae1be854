package org.bftswarm.node.config;

/**
 * The {@code api:} section. With {@code allowToken: true} (the default) a write sent with the
 * cluster's bearer token is accepted and signed by the node that received it, so it trusts that one
 * node; with {@code false} only operations a client signed with its own key are accepted.
 * {@code maxModuleBytes} and {@code maxDatasetBytes} bound a data job's WebAssembly module and dataset
 * (413 above them, before anything is ordered), at most the job-spec rulebook's caps.
 */
public record ApiSettings(boolean allowToken, long maxModuleBytes, long maxDatasetBytes) {

    /** The default size limits of a data job's module (decoded) and dataset (JSON): 1 MiB each. */
    public static final long DEFAULT_DATA_LIMIT_BYTES = 1L << 20;

    public static final ApiSettings DEFAULTS =
            new ApiSettings(true, DEFAULT_DATA_LIMIT_BYTES, DEFAULT_DATA_LIMIT_BYTES);
}
