package org.bftswarm.orchestrator.view;

import java.util.List;

/**
 * A data job's progress and result for the API: every shard with its slice and accepted result, the
 * reduced result (once every shard succeeded; JSON text), or, past the deadline with some shards
 * done, the reduction of those ({@code partial}) and the shards still missing.
 */
public record DataView(
        String result, String error, boolean partial, List<ShardView> shards, List<Integer> missingShards) {

    /** One shard: index, element range {@code [start, end)}, the node of its latest run, output, state. */
    public record ShardView(int index, int start, int end, Integer node, String result, TaskState state) {}
}
